import { readFile, writeFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { describeOutput, newTempPath, type OutputFile } from './temp-output.js';

/** A4 in PDF points (1/72 inch). */
const A4_SHORT = 595.28;
const A4_LONG = 841.89;
/** Keeps the edge of the paper away from where printers cannot print. */
const MARGIN = 18;

/**
 * Puts photos of one paper (front and back, or several pages) into one PDF, one photo per A4
 * page, the page turned to match the photo. Expects normalised JPEGs (see image.ts).
 */
export async function combineJpegsIntoPdf(jpegPaths: readonly string[], tmpDir: string): Promise<OutputFile> {
  // No producer or dates: the file should tell nothing beyond the photos themselves.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (const jpegPath of jpegPaths) {
    const image = await pdf.embedJpg(await readFile(jpegPath));
    const landscape = image.width > image.height;
    const page = pdf.addPage(landscape ? [A4_LONG, A4_SHORT] : [A4_SHORT, A4_LONG]);
    const { width, height } = image.scaleToFit(page.getWidth() - 2 * MARGIN, page.getHeight() - 2 * MARGIN);
    page.drawImage(image, {
      x: (page.getWidth() - width) / 2,
      y: (page.getHeight() - height) / 2,
      width,
      height,
    });
  }
  const path = newTempPath(tmpDir, 'pdf');
  await writeFile(path, await pdf.save());
  return describeOutput(path);
}
