/** Dates, times and sizes in the person's language, with `Intl` (no date library). */

const dayMs = 24 * 60 * 60 * 1000;

/** `2025-03-03` or an ISO timestamp → a Date at local midnight for plain dates. */
export function parseDate(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
}

/** "3 mars 2025" (the year only when it is not this year, unless `withYear`). */
export function formatDay(value: string | Date, locale: string, withYear = false): string {
  const date = typeof value === 'string' ? parseDate(value) : value;
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    ...(withYear || !sameYear ? { year: 'numeric' } : {}),
  }).format(date);
}

/** "14 h" / "14 h 05" in French, the locale's short time otherwise. */
export function formatTime(value: string | Date, locale: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (locale.startsWith('fr')) {
    const minutes = date.getMinutes();
    return `${date.getHours()} h${minutes === 0 ? '' : ` ${String(minutes).padStart(2, '0')}`}`;
  }
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date);
}

/** "1,2 Mo" / "350 ko". */
export function formatSize(bytes: number, locale: string): string {
  const fr = locale.startsWith('fr');
  if (bytes < 1_000_000) {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1000))} ${fr ? 'ko' : 'kB'}`;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1_000_000)} ${fr ? 'Mo' : 'MB'}`;
}

export type Expiry = 'none' | 'valid' | 'soon' | 'expired';

/** Expired before today; "soon" within 30 days. */
export function expiryOf(expiryDate: string | null | undefined, now = new Date()): Expiry {
  if (!expiryDate) return 'none';
  const end = parseDate(expiryDate).getTime();
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  if (end < today) return 'expired';
  if (end - today <= 30 * dayMs) return 'soon';
  return 'valid';
}

/** Seconds → "3 minutes", "1 heure"…, rounded up. */
export function waitInWords(seconds: number, locale: string): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const fr = locale.startsWith('fr');
  if (minutes < 60)
    return fr ? `${minutes} minute${minutes > 1 ? 's' : ''}` : `${minutes} minute${minutes > 1 ? 's' : ''}`;
  const hours = Math.ceil(minutes / 60);
  return fr ? `${hours} heure${hours > 1 ? 's' : ''}` : `${hours} hour${hours > 1 ? 's' : ''}`;
}
