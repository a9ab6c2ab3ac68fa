import { constants, createInflate } from 'node:zlib';

/**
 * pdf-lib inflates object streams and xref streams in full while loading, with no limit: a 300 KB
 * upload inflating to 300 MB took 600 MB of memory. Real documents need a few MB there.
 */
export const MAX_STRUCTURE_STREAM_BYTES = 16 * 1024 * 1024;
/**
 * Backstop over every compressed stream of the file, for a structure stream this byte-level
 * scan could mistake for another kind: a 20 MB scanned PDF inflates to well under this.
 */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

const STRUCTURE_TYPES = /\/(?:ObjStm|XRef)(?![^\s/<>[\]()%{}])/;
/** Where the dictionary of the stream sits, at the latest, before its `stream` keyword. */
const DICTIONARY_WINDOW = 4096;

/**
 * True when the PDF's compressed streams stay within both budgets. Every zlib stream is measured
 * by inflating it here, counting bytes and keeping none, so the check itself takes no memory.
 */
export async function inflatedStreamsFitBudget(
  pdf: Buffer,
  { maxStructureStreamBytes = MAX_STRUCTURE_STREAM_BYTES, maxInflatedBytes = MAX_INFLATED_BYTES } = {},
): Promise<boolean> {
  const text = pdf.toString('latin1');
  let remaining = maxInflatedBytes;
  for (let keyword = text.indexOf('stream'); keyword !== -1; keyword = text.indexOf('stream', keyword + 6)) {
    if (text.startsWith('end', keyword - 3)) continue;
    const dataStart = keyword + (text.startsWith('\r\n', keyword + 6) ? 8 : 7);
    const dataEnd = text.indexOf('endstream', dataStart);
    const data = pdf.subarray(dataStart, dataEnd === -1 ? pdf.length : dataEnd);
    const dictionary = decodeNames(text.slice(Math.max(0, keyword - DICTIONARY_WINDOW), keyword));
    const limit = STRUCTURE_TYPES.test(dictionary) ? Math.min(remaining, maxStructureStreamBytes) : remaining;
    const size = await inflatedSize(data, limit);
    if (size === undefined) return false;
    remaining -= size;
  }
  return true;
}

/** Inflated size, or undefined past the limit; data that is not zlib (JPEG, text…) counts as 0. */
function inflatedSize(data: Buffer, limit: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    let size = 0;
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        resolve(undefined);
      }
    });
    inflate.once('end', () => resolve(size));
    inflate.once('error', () => resolve(size));
    inflate.end(data);
  });
}

const decodeNames = (text: string) =>
  text.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
