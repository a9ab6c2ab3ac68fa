import { useI18n } from '../i18n/i18n';
import type { AsyncState } from '../lib/use-async';
import { errorMessage } from '../lib/error-message';
import { Icon } from './icon';
import { Notice } from './notice';

/** "Loading…", read by screen readers when nothing else is on screen yet. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** The small "retry" button of a notice. */
export function RetryButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button-secondary button-small" onClick={onClick}>
      <Icon name="refresh" />
      {t('common.retry')}
    </button>
  );
}

/** A load that failed: the server's (or the network's) words, and "retry". */
export function LoadFailed({ error, retry }: { error: unknown; retry: () => void }) {
  const { t, locale } = useI18n();
  return (
    <Notice kind="error" action={<RetryButton onClick={retry} />}>
      {errorMessage(error, t, locale.code)}
    </Notice>
  );
}

/**
 * What a screen shows of its `useAsync` load instead of the data: the failure with "retry",
 * "loading…" while there is nothing yet, and `empty` (the words for "nothing here") once loaded
 * with nothing to show.
 */
export function AsyncStatus({
  state,
  empty,
}: {
  state: Pick<AsyncState<unknown>, 'status' | 'data' | 'error'> & { reload: () => void };
  empty?: string | false;
}) {
  const { t } = useI18n();
  return (
    <>
      {state.status === 'error' && <LoadFailed error={state.error} retry={state.reload} />}
      {state.status === 'loading' && !state.data && <p role="status">{t('common.loading')}</p>}
      {empty && <p className="empty card">{empty}</p>}
    </>
  );
}
