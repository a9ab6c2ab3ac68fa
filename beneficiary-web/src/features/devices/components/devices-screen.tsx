import { useState } from 'react';
import { Icon } from '../../../components/icon';
import { Notice } from '../../../components/notice';
import { Screen } from '../../../components/screen';
import { useI18n } from '../../../i18n/i18n';
import { saveBlob } from '../../../lib/download';
import { errorMessage } from '../../../lib/error-message';
import { formatDay, formatTime } from '../../../lib/format';
import { useAsync } from '../../../lib/use-async';
import { exportUrl, issueEmergencyCard, listMySessions, revokeSession, type DeviceSession } from '../api/devices';

/**
 * My devices (sessions, log one out), my emergency card (PDF of one-time codes), and everything
 * in one ZIP.
 */
export function DevicesScreen({ beneficiaryId, onLoggedOut }: { beneficiaryId: string; onLoggedOut: () => void }) {
  const { t, locale } = useI18n();
  const sessions = useAsync((signal) => listMySessions(signal), []);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmCard, setConfirmCard] = useState(false);

  async function revoke(session: DeviceSession) {
    setBusy(session.id);
    setMessage(null);
    try {
      await revokeSession(session.id);
      if (session.current) {
        onLoggedOut();
        return;
      }
      sessions.setData((list) => list.filter((s) => s.id !== session.id));
      setMessage({ kind: 'success', text: t('devices.revoked') });
    } catch (caught) {
      setMessage({ kind: 'error', text: errorMessage(caught, t, locale.code) });
    } finally {
      setBusy(null);
    }
  }

  async function printCard() {
    setBusy('card');
    setMessage(null);
    try {
      saveBlob(await issueEmergencyCard(beneficiaryId), 'carte-urgence-consigne.pdf');
      setMessage({ kind: 'success', text: t('card.done') });
      setConfirmCard(false);
    } catch (caught) {
      setMessage({ kind: 'error', text: errorMessage(caught, t, locale.code) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Screen titleId="devices-title" title={t('devices.title')}>
      <div aria-live="polite" className="live">
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
      </div>

      <section className="card stack" aria-labelledby="sessions-title">
        <h2 id="sessions-title">
          <Icon name="phone" /> {t('devices.sessions')}
        </h2>
        <p className="hint">{t('devices.intro')}</p>
        {sessions.status === 'error' && <Notice kind="error">{errorMessage(sessions.error, t, locale.code)}</Notice>}
        {sessions.status === 'loading' && !sessions.data && <p role="status">{t('common.loading')}</p>}
        <ul className="plain-list">
          {sessions.data?.map((session) => (
            <li key={session.id} className="device">
              <p>
                <strong>{session.deviceLabel ?? t('devices.unknownDevice')}</strong>
                {session.current && <span className="badge badge-valid">{t('devices.current')}</span>}
              </p>
              <p className="hint">
                {t('devices.lastSeen', {
                  date: formatDay(session.lastSeenAt, locale.code),
                  time: formatTime(session.lastSeenAt, locale.code),
                })}
                {' · '}
                {t(session.trustedDevice ? 'devices.own' : 'devices.shared')}
              </p>
              <button
                type="button"
                className="button button-secondary"
                disabled={busy === session.id}
                onClick={() => void revoke(session)}
              >
                <Icon name="logout" className="icon-flip" />
                {session.current ? t('devices.logoutHere') : t('devices.revoke')}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section className="card stack" aria-labelledby="card-title">
        <h2 id="card-title">
          <Icon name="card" /> {t('card.title')}
        </h2>
        <p>{t('card.intro')}</p>
        {confirmCard ? (
          <div className="confirm" role="group" aria-labelledby="card-question">
            <p id="card-question">
              <strong>{t('card.warning')}</strong>
            </p>
            <button
              type="button"
              className="button button-primary"
              disabled={busy === 'card'}
              onClick={() => void printCard()}
            >
              <Icon name="download" />
              {t('card.confirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirmCard(false)}>
              <Icon name="close" />
              {t('common.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setConfirmCard(true)}>
            <Icon name="card" />
            {t('card.get')}
          </button>
        )}
      </section>

      <section className="card stack" aria-labelledby="export-title">
        <h2 id="export-title">
          <Icon name="archive" /> {t('export.title')}
        </h2>
        <p>{t('export.intro')}</p>
        <a className="button button-secondary" href={exportUrl} download>
          <Icon name="download" />
          {t('export.download')}
        </a>
      </section>
    </Screen>
  );
}
