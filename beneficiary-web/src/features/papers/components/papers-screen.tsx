import { useId, useMemo, useState } from 'react';
import { LoadFailed, Loading } from '../../../components/async-view';
import { FlashNotice } from '../../../components/flash-notice';
import { Icon } from '../../../components/icon';
import { Notice } from '../../../components/notice';
import { Screen } from '../../../components/screen';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api';
import { cachedJson } from '../../../lib/offline';
import { Link } from '../../../lib/router';
import { useAsync } from '../../../lib/use-async';
import { listMyDocuments, urls, type Paper } from '../api/papers';
import { themeOf, themes } from '../themes';
import { PaperCard } from './paper-card';

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

interface Loaded {
  papers: Paper[];
  offline: boolean;
}

async function loadPapers(signal: AbortSignal): Promise<Loaded> {
  try {
    return { papers: await listMyDocuments(signal), offline: false };
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'network_error')) throw error;
    // No network: what the service worker kept on this phone, if anything.
    const kept = await cachedJson<{ data: Paper[] }>(urls.list(1));
    if (!kept) throw error;
    return { papers: kept.data, offline: true };
  }
}

/** Home: my papers by theme, each with its thumbnail, expiry and private/shared switch. */
export function PapersScreen({
  sharedWith,
  offline: appOffline = false,
}: {
  sharedWith: readonly string[] | null;
  /** The app started without network (the list then comes from the phone's copy). */
  offline?: boolean;
}) {
  const { t } = useI18n();
  const { status, data, error, reload, setData } = useAsync(loadPapers, []);
  const [query, setQuery] = useState('');
  const searchId = useId();

  const groups = useMemo(() => {
    const wanted = fold(query.trim());
    const matches = (data?.papers ?? []).filter((paper) => {
      if (!wanted) return true;
      const theme = themeOf(paper.type?.theme);
      return fold(`${paper.title} ${paper.type?.label ?? ''} ${t(theme.label)}`).includes(wanted);
    });
    return themes
      .map((theme) => ({
        theme,
        papers: matches.filter((paper) => themeOf(paper.type?.theme).code === theme.code),
      }))
      .filter((group) => group.papers.length > 0);
  }, [data, query, t]);

  const replace = (changed: Paper) =>
    setData((loaded) => ({ ...loaded, papers: loaded.papers.map((p) => (p.id === changed.id ? changed : p)) }));

  const count = data?.papers.length ?? 0;
  const offline = appOffline || (data?.offline ?? false);
  const shown = groups.reduce((sum, group) => sum + group.papers.length, 0);

  return (
    <Screen titleId="papers-title" title={t('papers.title')}>
      <FlashNotice />

      {offline && <Notice kind="warning">{t('papers.offline')}</Notice>}
      {status === 'error' && <LoadFailed error={error} retry={reload} />}

      {!offline && (
        <Link to="/papers/new" className="button button-primary">
          <Icon name="plus" />
          {t('papers.add')}
        </Link>
      )}

      {count > 0 && (
        <div className="field search">
          <label htmlFor={searchId}>{t('papers.search')}</label>
          <div className="search-box">
            <Icon name="search" />
            <input
              id={searchId}
              type="search"
              enterKeyHint="search"
              autoComplete="off"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
        </div>
      )}
      <p className="visually-hidden" role="status">
        {query && status === 'ready' ? t('papers.found', { count: shown }) : ''}
      </p>

      {status === 'loading' && !data && <Loading />}

      {data && count === 0 && !offline && (
        <div className="empty card">
          <Icon name="file" />
          <p>{t('papers.empty')}</p>
        </div>
      )}
      {data && count > 0 && shown === 0 && <p className="empty">{t('papers.noMatch')}</p>}

      {groups.map(({ theme, papers }) => (
        <section key={theme.code} className="theme-group" aria-labelledby={`theme-${theme.code}`}>
          <h2 id={`theme-${theme.code}`} className="theme-title">
            <Icon name={theme.icon} />
            {t(theme.label)}
            <span className="theme-count">({papers.length})</span>
          </h2>
          <ul className="paper-list">
            {papers.map((paper) => (
              <li key={paper.id}>
                <PaperCard paper={paper} sharedWith={sharedWith} onChanged={replace} offline={data?.offline ?? false} />
              </li>
            ))}
          </ul>
        </section>
      ))}

      <p className="screen-footer">
        <Link to="/trash" className="link-with-icon">
          <Icon name="trash" />
          {t('papers.trashLink')}
        </Link>
      </p>
    </Screen>
  );
}
