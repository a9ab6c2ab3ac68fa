import { readFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAIN_LONG_EDGE, normaliseImage, THUMBNAIL_LONG_EDGE } from './image.js';
import { pixelBombPng, truncatedJpeg } from './test-support/hostile-files.js';
import {
  noisyPhoto,
  SECRET_MARKERS,
  sidewaysJpegWithMetadata,
  tinyHeic,
  twoColourImage,
} from './test-support/sample-images.js';
import { useTempDir } from './test-support/temp-dir.js';

const dir = useTempDir();

async function pixel(path: string, x: number, y: number) {
  const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return { r: data[offset]!, g: data[offset + 1]!, b: data[offset + 2]! };
}

const isRed = ({ r, g, b }: { r: number; g: number; b: number }) => r > 150 && g < 80 && b < 80;
const isBlue = ({ r, g, b }: { r: number; g: number; b: number }) => r < 80 && g < 80 && b > 150;

describe('normaliseImage', () => {
  it('turns a 12 MP phone photo into a readable JPEG under about 1 MB, with a small WebP thumbnail', async () => {
    const input = await dir.write('photo.jpg', await noisyPhoto(4000, 3000));
    const result = await normaliseImage(input, dir.path);

    console.info(
      `12 MP photo: ${(await readFile(input)).length} B in → ${result.main.bytes} B JPEG ` +
        `${result.width}×${result.height}, thumbnail ${result.thumbnail.bytes} B`,
    );
    expect(result).toMatchObject({ mime: 'image/jpeg', width: MAIN_LONG_EDGE, height: (MAIN_LONG_EDGE * 3) / 4 });
    expect(result.main.bytes).toBeGreaterThan(400_000);
    expect(result.main.bytes).toBeLessThan(1_000_000);
    const thumbnail = await sharp(result.thumbnail.path).metadata();
    expect(thumbnail).toMatchObject({ format: 'webp', width: THUMBNAIL_LONG_EDGE, height: 240 });
    expect(result.thumbnail.bytes).toBeLessThan(40_000);
  });

  it('refuses a 20000×20000 PNG from its header in under 2 s and under 100 MB of extra memory', async () => {
    const input = await dir.write('bomb.png', pixelBombPng(20_000, 20_000));
    const before = process.memoryUsage.rss();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 2);
    const started = performance.now();

    const error = await normaliseImage(input, dir.path).catch((caught: unknown) => caught);

    const elapsed = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    console.info(`pixel bomb refused in ${elapsed.toFixed(1)} ms, RSS +${((peak - before) / 1e6).toFixed(1)} MB`);
    expect(error).toMatchObject({ status: 413, code: 'image_too_large' });
    expect(elapsed).toBeLessThan(2000);
    expect(peak - before).toBeLessThan(100e6);
    expect(await dir.list()).toEqual(['bomb.png']);
  });

  it('turns a sideways photo upright and strips its EXIF, GPS and XMP', async () => {
    const input = await dir.write('sideways.jpg', await sidewaysJpegWithMetadata());
    const original = await sharp(input).metadata();
    expect(original).toMatchObject({ width: 200, height: 100, orientation: 6 });
    expect(original.exif).toBeDefined();

    const result = await normaliseImage(input, dir.path);

    expect(result).toMatchObject({ width: 100, height: 200 });
    expect(isRed(await pixel(result.main.path, 50, 10))).toBe(true);
    expect(isBlue(await pixel(result.main.path, 50, 190))).toBe(true);
    for (const path of [result.main.path, result.thumbnail.path]) {
      const metadata = await sharp(path).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.iptc).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      const bytes = (await readFile(path)).toString('latin1');
      for (const marker of SECRET_MARKERS) expect(bytes).not.toContain(marker);
      expect(bytes).not.toContain('Exif\0');
    }
  });

  it('converts an iPhone HEIC (HEVC) photo to JPEG', async () => {
    const input = await dir.write('IMG_0001.HEIC', tinyHeic());
    const result = await normaliseImage(input, dir.path);

    expect(result).toMatchObject({ mime: 'image/jpeg', width: 64, height: 48 });
    expect((await sharp(result.main.path).metadata()).format).toBe('jpeg');
    expect(isRed(await pixel(result.main.path, 8, 24))).toBe(true);
    expect(isBlue(await pixel(result.main.path, 56, 24))).toBe(true);
  });

  it.each([
    ['WebP', (image: Sharp) => image.webp({ lossless: true })],
    ['AVIF', (image: Sharp) => image.avif({ lossless: true })],
    ['PNG', (image: Sharp) => image.png()],
  ])('converts a %s photo to JPEG', async (_format, encode) => {
    const input = await dir.write('photo', await encode(await twoColourImage(120, 80)).toBuffer());
    const result = await normaliseImage(input, dir.path);

    expect(result).toMatchObject({ mime: 'image/jpeg', width: 120, height: 80 });
    expect((await sharp(result.main.path).metadata()).format).toBe('jpeg');
    expect(isRed(await pixel(result.main.path, 10, 40))).toBe(true);
  });

  it('puts a transparent screenshot on white rather than black', async () => {
    const transparent = sharp({
      create: { width: 40, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    });
    const input = await dir.write('capture.png', await transparent.png().toBuffer());
    const result = await normaliseImage(input, dir.path);
    expect(await pixel(result.main.path, 20, 20)).toEqual({ r: 255, g: 255, b: 255 });
  });

  it('never enlarges a small photo', async () => {
    const input = await dir.write('small.png', await (await twoColourImage(30, 20)).png().toBuffer());
    const result = await normaliseImage(input, dir.path);
    expect(result).toMatchObject({ width: 30, height: 20 });
    expect(await sharp(result.thumbnail.path).metadata()).toMatchObject({ width: 30, height: 20 });
  });

  it.each([
    ['a truncated JPEG', truncatedJpeg],
    [
      'a PNG signature followed by garbage',
      async () => Buffer.concat([pixelBombPng().subarray(0, 8), Buffer.alloc(64, 7)]),
    ],
    ['a HEIC cut in half', async () => tinyHeic().subarray(0, 400)],
  ])('refuses %s with 422 and leaves no output behind', async (_label, content) => {
    const input = await dir.write('broken', await content());
    const error = await normaliseImage(input, dir.path).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 422, code: 'image_corrupt' });
    expect((error as Error & { title: string }).title).toMatch(/abîmée ou incomplète/);
    expect(await dir.list()).toEqual(['broken']);
  });
});
