import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { clamdAntivirus } from './antivirus.js';
import { MAX_COMBINED_PHOTOS, processUpload, type ProcessedUpload } from './process-upload.js';
import { startFakeClamd, unusedPort, type FakeClamd } from './test-support/fake-clamd.js';
import {
  eicar,
  pdfWithOpenActionJavaScript,
  simplePdf,
  svgImage,
  truncatedJpeg,
} from './test-support/hostile-files.js';
import { tinyHeic, twoColourImage } from './test-support/sample-images.js';
import { useTempDir } from './test-support/temp-dir.js';

const dir = useTempDir();
let clamd: FakeClamd | undefined;
afterEach(async () => {
  await clamd?.close();
  clamd = undefined;
});

const photo = async (width: number, height: number) => (await twoColourImage(width, height)).jpeg().toBuffer();

async function upload(files: [name: string, content: Buffer][], combine = false) {
  const uploaded = [];
  for (const [name, content] of files) {
    uploaded.push({ path: await dir.write(basename(name), content), originalName: name });
  }
  return { files: uploaded, combine, tmpDir: dir.path };
}

/** What the caller will find in tmpDir: its own inputs and exactly the outputs it was handed. */
const outputsOf = (result: ProcessedUpload) => [basename(result.main.path), basename(result.thumbnail.path)];

describe('processUpload', () => {
  it('keeps a single clean PDF byte for byte, under a new server-side name, with a page icon', async () => {
    const input = await upload([['../attestation CAF.pdf', simplePdf()]]);
    const result = await processUpload(input);

    expect(result).toMatchObject({ mime: 'application/pdf', pages: 1, title: 'attestation CAF' });
    expect(result).not.toHaveProperty('width');
    expect(dirname(result.main.path)).toBe(dir.path);
    expect(result.main.path).not.toBe(input.files[0]!.path);
    expect((await readFile(result.main.path)).equals(simplePdf())).toBe(true);
    expect((await sharp(result.thumbnail.path).metadata()).format).toBe('webp');
    expect((await dir.list()).sort()).toEqual(['attestation CAF.pdf', ...outputsOf(result)].sort());
  });

  it('turns a single HEIC photo into a JPEG with its size', async () => {
    const result = await processUpload(await upload([['IMG_0001.HEIC', tinyHeic()]]));
    expect(result).toMatchObject({ mime: 'image/jpeg', pages: 1, width: 64, height: 48, title: 'IMG_0001' });
    expect(result.main.bytes).toBe((await readFile(result.main.path)).length);
  });

  it('makes several photos of one paper into one PDF, previewed by the first photo', async () => {
    const input = await upload(
      [
        ['recto.jpg', await photo(300, 200)],
        ['verso.png', await (await twoColourImage(200, 300)).png().toBuffer()],
        ['annexe.heic', tinyHeic()],
      ],
      true,
    );
    const result = await processUpload(input);

    expect(result).toMatchObject({ mime: 'application/pdf', pages: 3, title: 'recto' });
    const pdf = await PDFDocument.load(await readFile(result.main.path));
    expect(pdf.getPageCount()).toBe(3);
    expect(await sharp(result.thumbnail.path).metadata()).toMatchObject({ format: 'webp', width: 300, height: 200 });
    expect((await dir.list()).sort()).toEqual(['annexe.heic', 'recto.jpg', 'verso.png', ...outputsOf(result)].sort());
  });

  it.each([
    { refused: 'no file', names: [], combine: false, code: 'no_file' },
    {
      refused: 'two photos not marked as one paper',
      names: ['a.jpg', 'b.jpg'],
      combine: false,
      code: 'one_file_at_a_time',
    },
    { refused: 'a PDF with a photo', names: ['a.pdf', 'b.jpg'], combine: true, code: 'pdf_not_alone' },
    { refused: 'two PDFs', names: ['a.pdf', 'b.pdf'], combine: true, code: 'pdf_not_alone' },
    {
      refused: 'more photos than a document may hold',
      names: Array.from({ length: MAX_COMBINED_PHOTOS + 1 }, (_, index) => `${index}.jpg`),
      combine: true,
      code: 'too_many_photos',
    },
  ])('refuses $refused with 422 $code, writing nothing', async ({ names, combine, code }) => {
    const files: [string, Buffer][] = [];
    for (const name of names) files.push([name, name.endsWith('.pdf') ? simplePdf() : await photo(20, 20)]);

    await expect(processUpload(await upload(files, combine))).rejects.toMatchObject({ status: 422, code });
    expect(await dir.list()).toHaveLength(files.length);
  });

  it.each([
    ['an SVG named like a photo', 'photo.jpg', svgImage, 415, 'unsupported_type'],
    ['a PDF with JavaScript', 'lettre.pdf', pdfWithOpenActionJavaScript, 422, 'pdf_javascript'],
  ])('refuses %s, writing nothing', async (_label, name, content, status, code) => {
    await expect(processUpload(await upload([[name, content()]]))).rejects.toMatchObject({ status, code });
    expect(await dir.list()).toEqual([name]);
  });

  it('removes the pages already converted when a later photo of the set is broken', async () => {
    const input = await upload(
      [
        ['page1.jpg', await photo(100, 100)],
        ['page2.jpg', await truncatedJpeg()],
      ],
      true,
    );
    await expect(processUpload(input)).rejects.toMatchObject({ status: 422, code: 'image_corrupt' });
    expect((await dir.list()).sort()).toEqual(['page1.jpg', 'page2.jpg']);
  });

  it('scans what was sent before opening it: EICAR named like a photo is a virus, not a bad type', async () => {
    clamd = await startFakeClamd();
    const input = await upload([['photo.jpg', eicar()]]);
    const antivirus = clamdAntivirus({ host: clamd.host, port: clamd.port });

    await expect(processUpload({ ...input, antivirus })).rejects.toMatchObject({ status: 422, code: 'virus_found' });
    expect(await dir.list()).toEqual(['photo.jpg']);
  });

  it('scans every photo of a set and accepts them when clean', async () => {
    clamd = await startFakeClamd();
    const input = await upload(
      [
        ['a.jpg', await photo(50, 50)],
        ['b.jpg', await photo(50, 50)],
      ],
      true,
    );
    const antivirus = clamdAntivirus({ host: clamd.host, port: clamd.port });

    await expect(processUpload({ ...input, antivirus })).resolves.toMatchObject({ pages: 2 });
    expect(clamd.received).toHaveLength(2);
  });

  it('fails closed when the configured antivirus is down', async () => {
    const input = await upload([['lettre.pdf', simplePdf()]]);
    const antivirus = clamdAntivirus({ host: '127.0.0.1', port: await unusedPort() });

    await expect(processUpload({ ...input, antivirus })).rejects.toMatchObject({
      status: 503,
      code: 'antivirus_unavailable',
    });
    expect(await dir.list()).toEqual(['lettre.pdf']);
  });
});
