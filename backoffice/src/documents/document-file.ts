import type { SharedDocument } from './documents-api';

const extensions: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** A readable file name for a download when the server gives none: the title + the right extension. */
export function fileNameFor(document: SharedDocument): string {
  const base = document.title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'document';
  const ext = extensions[document.mime];
  return ext && !base.toLowerCase().endsWith(`.${ext}`) ? `${base}.${ext}` : base;
}

export function formatSize(bytes: number | undefined, locale: string): string {
  if (bytes === undefined) return '';
  const units = ['o', 'Ko', 'Mo', 'Go'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}
