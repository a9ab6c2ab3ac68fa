import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inflatedStreamsFitBudget, MAX_STRUCTURE_STREAM_BYTES } from './pdf-stream-budget.js';
import { pdfObjectStreamBomb, simplePdf } from './test-support/hostile-files.js';

describe('inflatedStreamsFitBudget', () => {
  it('accepts ordinary PDFs, compressed object streams and large images included', async () => {
    const document = await PDFDocument.create();
    const scan = await sharp({ create: { width: 2480, height: 3508, channels: 3, background: '#f4f4f0' } })
      .png()
      .toBuffer();
    document.addPage().drawImage(await document.embedPng(scan), { x: 0, y: 0, width: 595, height: 842 });
    const withScan = Buffer.from(await document.save({ useObjectStreams: true }));

    expect(await inflatedStreamsFitBudget(simplePdf())).toBe(true);
    expect(await inflatedStreamsFitBudget(withScan)).toBe(true);
  });

  it('refuses an object stream that inflates past its own cap', async () => {
    const bomb = pdfObjectStreamBomb({ inflatedBytes: MAX_STRUCTURE_STREAM_BYTES + 1024 });
    expect(await inflatedStreamsFitBudget(bomb)).toBe(false);
  });

  it('still refuses it when its type is written too far from the data to be seen, through the total budget', async () => {
    const bomb = pdfObjectStreamBomb({ inflatedBytes: 40 * 1024 * 1024, padding: 10_000 });
    expect(await inflatedStreamsFitBudget(bomb, { maxInflatedBytes: 32 * 1024 * 1024 })).toBe(false);
    expect(await inflatedStreamsFitBudget(bomb, { maxInflatedBytes: 64 * 1024 * 1024 })).toBe(true);
  });
});
