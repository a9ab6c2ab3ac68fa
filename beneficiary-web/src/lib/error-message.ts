import type { MessageKey } from '../i18n/fr';
import { ApiError } from './api';
import { waitInWords } from './format';

type T = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

/** Seconds to wait after a 429: the problem's `retryAfter`, else the header copied into it. */
export function retryAfterOf(error: ApiError): number | null {
  const value = error.problem.retryAfter;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}

/**
 * What to tell the person. The server's `title` is already plain French written for them, so it
 * is shown as is (in English the known cases are translated); network trouble and the unexpected
 * get our own words.
 */
export function errorMessage(error: unknown, t: T, locale: string): string {
  if (!(error instanceof ApiError)) return t('error.unknown');
  if (error.code === 'network_error') return t('error.network');
  if (error.status === 429) {
    const wait = retryAfterOf(error);
    if (wait !== null) return t('error.tooManyWait', { wait: waitInWords(wait, locale) });
  }
  if (error.status === 401) return t('error.signedOut');
  if (error.status >= 500 && !error.title) return t('error.unknown');
  if (!locale.startsWith('fr') && error.status === 404) return t('error.notFound');
  return error.title || t('error.unknown');
}
