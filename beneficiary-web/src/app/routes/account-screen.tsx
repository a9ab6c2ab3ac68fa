import { useState } from 'react';
import { Icon, type IconName } from '../../components/icon';
import { Screen } from '../../components/screen';
import { useAuth, useMe } from '../../features/auth/auth-context';
import type { MessageKey } from '../../i18n/fr';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../lib/router';

const entries: { to: string; icon: IconName; label: MessageKey; hint: MessageKey }[] = [
  { to: '/structures', icon: 'building', label: 'account.structures', hint: 'account.structuresHint' },
  { to: '/devices', icon: 'phone', label: 'account.devices', hint: 'account.devicesHint' },
  { to: '/trash', icon: 'trash', label: 'account.trash', hint: 'account.trashHint' },
];

/** My account: a short menu of the less frequent screens, and logging out. */
export function AccountScreen() {
  const { t } = useI18n();
  const me = useMe();
  const { logout } = useAuth();
  const [busy, setBusy] = useState(false);
  return (
    <Screen titleId="account-title" title={t('account.title')}>
      {me && <p className="lead">{t('account.hello', { name: me.firstName })}</p>}
      <ul className="menu-list">
        {entries.map((entry) => (
          <li key={entry.to}>
            <Link to={entry.to} className="menu-item">
              <Icon name={entry.icon} />
              <span>
                <strong>{t(entry.label)}</strong>
                <span className="choice-hint">{t(entry.hint)}</span>
              </span>
              <Icon name="next" className="icon-flip menu-arrow" />
            </Link>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button-secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void logout().finally(() => setBusy(false));
        }}
      >
        <Icon name="logout" className="icon-flip" />
        {t('account.logout')}
      </button>
    </Screen>
  );
}
