export const MAX_TITLE_LENGTH = 120;
const FALLBACK_TITLE = 'Document';

/**
 * Turns the name the sender's device gave the file into a title to show (UP-5). It is metadata
 * only, never a path: folders, the extension (the stored type may differ: HEIC becomes JPEG),
 * control and invisible formatting characters (a right-to-left override can disguise `exe.pdf`)
 * are removed, and the length is capped in characters, not bytes.
 */
export function displayTitle(originalName: string): string {
  const baseName = originalName.split(/[/\\]/).pop() ?? '';
  const cleaned = baseName
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\.[\p{L}\p{N}]{1,5}$/u, '')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  const capped = [...cleaned].slice(0, MAX_TITLE_LENGTH).join('').trimEnd();
  return capped || FALLBACK_TITLE;
}
