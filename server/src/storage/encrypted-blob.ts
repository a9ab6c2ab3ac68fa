import { pipeline, type Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { BlobNotFoundError, type BlobStore } from './blob-store.js';
import { createHashingStream, type ContentDigest } from './hashing.js';
import {
  ciphertextRangeForPlaintext,
  createDecryptRangeStream,
  createDecryptStream,
  createEncryptStream,
  HEADER_LENGTH,
  plaintextSize,
  type PlaintextRange,
} from './segmented-cipher.js';

/** What to record beside the object: the plaintext's digest and size (INT-1), the stored size. */
export interface EncryptedPutResult extends ContentDigest {
  storedSize: number;
}

/**
 * Encrypts `plaintext` with the document's data key into `key`. `context` binds the object to its
 * place (e.g. `<documentId>:original`) so that swapping two objects fails at download.
 */
export async function putEncrypted(
  store: BlobStore,
  key: string,
  plaintext: Readable,
  dataKey: Buffer,
  context: string,
): Promise<EncryptedPutResult> {
  const hashing = createHashingStream();
  // Errors anywhere in the chain are delivered to the store through the last stream.
  const sealed = pipeline(plaintext, hashing, createEncryptStream(dataKey, context), () => undefined);
  const { size: storedSize } = await store.put(key, sealed);
  return { ...hashing.digest(), storedSize };
}

/**
 * The plaintext of `key`, or of an inclusive byte range of it. Bytes come out only once their
 * segment authenticated; any damage fails the stream with `IntegrityError`.
 */
export async function getDecrypted(
  store: BlobStore,
  key: string,
  dataKey: Buffer,
  context: string,
  range?: PlaintextRange,
): Promise<Readable> {
  if (!range) return pipeline(await store.get(key), createDecryptStream(dataKey, context), () => undefined);
  const stored = await store.stat(key);
  if (!stored) throw new BlobNotFoundError(key);
  const size = plaintextSize(stored.size);
  const cipherRange = ciphertextRangeForPlaintext(range, size);
  const header = await buffer(await store.get(key, { start: 0, end: HEADER_LENGTH - 1 }));
  const decrypt = createDecryptRangeStream(dataKey, context, header, range, size);
  return pipeline(await store.get(key, cipherRange), decrypt, () => undefined);
}
