import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';
import { fr } from '../i18n/fr';

const base = polyglotI18nProvider(
  // French ships in the main bundle; English is loaded when someone picks it.
  (locale) => (locale === 'en' ? import('../i18n/en').then((m) => m.en) : fr),
  'fr',
  [
    { locale: 'fr', name: 'Français' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);

/** Keeps `<html lang>` in step with the chosen language, for screen readers and hyphenation. */
export const i18nProvider: I18nProvider = {
  ...base,
  changeLocale: async (locale, options) => {
    await base.changeLocale(locale, options);
    document.documentElement.lang = locale;
  },
};
