import { Icon } from '../../components/icon';
import { Screen } from '../../components/screen';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../lib/router';

export function NotFoundScreen() {
  const { t } = useI18n();
  return (
    <Screen titleId="not-found-title" title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <Link to="/" className="button button-primary">
        <Icon name="home" />
        {t('common.backToPapers')}
      </Link>
    </Screen>
  );
}
