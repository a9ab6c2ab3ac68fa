import { useState } from 'react';
import { AsyncStatus } from '../../../components/async-view';
import { Icon } from '../../../components/icon';
import { Notice } from '../../../components/notice';
import { Screen } from '../../../components/screen';
import { useI18n } from '../../../i18n/i18n';
import { errorMessage } from '../../../lib/error-message';
import { formatDay } from '../../../lib/format';
import { useAsync } from '../../../lib/use-async';
import { answerFollowRequest, listMyFollows, unfollowStructure, type Follow } from '../api/follows';

/** The structures that follow me (they see my shared papers), the ones asking to, and "stop". */
export function StructuresScreen({ onChanged }: { onChanged?: () => void }) {
  const { t, locale } = useI18n();
  const follows = useAsync((signal) => listMyFollows(signal), []);
  const { data, setData } = follows;
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [confirmStop, setConfirmStop] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function act(follow: Follow, action: 'accept' | 'refuse' | 'stop') {
    setBusy(follow.id);
    setMessage(null);
    try {
      if (action === 'stop') {
        await unfollowStructure(follow.id);
        setData((list) => list.filter((f) => f.id !== follow.id));
        setMessage({ kind: 'success', text: t('structures.stopped', { name: follow.structure.name }) });
      } else {
        const answered = await answerFollowRequest(follow.id, action === 'accept');
        setData((list) =>
          action === 'accept'
            ? list.map((f) => (f.id === follow.id ? answered : f))
            : list.filter((f) => f.id !== follow.id),
        );
        setMessage({
          kind: 'success',
          text: t(action === 'accept' ? 'structures.accepted' : 'structures.refused', { name: follow.structure.name }),
        });
      }
      setConfirmStop(null);
      onChanged?.();
    } catch (caught) {
      setMessage({ kind: 'error', text: errorMessage(caught, t, locale.code) });
    } finally {
      setBusy(null);
    }
  }

  const pending = data?.filter((f) => f.status === 'pending') ?? [];
  const active = data?.filter((f) => f.status === 'active') ?? [];

  return (
    <Screen titleId="structures-title" title={t('structures.title')}>
      <p className="lead">{t('structures.intro')}</p>
      <div aria-live="polite" className="live">
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
      </div>
      <AsyncStatus state={follows} />

      {pending.length > 0 && (
        <section aria-labelledby="pending-title">
          <h2 id="pending-title">{t('structures.pendingTitle')}</h2>
          <ul className="plain-list">
            {pending.map((follow) => (
              <li key={follow.id} className="card stack">
                <p>
                  <Icon name="building" /> {t('structures.asks', { name: follow.structure.name })}
                </p>
                <p className="hint">{t('structures.asksExplain')}</p>
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy === follow.id}
                  onClick={() => void act(follow, 'accept')}
                >
                  <Icon name="check" />
                  {t('structures.accept')}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy === follow.id}
                  onClick={() => void act(follow, 'refuse')}
                >
                  <Icon name="close" />
                  {t('structures.refuse')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="active-title">
        <h2 id="active-title">{t('structures.activeTitle')}</h2>
        {data && active.length === 0 && <p className="empty card">{t('structures.none')}</p>}
        <ul className="plain-list">
          {active.map((follow) => (
            <li key={follow.id} className="card stack">
              <h3 className="structure-name">
                <Icon name="building" /> {follow.structure.name}
              </h3>
              <p className="hint">{t('structures.since', { date: formatDay(follow.createdAt, locale.code, true) })}</p>
              {confirmStop === follow.id ? (
                <div className="confirm" role="group" aria-labelledby={`stop-${follow.id}`}>
                  <p id={`stop-${follow.id}`}>
                    <strong>{t('structures.stopQuestion', { name: follow.structure.name })}</strong>{' '}
                    {t('structures.stopExplain')}
                  </p>
                  <button
                    type="button"
                    className="button button-danger"
                    disabled={busy === follow.id}
                    onClick={() => void act(follow, 'stop')}
                  >
                    <Icon name="close" />
                    {t('structures.stopConfirm')}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => setConfirmStop(null)}>
                    <Icon name="back" className="icon-flip" />
                    {t('common.no')}
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  className="button button-danger-outline"
                  onClick={() => setConfirmStop(follow.id)}
                >
                  <Icon name="close" />
                  {t('structures.stop', { name: follow.structure.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </Screen>
  );
}
