import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';
import { unprocessable } from '../../http/errors.js';
import { inflatedStreamsFitBudget } from './pdf-stream-budget.js';

export interface PdfCheck {
  pages: number;
}

type Finding = 'javascript' | 'launch' | 'embedded_file';

const PLAIN_PDF = 'Envoyez un PDF simple ou une photo du document.';

const refusals: Record<Finding | 'encrypted' | 'corrupt' | 'too_complex', () => Error> = {
  javascript: () =>
    unprocessable('pdf_javascript', `Ce PDF contient un programme (JavaScript). Ce n'est pas accepté. ${PLAIN_PDF}`),
  launch: () =>
    unprocessable('pdf_launch_action', `Ce PDF essaie d'ouvrir un autre programme. Ce n'est pas accepté. ${PLAIN_PDF}`),
  embedded_file: () =>
    unprocessable(
      'pdf_embedded_file',
      `Ce PDF contient d'autres fichiers à l'intérieur. Ce n'est pas accepté. ${PLAIN_PDF}`,
    ),
  encrypted: () =>
    unprocessable(
      'pdf_encrypted',
      'Ce PDF est protégé par un mot de passe. Envoyez une version sans mot de passe, ou une photo du document.',
    ),
  too_complex: () => unprocessable('pdf_too_complex', `Ce PDF est trop lourd à ouvrir. ${PLAIN_PDF}`),
  corrupt: () =>
    unprocessable(
      'pdf_corrupt',
      'Ce PDF est abîmé ou incomplet. Envoyez-le à nouveau, ou envoyez une photo du document.',
    ),
};

/**
 * Names that only exist to run code, start programs or carry files. XFA forms are listed with
 * JavaScript because they carry their own scripts. `EF` is the key of an embedded file in a file
 * specification, whose stream may omit its `/Type /EmbeddedFile`.
 */
const FORBIDDEN_NAMES = new Map<string, Finding>([
  ['JS', 'javascript'],
  ['JavaScript', 'javascript'],
  ['XFA', 'javascript'],
  ['Launch', 'launch'],
  ['EmbeddedFiles', 'embedded_file'],
  ['EmbeddedFile', 'embedded_file'],
  ['EF', 'embedded_file'],
  ['FileAttachment', 'embedded_file'],
]);

/**
 * Raw-byte second opinion for when pdf-lib and a PDF reader disagree on where objects are (an object
 * hidden inside another's stream data). Only long names: `/JS` would match by chance in
 * compressed data, and every JavaScript action also names `/JavaScript`.
 */
const RAW_FORBIDDEN_NAMES = new Set(['JavaScript', 'Launch', 'EmbeddedFiles', 'EmbeddedFile', 'FileAttachment']);

/**
 * UP-4: accepts a PDF only if it opens, is not encrypted and holds no JavaScript, launch action
 * or embedded file. The caller has already capped the size (≤ 20 MB).
 */
export async function checkPdf(path: string): Promise<PdfCheck> {
  const bytes = await readFile(path);
  const document = await load(bytes);
  if (document.context.trailerInfo.Encrypt !== undefined) throw refusals.encrypted();

  const finding = findInObjects(document) ?? findInRawBytes(bytes);
  if (finding) throw refusals[finding]();

  return { pages: countPages(document) };
}

async function load(bytes: Buffer): Promise<PDFDocument> {
  // pdf-lib reads objects in file order and ignores the xref, so a file cut before its end still
  // loads: the end-of-file marker (which readers look for in the last KiB) is what shows it is whole.
  if (!bytes.subarray(-1024).includes('%%EOF')) throw refusals.corrupt();
  if (!(await inflatedStreamsFitBudget(bytes))) throw refusals.too_complex();
  try {
    return await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
  } catch {
    // Encrypted object streams cannot be parsed: say "password", which the person can act on.
    throw bytes.includes('/Encrypt') ? refusals.encrypted() : refusals.corrupt();
  }
}

/**
 * Walks every indirect object, including those pdf-lib unpacked from object streams, and every
 * dictionary, array and stream dictionary nested inside them. References are not followed: their
 * targets are indirect objects, visited on their own.
 */
function findInObjects(document: PDFDocument): Finding | undefined {
  const pending: PDFObject[] = document.context.enumerateIndirectObjects().map(([, object]) => object);
  for (let object = pending.pop(); object !== undefined; object = pending.pop()) {
    if (object instanceof PDFName) {
      const finding = FORBIDDEN_NAMES.get(object.decodeText());
      if (finding) return finding;
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) pending.push(key, value);
    } else if (object instanceof PDFArray) {
      for (const item of object.asArray()) pending.push(item);
    } else if (object instanceof PDFStream) {
      pending.push(object.dict);
    }
  }
  return undefined;
}

function findInRawBytes(bytes: Buffer): Finding | undefined {
  for (const [, encoded] of bytes.toString('latin1').matchAll(/\/((?:[A-Za-z0-9]|#[0-9A-Fa-f]{2}){6,})/g)) {
    const name = encoded!.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (RAW_FORBIDDEN_NAMES.has(name)) return FORBIDDEN_NAMES.get(name);
  }
  return undefined;
}

function countPages(document: PDFDocument): number {
  try {
    // getPages() resolves every page of the tree: a missing or broken page throws here.
    const pages = document.getPages().length;
    if (pages > 0) return pages;
  } catch {
    // falls through to the same refusal as an empty document
  }
  throw refusals.corrupt();
}
