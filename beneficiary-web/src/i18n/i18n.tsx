import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fr, type MessageKey, type Messages } from './fr';
import { defaultLocale, findLocale, type LocaleInfo } from './locales';

const storageKey = 'consigne.locale';

interface I18n {
  locale: LocaleInfo;
  /** The message for `key`, `{name}` placeholders replaced by `params`. */
  t: (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;
  setLocale: (code: string) => void;
}

function interpolate(message: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const I18nContext = createContext<I18n | null>(null);

function readStoredLocale(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null; // storage disabled (private mode on some phones)
  }
}

/** Saved choice first, then the phone's languages, then French. */
function initialLocale(): LocaleInfo {
  const candidates = [readStoredLocale(), ...(navigator.languages ?? [])];
  for (const candidate of candidates) {
    const found = findLocale(candidate);
    if (found) return found;
  }
  return findLocale(defaultLocale)!;
}

/** Writes the language and its direction on `<html>` so screen readers and CSS follow. */
function applyToDocument(locale: LocaleInfo): void {
  document.documentElement.lang = locale.code;
  document.documentElement.dir = locale.dir;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleInfo] = useState<LocaleInfo>(initialLocale);
  const [messages, setMessages] = useState<Messages>(fr);

  useEffect(() => {
    let cancelled = false;
    const load = locale.load ?? (() => Promise.resolve(fr));
    load()
      .then((loaded) => {
        if (cancelled) return;
        setMessages(loaded);
        applyToDocument(locale);
      })
      .catch(() => {
        // Offline and the translation was never cached: stay in French rather than show nothing.
        if (!cancelled) applyToDocument(findLocale(defaultLocale)!);
      });
    return () => {
      cancelled = true;
    };
  }, [locale]);

  const setLocale = useCallback((code: string) => {
    const found = findLocale(code);
    if (!found) return;
    try {
      localStorage.setItem(storageKey, found.code);
    } catch {
      // not persisted: the choice holds for this visit
    }
    setLocaleInfo(found);
  }, []);

  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, params) => interpolate(messages[key] ?? fr[key], params) }),
    [locale, messages, setLocale],
  );

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = use(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
