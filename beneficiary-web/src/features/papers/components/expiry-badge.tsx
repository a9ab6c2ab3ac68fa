import { Icon } from '../../../components/icon';
import { useI18n } from '../../../i18n/i18n';
import { expiryOf, formatDay } from '../../../lib/format';

/** "Valable jusqu'au 3 mars 2027" / "Expire bientôt : 3 mars" / "Expiré depuis le 3 mars". */
export function ExpiryBadge({ expiryDate }: { expiryDate: string | null }) {
  const { t, locale } = useI18n();
  const state = expiryOf(expiryDate);
  if (state === 'none' || !expiryDate) return null;
  const date = formatDay(expiryDate, locale.code, true);
  const text =
    state === 'expired'
      ? t('expiry.expired', { date })
      : state === 'soon'
        ? t('expiry.soon', { date })
        : t('expiry.valid', { date });
  return (
    <span className={`badge badge-${state}`}>
      <Icon name={state === 'valid' ? 'check' : 'alert'} />
      {text}
    </span>
  );
}
