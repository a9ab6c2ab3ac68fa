import { PDFDocument, PageSizes, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * The printable emergency card: A4 portrait, large text, plain French, the ten codes in a large
 * monospaced font. It names nobody and shows no phone number: whoever finds it still needs the
 * number to use a code.
 */
export interface EmergencyCardContent {
  codes: string[];
  issuedAt: Date;
  /** Where to log in, e.g. `https://consigne.example.fr/`. */
  link: string;
}

const MARGIN = 56;
const INK = rgb(0.07, 0.09, 0.15);
const BLUE = rgb(0.12, 0.23, 0.54);

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

function paragraph(page: PDFPage, text: string, font: PDFFont, size: number, y: number): number {
  const width = page.getWidth() - 2 * MARGIN;
  for (const line of wrap(text, font, size, width)) {
    page.drawText(line, { x: MARGIN, y, size, font, color: INK });
    y -= size * 1.35;
  }
  return y - size * 0.5;
}

const frenchDate = (date: Date) =>
  `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;

export async function emergencyCardPdf({ codes, issuedAt, link }: EmergencyCardContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle("Carte d'urgence Consigne");
  pdf.setLanguage('fr-FR');
  pdf.setProducer('Consigne');
  pdf.setCreator('Consigne');
  pdf.setCreationDate(issuedAt);
  pdf.setModificationDate(issuedAt);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.CourierBold);
  const page = pdf.addPage(PageSizes.A4);
  const { width, height } = page.getSize();

  page.drawRectangle({
    x: MARGIN / 2,
    y: MARGIN / 2,
    width: width - MARGIN,
    height: height - MARGIN,
    borderColor: BLUE,
    borderWidth: 3,
  });
  let y = height - MARGIN - 20;
  page.drawText("Carte d'urgence Consigne", { x: MARGIN, y, size: 28, font: bold, color: BLUE });
  y -= 44;
  y = paragraph(
    page,
    'Si vous ne recevez plus les SMS (téléphone perdu, volé ou sans crédit), vous pouvez ouvrir votre coffre-fort avec votre numéro de téléphone et un des codes ci-dessous.',
    regular,
    15,
    y,
  );
  y = paragraph(page, "Chaque code ne sert qu'une seule fois. Rayez-le après l'avoir utilisé.", bold, 15, y);

  const columnWidth = (width - 2 * MARGIN) / 2;
  const rowHeight = 40;
  codes.forEach((code, index) => {
    const column = index % 2;
    const row = Math.floor(index / 2);
    const x = MARGIN + column * columnWidth;
    const top = y - 10 - row * rowHeight;
    page.drawText(`${index + 1}.`, { x, y: top, size: 16, font: regular, color: INK });
    page.drawText(code, { x: x + 34, y: top, size: 22, font: mono, color: INK });
  });
  y -= 10 + Math.ceil(codes.length / 2) * rowHeight + 10;

  y = paragraph(page, `Pour vous connecter : ${link}`, bold, 15, y);
  y = paragraph(
    page,
    'Gardez cette carte en lieu sûr, à part de votre téléphone. Ne la montrez à personne. Si vous la perdez, demandez une nouvelle carte à votre référent : elle annule celle-ci.',
    regular,
    14,
    y,
  );
  paragraph(page, `Carte créée le ${frenchDate(issuedAt)}.`, regular, 13, y);
  return pdf.save();
}
