export type Locale = 'fr' | 'en';

export const DEFAULT_LOCALE: Locale = 'fr';

export const PRODUCT_NAME = 'Consigne';

const UNITS = {
  fr: { hour: ['heure', 'heures'], minute: ['minute', 'minutes'] },
  en: { hour: ['hour', 'hours'], minute: ['minute', 'minutes'] },
} as const;

/** "1 heure", "72 heures", "1 hour"… French counts 0 as singular, hence the CLDR rules. */
export function duration(amount: number, unit: 'hour' | 'minute', locale: Locale): string {
  const [one, other] = UNITS[locale][unit];
  const form = new Intl.PluralRules(locale).select(amount) === 'one' ? one : other;
  return `${amount} ${form}`;
}
