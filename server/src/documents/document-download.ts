import { createHash, type Hash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { Response } from 'express';
import { recordAuditNow } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { AppError, integrityError } from '../http/errors.js';
import type { Actor } from '../policies/actor.js';
import { BlobNotFoundError } from '../storage/blob-store.js';
import { getDecrypted } from '../storage/encrypted-blob.js';
import { IntegrityError } from '../storage/integrity-error.js';
import { MasterKeysError } from '../storage/master-keys.js';
import type { DocumentRecord } from './document.entity.js';
import { dataKeyOf } from './document-keys.js';
import { blobContext, blobKey, type BlobPart } from './storage-keys.js';

/**
 * Sending a document's bytes (DL-1, ENC-3, INT-1). Bytes leave only after their segment's tag
 * verified; a whole-file download also holds back its last segment until the SHA-256 of
 * everything sent matches the one stored at upload, and the response is destroyed otherwise. A
 * failure before the first byte answers `integrity_error` with no content at all.
 */

export interface PartInfo {
  size: number;
  storedSize: number;
  sha256: string;
  mime: string;
}

export function partInfo(doc: DocumentRecord, part: BlobPart): PartInfo {
  return part === 'original'
    ? { size: doc.sizeBytes, storedSize: doc.storedBytes, sha256: doc.sha256, mime: doc.mime }
    : {
        size: doc.thumbnailBytes,
        storedSize: doc.thumbnailStoredBytes,
        sha256: doc.thumbnailSha256,
        mime: 'image/webp',
      };
}

export type ByteRange = { start: number; end: number };

/** RFC 9110 single byte range; null to send the whole file (absent, malformed or multi-range headers). */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { start, end };
}

const rangeNotSatisfiable = (size: number) =>
  new AppError(
    416,
    'range_not_satisfiable',
    'La partie demandée du document est hors de ses limites.',
    { size },
    {
      'Content-Range': `bytes */${size}`,
    },
  );

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** RFC 6266 / RFC 8187: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(kind: 'attachment' | 'inline', title: string, mime: string): string {
  const extension = EXTENSIONS[mime] ?? 'bin';
  const base = title.replace(/[\p{Cc}\p{Cf}/\\]/gu, '').trim() || 'document';
  const name = `${base}.${extension}`;
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["%;\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Passes bytes through, holding the latest chunk back until the whole digest and size match. */
class VerifyingStream extends Transform {
  readonly #hash: Hash = createHash('sha256');
  #size = 0;
  #held: Buffer | null = null;

  constructor(private readonly expected: { size: number; sha256: string }) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#hash.update(chunk);
    this.#size += chunk.length;
    const previous = this.#held;
    this.#held = chunk;
    callback(null, previous ?? undefined);
  }

  override _flush(callback: TransformCallback): void {
    if (this.#size !== this.expected.size || this.#hash.digest('hex') !== this.expected.sha256) {
      callback(new IntegrityError('Plaintext digest does not match the one stored at upload'));
      return;
    }
    callback(null, this.#held ?? undefined);
  }
}

export interface IntegrityFailure {
  deps: Deps;
  actor: Actor | 'system';
  requestId: string | null;
  doc: DocumentRecord;
  part: BlobPart;
  reason: string;
}

/** A security event in the logs and an audit record; the reason stays out of any response. */
export async function reportIntegrityFailure({ deps, actor, requestId, doc, part, reason }: IntegrityFailure) {
  deps.logger.error(
    { security: 'integrity_failure', documentId: doc.id, part, reason },
    'security event: stored document failed its integrity check',
  );
  await recordAuditNow(deps.db, deps.clock, {
    actor,
    requestId,
    action: 'document.integrity_failed',
    result: 'failure',
    beneficiaryId: doc.beneficiaryId,
    targetType: 'document',
    targetId: doc.id,
    details: { part, reason },
  }).catch(() => undefined);
}

export const isIntegrityProblem = (error: unknown) =>
  error instanceof IntegrityError || error instanceof BlobNotFoundError || error instanceof MasterKeysError;

const reasonOf = (error: unknown) =>
  error instanceof BlobNotFoundError ? 'missing' : error instanceof MasterKeysError ? 'key_unavailable' : 'altered';

/**
 * Opens the verified plaintext of a part (or of a range of it). Damage detectable before any
 * byte (missing object, wrong size, bad key) throws an IntegrityError here.
 */
export async function openVerified(
  deps: Pick<Deps, 'storage' | 'keys'>,
  doc: DocumentRecord,
  part: BlobPart,
  range?: ByteRange,
): Promise<Readable> {
  const info = partInfo(doc, part);
  const stored = await deps.storage.stat(blobKey(doc.id, part));
  if (!stored) throw new BlobNotFoundError(blobKey(doc.id, part));
  if (stored.size !== info.storedSize) {
    throw new IntegrityError(`Stored object is ${stored.size} bytes, ${info.storedSize} expected`);
  }
  // The decrypting stream holds the key until it ends; it is not kept anywhere else.
  const dataKey = dataKeyOf(deps.keys, doc);
  const plaintext = await getDecrypted(deps.storage, blobKey(doc.id, part), dataKey, blobContext(doc.id, part), range);
  if (range) return plaintext;
  const verifying = new VerifyingStream(info);
  plaintext.on('error', (error) => verifying.destroy(error));
  verifying.on('close', () => plaintext.destroy());
  return plaintext.pipe(verifying);
}

const waitForDrain = (res: Response) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });

export interface SendPartOptions {
  deps: Deps;
  actor: Actor;
  requestId: string | null;
  res: Response;
  doc: DocumentRecord;
  part: BlobPart;
  disposition: 'attachment' | 'inline';
  rangeHeader?: string | undefined;
}

/** Streams a part with the DL-1 headers, Range support and the integrity rules above. */
export async function sendPart(options: SendPartOptions): Promise<void> {
  const { deps, res, doc, part } = options;
  const info = partInfo(doc, part);
  const range = parseRange(options.rangeHeader, info.size);
  if (range === 'unsatisfiable') throw rangeNotSatisfiable(info.size);
  const fail = async (error: unknown) => {
    if (!isIntegrityProblem(error)) return error;
    await reportIntegrityFailure({ ...options, actor: options.actor, reason: reasonOf(error) });
    return integrityError();
  };

  let source: Readable;
  try {
    source = await openVerified(deps, doc, part, range ?? undefined);
  } catch (error) {
    throw await fail(error);
  }
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let first: IteratorResult<Buffer>;
  try {
    first = await chunks.next();
  } catch (error) {
    source.destroy();
    throw await fail(error);
  }

  const length = range ? range.end - range.start + 1 : info.size;
  res.status(range ? 206 : 200);
  res.set({
    'Content-Type': info.mime,
    'Content-Length': String(length),
    'Accept-Ranges': 'bytes',
    'Content-Disposition': contentDisposition(options.disposition, doc.title, info.mime),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Content-Security-Policy':
      options.disposition === 'inline'
        ? "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'"
        : "sandbox; default-src 'none'; frame-ancestors 'none'",
  });
  if (range) res.set('Content-Range', `bytes ${range.start}-${range.end}/${info.size}`);

  const onClose = () => source.destroy();
  res.once('close', onClose);
  try {
    let step = first;
    while (!step.done) {
      if (res.destroyed) return;
      if (!res.write(step.value)) await waitForDrain(res);
      step = await chunks.next();
    }
    res.end();
  } catch (error) {
    res.destroy();
    if (isIntegrityProblem(error)) await fail(error);
  } finally {
    res.off('close', onClose);
  }
}
