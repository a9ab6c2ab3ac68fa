import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { availableLocales } from '../i18n/locales';

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

/** Header, main landmark and nothing else: every screen renders inside it. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="app-shell">
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
    </div>
  );
}
