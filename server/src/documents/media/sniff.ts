import { fileTypeFromFile } from 'file-type';
import { unsupportedMediaType } from '../../http/errors.js';

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'image/heif' | 'image/avif';
export type AcceptedMime = 'application/pdf' | ImageMime;

// AVIF is the AV1 flavour of the HEIF container that recent Android phones save; it converts like HEIC.
const ACCEPTED: ReadonlySet<string> = new Set<AcceptedMime>([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/avif',
]);

export const unsupportedType = () =>
  unsupportedMediaType(
    'unsupported_type',
    "Ce type de fichier n'est pas accepté. Envoyez une photo (JPEG, PNG, WebP, HEIC) ou un PDF.",
  );

/**
 * The real type from the first bytes (UP-1). The name and the mime type sent by the browser are
 * ignored on purpose: both are chosen by the sender.
 */
export async function sniffFile(path: string): Promise<AcceptedMime> {
  const detected = await fileTypeFromFile(path);
  if (!detected || !ACCEPTED.has(detected.mime)) throw unsupportedType();
  return detected.mime as AcceptedMime;
}

export const isImageMime = (mime: AcceptedMime): mime is ImageMime => mime !== 'application/pdf';
