import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import sharp from 'sharp';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A card-shaped photo of a paper, marked SPÉCIMEN, as a phone would take it. */
async function specimenPhoto(title: string, path: string): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="760">
  <rect width="1200" height="760" rx="40" fill="#dfe9f5"/>
  <rect x="60" y="180" width="300" height="380" rx="16" fill="#b9c7d8"/>
  <text x="420" y="140" font-family="sans-serif" font-size="54" fill="#1f3b5c">${escapeXml(title)}</text>
  <text x="420" y="300" font-family="sans-serif" font-size="40" fill="#1f3b5c">DÉMO Camille</text>
  <text x="420" y="370" font-family="sans-serif" font-size="40" fill="#1f3b5c">Née le 02/06/1984</text>
  <text x="600" y="620" font-family="sans-serif" font-size="110" fill="#c0392b" opacity="0.5" transform="rotate(-12 600 620)">SPÉCIMEN</text>
</svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(path);
}

/** A one-page letter, marked SPÉCIMEN. */
async function specimenPdf(title: string, path: string): Promise<void> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.drawText(title, { x: 60, y: 760, size: 22, font, color: rgb(0.12, 0.23, 0.36) });
  page.drawText('Madame Camille DÉMO — document de démonstration', { x: 60, y: 720, size: 12, font });
  page.drawText('SPÉCIMEN', { x: 150, y: 400, size: 90, font, color: rgb(0.75, 0.22, 0.17), opacity: 0.4 });
  await writeFile(path, await pdf.save());
}

export async function writeSpecimen(dir: string, index: number, paper: { title: string; kind: 'photo' | 'pdf' }) {
  const path = join(dir, `specimen-${index}.${paper.kind === 'pdf' ? 'pdf' : 'jpg'}`);
  await (paper.kind === 'pdf' ? specimenPdf(paper.title, path) : specimenPhoto(paper.title, path));
  return path;
}
