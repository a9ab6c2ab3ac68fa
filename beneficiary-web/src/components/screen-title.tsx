import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { hasNavigated } from '../lib/router';

/**
 * The `<h1>` of a screen. On arrival it takes the focus (a screen reader then reads where the person
 * is, as after a page load) and names the browser tab.
 */
export function ScreenTitle({ children, text }: { children: ReactNode; text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${text} — ${t('app.name')}`;
  }, [text, t]);
  useEffect(() => {
    // Only after a navigation: on first load, let the page start at the top without stealing focus.
    if (hasNavigated()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-title">
      {children}
    </h1>
  );
}
