import { readFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import { AppError, payloadTooLarge, unprocessable } from '../../http/errors.js';
import { describeOutput, newTempPath, removeQuietly, type OutputFile } from './temp-output.js';

/** UP-3. Checked on the header, before a single pixel is decoded. */
export const MAX_INPUT_PIXELS = 40_000_000;
/** About 220 dpi on an A4 sheet: small print stays readable, a phone photo ends near 0.5–1 MB. */
export const MAIN_LONG_EDGE = 2560;
export const THUMBNAIL_LONG_EDGE = 320;
const JPEG_QUALITY = 82;
const THUMBNAIL_QUALITY = 70;

export interface NormalisedImage {
  mime: 'image/jpeg';
  width: number;
  height: number;
  main: OutputFile;
  thumbnail: OutputFile;
}

export const imageTooLarge = () =>
  payloadTooLarge(
    'image_too_large',
    'Cette photo est trop grande. Envoyez une photo de 40 mégapixels au plus, par exemple prise en mode normal.',
    { maxPixels: MAX_INPUT_PIXELS },
  );

export const imageCorrupt = () =>
  unprocessable(
    'image_corrupt',
    'Cette photo est abîmée ou incomplète. Reprenez la photo et envoyez-la à nouveau, en JPEG, PNG, WebP ou HEIC.',
  );

/**
 * Re-encodes a photo into a plain JPEG plus a WebP thumbnail, both written to new files in tmpDir.
 * Re-encoding is what strips every metadata block (EXIF, XMP, GPS: UP-6), after the pixels are
 * turned upright from the EXIF orientation.
 */
export async function normaliseImage(inputPath: string, tmpDir: string): Promise<NormalisedImage> {
  const header = await readHeader(inputPath);
  if (header.width * header.height > MAX_INPUT_PIXELS) throw imageTooLarge();

  const mainPath = newTempPath(tmpDir, 'jpg');
  const thumbnailPath = newTempPath(tmpDir, 'webp');
  try {
    const source = header.compression === 'hevc' ? await decodeHevc(inputPath) : openWithSharp(inputPath);
    const written = await source
      .resize(MAIN_LONG_EDGE, MAIN_LONG_EDGE, { fit: 'inside', withoutEnlargement: true })
      // JPEG has no transparency: a transparent screenshot would otherwise turn black.
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
      .toFile(mainPath);
    await sharp(mainPath)
      .resize(THUMBNAIL_LONG_EDGE, THUMBNAIL_LONG_EDGE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: THUMBNAIL_QUALITY })
      .toFile(thumbnailPath);
    return {
      mime: 'image/jpeg',
      width: written.width,
      height: written.height,
      main: await describeOutput(mainPath),
      thumbnail: await describeOutput(thumbnailPath),
    };
  } catch (error) {
    await removeQuietly([mainPath, thumbnailPath]);
    throw asImageError(error);
  }
}

async function readHeader(inputPath: string) {
  try {
    // Reading the header decodes no pixel, so sharp's own default pixel limit must not turn a
    // pixel bomb into a "corrupt file" answer here.
    const { width, height, compression } = await sharp(inputPath, { limitInputPixels: false }).metadata();
    if (!width || !height) throw new Error('image without dimensions');
    return { width, height, compression };
  } catch {
    throw imageCorrupt();
  }
}

function openWithSharp(inputPath: string): Sharp {
  // 'truncated' refuses cut-off files but lets through the harmless warnings some phones trigger.
  return sharp(inputPath, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated', autoOrient: true });
}

/**
 * The prebuilt libvips reads HEIF containers but has no HEVC decoder (iPhone photos), so those
 * pixels come from heic-decode (libheif in WebAssembly), which applies the HEIF rotation itself.
 */
async function decodeHevc(inputPath: string): Promise<Sharp> {
  const { default: decode } = await import('heic-decode');
  const images = await decode.all({ buffer: await readFile(inputPath) });
  try {
    const primary = images[0];
    if (!primary) throw new Error('HEIF file without image');
    // The container's own size is checked again: it is what decides the memory heic-decode takes.
    if (primary.width * primary.height > MAX_INPUT_PIXELS) throw imageTooLarge();
    const { width, height, data } = await primary.decode();
    return sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
      raw: { width, height, channels: 4 },
      limitInputPixels: MAX_INPUT_PIXELS,
    });
  } finally {
    images.dispose();
  }
}

function asImageError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  // A full disk is not the sender's fault: keep the system error for the 500 path.
  if (error instanceof Error && 'syscall' in error) return error;
  if (error instanceof Error && /pixel limit/i.test(error.message)) return imageTooLarge();
  return imageCorrupt();
}
