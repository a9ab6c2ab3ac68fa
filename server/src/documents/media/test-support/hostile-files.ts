/**
 * Hostile uploads, built in memory so no dangerous file is committed. Reused by the API tests.
 */
import { crc32, deflateSync } from 'node:zlib';
import { objectStreamBody, onePageBodies, writePdf } from './pdf-writer.js';
import { noisyPhoto } from './sample-images.js';

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A valid PNG header announcing width × height RGB pixels (20000 × 20000 = 1.2 GB once decoded)
 * followed by a few bytes of image data: cheap to build, ruinous to decode.
 */
export function pixelBombPng(width = 20_000, height = 20_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1024))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Script-bearing SVG, as an attacker would name it `photo.jpg`. */
export const svgImage = (): Buffer =>
  Buffer.from(
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
      '<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>\n',
  );

/** HTML page, as an attacker would name it `releve.pdf`. */
export const htmlPage = (): Buffer =>
  Buffer.from('<!doctype html><html><body><script>fetch("/api/documents")</script></body></html>\n');

/** Minimal Windows executable header. */
export const windowsExecutable = (): Buffer => {
  const exe = Buffer.alloc(512);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'latin1');
  return exe;
};

/** An empty ZIP archive (also the outer shape of Office files). */
export const zipArchive = (): Buffer => {
  const entry = Buffer.from('hello');
  const name = Buffer.from('note.txt');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc32(entry), 14);
  local.writeUInt32LE(entry.length, 18);
  local.writeUInt32LE(entry.length, 22);
  local.writeUInt16LE(name.length, 26);
  return Buffer.concat([local, name, entry]);
};

/** Assembled from halves so this source file itself never matches an antivirus signature. */
export const eicar = (): Buffer =>
  Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*', 'latin1');

/** A clean one-page PDF, the baseline the hostile variants below differ from. */
export const simplePdf = (): Buffer => writePdf(onePageBodies());

/** Runs JavaScript as soon as the file is opened. */
export const pdfWithOpenActionJavaScript = (): Buffer =>
  writePdf([...onePageBodies('/OpenAction 4 0 R '), '<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>']);

/** JavaScript in the document-level name tree, with the names hex-escaped to dodge byte matching. */
export const pdfWithEscapedJavaScriptNameTree = (): Buffer =>
  writePdf([
    ...onePageBodies('/Names << /Java#53cript 4 0 R >> '),
    '<< /Names [(init) 5 0 R] >>',
    '<< /S /Java#53cript /J#53 (app.alert\\(1\\)) >>',
  ]);

/** A page "additional action" running JavaScript, hidden inside a compressed object stream. */
export const pdfWithJavaScriptInObjectStream = (): Buffer =>
  writePdf([
    ...onePageBodies('', '/AA << /O 5 0 R >> '),
    objectStreamBody([{ number: 5, body: '<< /S /JavaScript /JS (app.alert\\(1\\)) >>' }]),
  ]);

/**
 * JavaScript that pdf-lib never sees: the previous stream's /Length swallows object 5, while a
 * reader going by the xref table finds it. Only the raw-byte check catches it.
 */
export const pdfWithJavaScriptHiddenInStream = (): Buffer => {
  const hidden = '5 0 obj << /S /JavaScript /JS (app.alert\\(1\\)) >> endobj';
  return writePdf([
    ...onePageBodies('/OpenAction 5 0 R '),
    `<< /Length ${hidden.length + 1} >>\nstream\n${hidden}\nendstream`,
  ]);
};

/**
 * A deflate bomb in an object stream, which pdf-lib inflates in full while loading. `padding`
 * pushes its `/Type /ObjStm` far from the `stream` keyword, out of sight of a byte-level check.
 */
export function pdfObjectStreamBomb({ inflatedBytes = 20 * 1024 * 1024, padding = 0 } = {}): Buffer {
  const bomb = deflateSync(Buffer.alloc(inflatedBytes, 0x20), { level: 9 });
  return writePdf([
    ...onePageBodies(),
    `<< /Type /ObjStm /N 1 /First 4 /Pad (${'x'.repeat(padding)}) /Filter /FlateDecode /Length ${bomb.length} >>\n` +
      `stream\n${bomb.toString('latin1')}\nendstream`,
  ]);
}

/** Asks the reader to start a program. */
export const pdfWithLaunchAction = (): Buffer =>
  writePdf([
    ...onePageBodies('/OpenAction 4 0 R '),
    '<< /Type /Action /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>',
  ]);

/** Carries a file inside the PDF (document-level attachment). */
export const pdfWithEmbeddedFile = (): Buffer =>
  writePdf([
    ...onePageBodies('/Names << /EmbeddedFiles 4 0 R >> '),
    '<< /Names [(payload.exe) 5 0 R] >>',
    '<< /Type /Filespec /F (payload.exe) /EF << /F 6 0 R >> >>',
    '<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream',
  ]);

/** Carries a file as a paper-clip annotation on the page. */
export const pdfWithFileAttachmentAnnotation = (): Buffer =>
  writePdf([
    ...onePageBodies('', '/Annots [4 0 R] '),
    '<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 20 20] /FS << /Type /Filespec /F (a.txt) >> >>',
  ]);

/** Declares standard-handler encryption in its trailer, as a password-protected PDF does. */
export const encryptedPdf = (): Buffer =>
  writePdf(
    onePageBodies(),
    '/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 ' +
      '/O <00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF> ' +
      '/U <00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF> >> ' +
      '/ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] ',
  );

/** A PDF cut in the middle of its page tree, as an interrupted download leaves it. */
export const truncatedPdf = (): Buffer => {
  const whole = simplePdf();
  return whole.subarray(0, whole.indexOf('/Kids'));
};

/** A real JPEG photo cut at two thirds, as an interrupted transfer leaves it. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await noisyPhoto(640, 480);
  return whole.subarray(0, Math.floor((whole.length * 2) / 3));
}
