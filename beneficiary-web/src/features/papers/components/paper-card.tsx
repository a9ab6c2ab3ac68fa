import { Icon } from '../../../components/icon';
import { useI18n } from '../../../i18n/i18n';
import { Link } from '../../../lib/router';
import { urls, type Paper } from '../api/papers';
import { ExpiryBadge } from './expiry-badge';
import { VisibilityChoice } from './visibility-choice';

export function PaperCard({
  paper,
  sharedWith,
  onChanged,
  offline,
}: {
  paper: Paper;
  sharedWith: readonly string[] | null;
  onChanged: (paper: Paper) => void;
  offline: boolean;
}) {
  const { t } = useI18n();
  const titleId = `paper-${paper.id}`;
  return (
    <article className="paper-card" aria-labelledby={titleId}>
      <div className="paper-card-head">
        <img
          className="thumbnail"
          src={urls.thumbnail(paper.id)}
          alt=""
          width={72}
          height={96}
          loading="lazy"
          decoding="async"
        />
        <div className="paper-card-text">
          <h3 id={titleId} className="paper-title">
            <Link to={`/papers/${paper.id}`}>{paper.title}</Link>
          </h3>
          {paper.type && paper.type.label !== paper.title && <p className="paper-type">{paper.type.label}</p>}
          {paper.pages > 1 && <p className="paper-type">{t('paper.pages', { count: paper.pages })}</p>}
          <ExpiryBadge expiryDate={paper.expiryDate} />
        </div>
      </div>
      <VisibilityChoice paper={paper} sharedWith={sharedWith} onChanged={onChanged} disabled={offline} />
      <Link to={`/papers/${paper.id}`} className="button button-secondary button-small" aria-describedby={titleId}>
        <Icon name="eye" />
        {t('paper.open')}
      </Link>
    </article>
  );
}
