import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { sniffFile } from './sniff.js';
import { eicar, htmlPage, simplePdf, svgImage, windowsExecutable, zipArchive } from './test-support/hostile-files.js';
import { tinyHeic } from './test-support/sample-images.js';
import { useTempDir } from './test-support/temp-dir.js';

const dir = useTempDir();
const square = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } });

describe('sniffFile', () => {
  it.each([
    ['application/pdf', 'lettre.bin', () => simplePdf()],
    ['image/jpeg', 'photo', () => square().jpeg().toBuffer()],
    ['image/png', 'capture.jpg', () => square().png().toBuffer()],
    ['image/webp', 'photo.png', () => square().webp().toBuffer()],
    ['image/heic', 'IMG_0001.HEIC', () => tinyHeic()],
    ['image/avif', 'photo.avif', () => square().avif().toBuffer()],
  ])('recognises %s from its bytes whatever the name (%s)', async (mime, name, content) => {
    const path = await dir.write(name, await content());
    await expect(sniffFile(path)).resolves.toBe(mime);
  });

  it.each([
    ['an SVG named like a photo', 'photo.jpg', svgImage],
    ['an HTML page named like a PDF', 'releve.pdf', htmlPage],
    ['a Windows program', 'carte.pdf', windowsExecutable],
    ['a ZIP archive (the shape of Office files)', 'dossier.docx', zipArchive],
    ['plain text', 'notes.jpg', () => Buffer.from('Bonjour, voici mes papiers.\n')],
    ['the EICAR test string', 'eicar.pdf', eicar],
    ['an empty file', 'vide.jpg', () => Buffer.alloc(0)],
  ])('refuses %s with 415 unsupported_type', async (_label, name, content) => {
    const path = await dir.write(name, content());
    const error = await sniffFile(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 415, code: 'unsupported_type' });
    expect((error as AppError).title).toMatch(/JPEG, PNG, WebP, HEIC\) ou un PDF/);
  });
});
