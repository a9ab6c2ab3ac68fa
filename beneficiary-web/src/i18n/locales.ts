import type { Messages } from './fr';

export type Direction = 'ltr' | 'rtl';

export interface LocaleInfo {
  /** BCP 47 tag, also written to `<html lang>`. */
  code: string;
  /** The language's name in that language, as shown in the language picker. */
  nativeName: string;
  dir: Direction;
  /** Loads the translation; absent while the language is not translated yet. */
  load?: () => Promise<Messages>;
}

export const defaultLocale = 'fr';

/**
 * Languages the app is built for. Adding one = writing `src/i18n/<code>.ts` (typed `Messages`) and
 * giving it a `load` here; until then it is neither offered nor detected. Only French is in the
 * main bundle: the others are loaded on demand.
 */
export const locales: readonly LocaleInfo[] = [
  { code: 'fr', nativeName: 'Français', dir: 'ltr' },
  { code: 'en', nativeName: 'English', dir: 'ltr', load: () => import('./en').then((m) => m.en) },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
  { code: 'ps', nativeName: 'پښتو', dir: 'rtl' },
  { code: 'fa', nativeName: 'فارسی', dir: 'rtl' },
  { code: 'uk', nativeName: 'Українська', dir: 'ltr' },
  { code: 'ru', nativeName: 'Русский', dir: 'ltr' },
];

/** The languages a person can pick today: French plus those with a translation. */
export const availableLocales = locales.filter((l) => l.code === defaultLocale || l.load !== undefined);

export function findLocale(code: string | null | undefined): LocaleInfo | undefined {
  if (!code) return undefined;
  const base = code.toLowerCase().split('-')[0];
  return availableLocales.find((l) => l.code === base);
}
