import { Icon } from '../../../components/icon';
import { useI18n } from '../../../i18n/i18n';
import { Link } from '../../../lib/router';

/** The way back to "my papers" at the foot of a papers screen. */
export function BackToPapers() {
  const { t } = useI18n();
  return (
    <Link to="/" className="button button-secondary">
      <Icon name="back" className="icon-flip" />
      {t('common.backToPapers')}
    </Link>
  );
}
