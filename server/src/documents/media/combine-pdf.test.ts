import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { combineJpegsIntoPdf } from './combine-pdf.js';
import { checkPdf } from './pdf-check.js';
import { useTempDir } from './test-support/temp-dir.js';

const dir = useTempDir();
const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#d0d0c0' } })
    .jpeg()
    .toBuffer();

describe('combineJpegsIntoPdf', () => {
  it('puts each photo on its own A4 page, turned to the photo, fitted and centred', async () => {
    const portrait = await dir.write('recto.jpg', await jpeg(1200, 1600));
    const landscape = await dir.write('verso.jpg', await jpeg(1600, 1200));

    const output = await combineJpegsIntoPdf([portrait, landscape], dir.path);

    const document = await PDFDocument.load(await readFile(output.path));
    const sizes = document.getPages().map((page) => page.getSize());
    expect(sizes.map(({ width, height }) => [Math.round(width), Math.round(height)])).toEqual([
      [595, 842],
      [842, 595],
    ]);
    expect(output.bytes).toBe((await readFile(output.path)).length);
    await expect(checkPdf(output.path)).resolves.toEqual({ pages: 2 });
  });

  it('writes no producer, creator or dates into the PDF', async () => {
    const output = await combineJpegsIntoPdf([await dir.write('a.jpg', await jpeg(100, 100))], dir.path);
    const text = (await readFile(output.path)).toString('latin1');
    for (const key of ['/Producer', '/Creator', '/CreationDate', '/ModDate']) expect(text).not.toContain(key);
  });
});
