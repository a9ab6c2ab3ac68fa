import type { Locale } from './locale.js';
import { PRODUCT_NAME } from './locale.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Links go into `href`: anything but http(s) (e.g. `javascript:`) would be a hole, so it is refused. */
export function safeLink(link: string): string {
  const url = new URL(link);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`Refusing a non-http(s) link in an e-mail`);
  return url.href;
}

/** Parts of an e-mail body; every string is plain text and is escaped here. */
export interface EmailBody {
  locale: Locale;
  title: string;
  paragraphs: string[];
  action: { label: string; link: string };
  /** Shown under the button, for clients that strip links or people who copy by hand. */
  linkHint: string;
  footer: string;
}

/**
 * One column, no images, system fonts, inline styles (mail clients drop `<style>`), contrast above
 * WCAG AA, and the link also written out in full.
 */
export function renderHtml({ locale, title, paragraphs, action, linkHint, footer }: EmailBody): string {
  const href = escapeHtml(safeLink(action.link));
  const text = 'color:#1f2937;line-height:1.5;margin:0 0 16px';
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif">
<div role="article" aria-label="${escapeHtml(title)}" style="max-width:560px;margin:0 auto;padding:24px 16px">
<p style="font-size:20px;font-weight:700;color:#1e3a8a;margin:0 0 16px">${PRODUCT_NAME}</p>
<div style="background:#ffffff;border-radius:8px;padding:24px">
<h1 style="font-size:22px;line-height:1.3;color:#111827;margin:0 0 16px">${escapeHtml(title)}</h1>
${paragraphs.map((paragraph) => `<p style="${text};font-size:16px">${escapeHtml(paragraph)}</p>`).join('\n')}
<p style="margin:24px 0"><a href="${href}" style="display:inline-block;background:#1e40af;color:#ffffff;font-size:16px;font-weight:600;text-decoration:none;padding:12px 20px;border-radius:6px">${escapeHtml(action.label)}</a></p>
<p style="${text};font-size:14px">${escapeHtml(linkHint)}<br><a href="${href}" style="color:#1e40af;word-break:break-all">${href}</a></p>
</div>
<p style="color:#4b5563;font-size:13px;line-height:1.5;margin:16px 0 0">${escapeHtml(footer)}</p>
</div>
</body>
</html>
`;
}

export function renderText({ title, paragraphs, action, footer }: EmailBody): string {
  return (
    [title, ...paragraphs, `${action.label}\n${safeLink(action.link)}`, '--', `${PRODUCT_NAME} · ${footer}`].join(
      '\n\n',
    ) + '\n'
  );
}
