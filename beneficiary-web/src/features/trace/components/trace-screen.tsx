import { useState } from 'react';
import { AsyncStatus } from '../../../components/async-view';
import { Icon, type IconName } from '../../../components/icon';
import { Screen } from '../../../components/screen';
import type { MessageKey } from '../../../i18n/fr';
import { useI18n } from '../../../i18n/i18n';
import { formatDay, formatTime } from '../../../lib/format';
import { useAsync } from '../../../lib/use-async';
import { getMyAccessLog, perPage, type AccessEvent } from '../api/access-log';

/** How each audited action reads in a sentence; the others read as a generic "did something". */
const actions: Record<string, { key: MessageKey; icon: IconName }> = {
  'document.downloaded': { key: 'trace.action.downloaded', icon: 'download' },
  'document.viewed': { key: 'trace.action.viewed', icon: 'eye' },
  'document.deposited': { key: 'trace.action.deposited', icon: 'plus' },
  'beneficiary.created': { key: 'trace.action.created', icon: 'user' },
  'beneficiary.viewed': { key: 'trace.action.profileViewed', icon: 'eye' },
  'beneficiary.updated': { key: 'trace.action.profileUpdated', icon: 'edit' },
  'beneficiary.follow_requested': { key: 'trace.action.followRequested', icon: 'building' },
  'beneficiary.phone_changed': { key: 'trace.action.phoneChanged', icon: 'phone' },
  'beneficiary.unlocked': { key: 'trace.action.unlocked', icon: 'lock' },
  'beneficiary.emergency_card_issued': { key: 'trace.action.cardIssued', icon: 'card' },
  'session.revoked': { key: 'trace.action.sessionsRevoked', icon: 'logout' },
};

/** Same person, same thing, same paper, within 10 minutes: one line (a list of thumbnails is one look). */
function collapse(events: readonly AccessEvent[]): { event: AccessEvent; times: number }[] {
  const lines: { event: AccessEvent; times: number }[] = [];
  for (const event of events) {
    const last = lines.at(-1);
    if (
      last &&
      last.event.action === event.action &&
      last.event.staff?.id === event.staff?.id &&
      last.event.document?.id === event.document?.id &&
      Math.abs(new Date(last.event.at).getTime() - new Date(event.at).getTime()) < 10 * 60 * 1000
    ) {
      last.times += 1;
    } else {
      lines.push({ event, times: 1 });
    }
  }
  return lines;
}

async function loadPages(pages: number, signal: AbortSignal) {
  const events: AccessEvent[] = [];
  let total = 0;
  for (let page = 1; page <= pages; page += 1) {
    const answer = await getMyAccessLog(page, signal);
    events.push(...answer.data);
    total = answer.total;
    if (answer.data.length < perPage) break;
  }
  return { events, total };
}

/** "Who saw my papers": the trace of what staff did, in plain sentences. */
export function TraceScreen() {
  const { t, locale } = useI18n();
  const [pages, setPages] = useState(1);
  const trace = useAsync((signal) => loadPages(pages, signal), [pages]);
  const { data } = trace;

  function sentence(event: AccessEvent): string {
    const who = event.staff?.displayName || t('trace.someone');
    const structure = event.structure?.name;
    const person = structure ? t('trace.whoAt', { who, structure }) : who;
    const action = actions[event.action];
    const paper = event.document ? (event.document.title ?? t('trace.erasedPaper')) : '';
    const when = t('trace.when', {
      date: formatDay(event.at, locale.code),
      time: formatTime(event.at, locale.code),
    });
    return t(action?.key ?? 'trace.action.other', { who: person, paper, when });
  }

  return (
    <Screen titleId="trace-title" title={t('trace.title')}>
      <p className="lead">{t('trace.intro')}</p>
      <AsyncStatus state={trace} empty={data?.events.length === 0 && t('trace.empty')} />
      {data && data.events.length > 0 && (
        <ol className="trace-list">
          {collapse(data.events).map(({ event, times }, index) => (
            <li key={`${event.at}-${index}`} className="trace-item">
              <Icon name={actions[event.action]?.icon ?? 'history'} />
              <p>
                {sentence(event)}
                {times > 1 && <span className="hint"> {t('trace.times', { count: times })}</span>}
              </p>
            </li>
          ))}
        </ol>
      )}
      {data && data.events.length < data.total && (
        <button type="button" className="button button-secondary" onClick={() => setPages((p) => p + 1)}>
          <Icon name="plus" />
          {t('trace.more')}
        </button>
      )}
    </Screen>
  );
}
