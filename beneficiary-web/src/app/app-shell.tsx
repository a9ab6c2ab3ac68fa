import type { ReactNode } from 'react';
import { Icon, type IconName } from '../components/icon';
import type { MessageKey } from '../i18n/fr';
import { useI18n } from '../i18n/i18n';
import { availableLocales } from '../i18n/locales';
import { Link } from '../lib/router';

function LanguagePicker() {
  const { locale, setLocale, t } = useI18n();
  if (availableLocales.length < 2) return null;
  return (
    <label className="language-picker">
      <span className="visually-hidden">{t('language.label')}</span>
      <select value={locale.code} onChange={(event) => setLocale(event.target.value)}>
        {availableLocales.map((l) => (
          <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
            {l.nativeName}
          </option>
        ))}
      </select>
    </label>
  );
}

const tabs: { to: string; icon: IconName; label: MessageKey; match: (path: string) => boolean }[] = [
  {
    to: '/',
    icon: 'home',
    label: 'nav.papers',
    match: (p) => p === '/' || (p.startsWith('/papers/') && p !== '/papers/new'),
  },
  { to: '/papers/new', icon: 'plus', label: 'nav.add', match: (p) => p === '/papers/new' },
  { to: '/history', icon: 'history', label: 'nav.history', match: (p) => p === '/history' },
  {
    to: '/account',
    icon: 'user',
    label: 'nav.account',
    match: (p) => ['/account', '/structures', '/devices', '/trash'].includes(p),
  },
];

function BottomNav({ path }: { path: string }) {
  const { t } = useI18n();
  return (
    <nav className="bottom-nav" aria-label={t('nav.label')}>
      <ul>
        {tabs.map((tab) => {
          const current = tab.match(path);
          return (
            <li key={tab.to}>
              <Link to={tab.to} aria-current={current ? 'page' : undefined}>
                <Icon name={tab.icon} />
                <span>{t(tab.label)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Skip link, header, main landmark, and the bottom menu once signed in. */
export function AppShell({ children, path, signedIn }: { children: ReactNode; path: string; signedIn: boolean }) {
  const { t } = useI18n();
  return (
    <div className={signedIn ? 'app-shell has-nav' : 'app-shell'}>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <p className="app-brand">
          <svg className="app-logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect x="4" y="13" width="24" height="16" rx="3" />
            <path d="M10 13V9a6 6 0 0 1 12 0v4" fill="none" strokeWidth="3" />
          </svg>
          {t('app.name')}
        </p>
        <LanguagePicker />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
      {signedIn && <BottomNav path={path} />}
    </div>
  );
}
