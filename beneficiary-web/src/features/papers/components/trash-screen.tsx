import { useState } from 'react';
import { AsyncStatus } from '../../../components/async-view';
import { Icon } from '../../../components/icon';
import { Notice } from '../../../components/notice';
import { Screen } from '../../../components/screen';
import { useI18n } from '../../../i18n/i18n';
import { errorMessage } from '../../../lib/error-message';
import { formatDay } from '../../../lib/format';
import { useAsync } from '../../../lib/use-async';
import { BackToPapers } from './back-to-papers';
import { listTrash, restoreDocument, urls, type Paper } from '../api/papers';

const keptDays = 30;

/** Papers put in the trash: restorable for 30 days, then erased for good. */
export function TrashScreen() {
  const { t, locale } = useI18n();
  const trash = useAsync((signal) => listTrash(signal), []);
  const { data, setData } = trash;
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function restore(paper: Paper) {
    setBusyId(paper.id);
    setMessage(null);
    try {
      await restoreDocument(paper.id);
      setData((papers) => papers.filter((p) => p.id !== paper.id));
      setMessage({ kind: 'success', text: t('trash.restored', { title: paper.title }) });
    } catch (caught) {
      setMessage({ kind: 'error', text: errorMessage(caught, t, locale.code) });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <Screen titleId="trash-title" title={t('trash.title')}>
      <p className="lead">{t('trash.intro', { days: keptDays })}</p>
      <div aria-live="polite" className="live">
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
      </div>
      <AsyncStatus state={trash} empty={data?.length === 0 && t('trash.empty')} />
      {data && data.length > 0 && (
        <ul className="paper-list">
          {data.map((paper) => {
            const deleted = paper.deletedAt ? new Date(paper.deletedAt) : new Date();
            const erasedOn = new Date(deleted.getTime() + keptDays * 24 * 3600 * 1000);
            return (
              <li key={paper.id}>
                <article className="paper-card" aria-labelledby={`trash-${paper.id}`}>
                  <div className="paper-card-head">
                    <img className="thumbnail" src={urls.thumbnail(paper.id)} alt="" width={72} height={96} />
                    <div className="paper-card-text">
                      <h2 id={`trash-${paper.id}`} className="paper-title">
                        {paper.title}
                      </h2>
                      <p className="hint">{t('trash.erasedOn', { date: formatDay(erasedOn, locale.code, true) })}</p>
                    </div>
                  </div>
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={busyId === paper.id}
                    onClick={() => void restore(paper)}
                    aria-describedby={`trash-${paper.id}`}
                  >
                    <Icon name="refresh" />
                    {t('trash.restore')}
                  </button>
                </article>
              </li>
            );
          })}
        </ul>
      )}
      <BackToPapers />
    </Screen>
  );
}
