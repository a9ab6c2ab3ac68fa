import { deflateSync } from 'node:zlib';

/**
 * Writes a PDF by hand from object bodies (object n is `bodies[n - 1]`, object 1 is the catalog),
 * with a correct xref table, so tests control every byte pdf-lib would refuse to produce.
 */
export function writePdf(bodies: string[], trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  bodies.forEach((body, index) => {
    offsets.push(length);
    const part = Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    parts.push(part);
    length += part.length;
  });
  const xref = [
    'xref',
    `0 ${bodies.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${bodies.length + 1} /Root 1 0 R ${trailerExtra}>>`,
    'startxref',
    String(length),
    '%%EOF',
    '',
  ].join('\n');
  return Buffer.concat([...parts, Buffer.from(xref, 'latin1')]);
}

/** Catalog (1), page tree (2) and one empty A4 page (3): append more bodies from object 4 on. */
export function onePageBodies(catalogExtra = '', pageExtra = ''): string[] {
  return [
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra}>>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${pageExtra}>>`,
  ];
}

/** A compressed object stream holding the given objects, as modern PDF writers produce. */
export function objectStreamBody(objects: { number: number; body: string }[]): string {
  let offset = 0;
  const header: string[] = [];
  for (const { number, body } of objects) {
    header.push(`${number} ${offset}`);
    offset += Buffer.byteLength(`${body}\n`, 'latin1');
  }
  const first = `${header.join(' ')}\n`;
  const content = first + objects.map(({ body }) => `${body}\n`).join('');
  const compressed = deflateSync(Buffer.from(content, 'latin1'));
  return (
    `<< /Type /ObjStm /N ${objects.length} /First ${Buffer.byteLength(first, 'latin1')} ` +
    `/Filter /FlateDecode /Length ${compressed.length} >>\nstream\n${compressed.toString('latin1')}\nendstream`
  );
}
