import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkPdf } from './pdf-check.js';
import { writePdfThumbnail } from './pdf-thumbnail.js';
import {
  encryptedPdf,
  pdfObjectStreamBomb,
  pdfWithEmbeddedFile,
  pdfWithEscapedJavaScriptNameTree,
  pdfWithFileAttachmentAnnotation,
  pdfWithJavaScriptHiddenInStream,
  pdfWithJavaScriptInObjectStream,
  pdfWithLaunchAction,
  pdfWithOpenActionJavaScript,
  simplePdf,
  truncatedPdf,
} from './test-support/hostile-files.js';
import { onePageBodies, writePdf } from './test-support/pdf-writer.js';
import { useTempDir } from './test-support/temp-dir.js';

const dir = useTempDir();

async function refusal(content: Buffer) {
  const path = await dir.write('upload.pdf', content);
  return checkPdf(path).catch((caught: unknown) => caught);
}

describe('checkPdf', () => {
  it('accepts a plain PDF and counts its pages', async () => {
    await expect(checkPdf(await dir.write('simple.pdf', simplePdf()))).resolves.toEqual({ pages: 1 });
  });

  it('accepts a PDF written by a real library, with object streams and several pages', async () => {
    const document = await PDFDocument.create();
    for (let index = 0; index < 3; index++) document.addPage().drawText(`Page ${index + 1}`);
    const path = await dir.write('three.pdf', Buffer.from(await document.save({ useObjectStreams: true })));
    await expect(checkPdf(path)).resolves.toEqual({ pages: 3 });
  });

  it.each([
    ['JavaScript run on opening (OpenAction)', pdfWithOpenActionJavaScript, 'pdf_javascript'],
    ['a JavaScript name tree with hex-escaped names', pdfWithEscapedJavaScriptNameTree, 'pdf_javascript'],
    ['a page action (AA) hidden in a compressed object stream', pdfWithJavaScriptInObjectStream, 'pdf_javascript'],
    ['JavaScript hidden from pdf-lib inside another stream', pdfWithJavaScriptHiddenInStream, 'pdf_javascript'],
    ['a Launch action', pdfWithLaunchAction, 'pdf_launch_action'],
    ['an embedded file', pdfWithEmbeddedFile, 'pdf_embedded_file'],
    ['a file attachment annotation', pdfWithFileAttachmentAnnotation, 'pdf_embedded_file'],
    ['a deflate bomb in an object stream', pdfObjectStreamBomb, 'pdf_too_complex'],
    ['a password (Encrypt dictionary)', encryptedPdf, 'pdf_encrypted'],
    ['a cut in the middle of its objects', truncatedPdf, 'pdf_corrupt'],
  ])('refuses a PDF with %s with 422 %s', async (_label, content, code) => {
    const error = await refusal(content());
    expect(error).toMatchObject({ status: 422, code });
    expect((error as Error & { title: string }).title).toMatch(/PDF/);
  });

  it('refuses a PDF whose end (xref and trailer) is missing, even though every object parses', async () => {
    const whole = simplePdf();
    expect(await refusal(whole.subarray(0, whole.indexOf('xref')))).toMatchObject({ code: 'pdf_corrupt' });
  });

  it('refuses a PDF whose only page is missing', async () => {
    const [catalog, pages] = onePageBodies();
    expect(await refusal(writePdf([catalog!, pages!]))).toMatchObject({ code: 'pdf_corrupt' });
  });
});

describe('writePdfThumbnail', () => {
  it('draws a small generic page icon', async () => {
    const thumbnail = await writePdfThumbnail(12, dir.path);
    expect(await sharp(thumbnail.path).metadata()).toMatchObject({ format: 'webp', width: 240, height: 320 });
    expect(thumbnail.bytes).toBeLessThan(10_000);
  });
});
