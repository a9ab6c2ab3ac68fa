import { Icon } from '../../components/icon';
import { ScreenTitle } from '../../components/screen-title';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../lib/router';

export function NotFoundScreen() {
  const { t } = useI18n();
  return (
    <section className="screen" aria-labelledby="not-found-title">
      <ScreenTitle text={t('notFound.title')}>
        <span id="not-found-title">{t('notFound.title')}</span>
      </ScreenTitle>
      <p>{t('notFound.text')}</p>
      <Link to="/" className="button button-primary">
        <Icon name="home" />
        {t('common.backToPapers')}
      </Link>
    </section>
  );
}
