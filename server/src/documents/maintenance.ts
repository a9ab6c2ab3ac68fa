import { In, LessThan, MoreThan, Not } from 'typeorm';
import type { Deps } from '../deps.js';
import { BlobNotFoundError } from '../storage/blob-store.js';
import { getDecrypted } from '../storage/encrypted-blob.js';
import { createHashingStream } from '../storage/hashing.js';
import { IntegrityError } from '../storage/integrity-error.js';
import { DocumentEntity, DocumentUploadEntity, type DocumentRecord } from './document.entity.js';
import { partInfo } from './document-download.js';
import { dataKeyOf } from './document-keys.js';
import { deleteDocumentBlobs } from './document-store.js';
import { purgeTrash } from './documents.service.js';
import { BLOB_PARTS, DOCUMENTS_PREFIX, blobContext, blobKey, parseBlobKey, type BlobPart } from './storage-keys.js';
import { RESERVATION_TTL_MS } from './upload-limits.js';
import { sweepUploadTemp } from './upload-intake.js';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';

/** Operator commands: key rotation (ENC-4), storage scrub (INT-1), purge (ENC-5, REL-1). */

const BATCH = 500;

async function* documentsInBatches(deps: Pick<Deps, 'db'>, select?: (keyof DocumentRecord)[]) {
  let after = '';
  for (;;) {
    const batch = await deps.db.getRepository(DocumentEntity).find({
      ...(select ? { select: Object.fromEntries(select.map((k) => [k, true])) } : {}),
      where: { id: MoreThan(after) },
      order: { id: 'ASC' },
      take: BATCH,
    });
    if (batch.length === 0) return;
    yield batch;
    after = batch[batch.length - 1]!.id;
  }
}

export interface RotationReport {
  rewrapped: number;
  alreadyCurrent: number;
  currentKid: string;
}

/**
 * ENC-4: re-wraps every data key not wrapped by the current (first) master key. Documents stay
 * readable throughout: each row changes atomically, and only if nobody changed it meanwhile.
 */
export async function rotateKeys(deps: Pick<Deps, 'db' | 'keys'>): Promise<RotationReport> {
  const report: RotationReport = { rewrapped: 0, alreadyCurrent: 0, currentKid: deps.keys.currentKid };
  for await (const batch of documentsInBatches(deps, ['id', 'keyId', 'wrappedKey'])) {
    for (const doc of batch) {
      const rewrapped = deps.keys.rewrapDataKey({ kid: doc.keyId, wrapped: Buffer.from(doc.wrappedKey, 'base64') });
      if (!rewrapped) {
        report.alreadyCurrent += 1;
        continue;
      }
      const result = await deps.db
        .getRepository(DocumentEntity)
        .update(
          { id: doc.id, keyId: doc.keyId, wrappedKey: doc.wrappedKey },
          { keyId: rewrapped.kid, wrappedKey: rewrapped.wrapped.toString('base64') },
        );
      if (result.affected) report.rewrapped += 1;
    }
  }
  return report;
}

export type ScrubProblem = 'missing' | 'truncated' | 'altered' | 'orphan';

export interface ScrubFinding {
  problem: ScrubProblem;
  key: string;
  documentId: string | null;
}

export interface ScrubReport {
  documents: number;
  objects: number;
  findings: ScrubFinding[];
  /** Orphans deleted with `deleteOrphans`. */
  deleted: number;
  ok: boolean;
}

/** Reads a whole object through authentication and hashing; the plaintext goes nowhere. */
async function verifyObject(deps: Pick<Deps, 'storage' | 'keys'>, doc: DocumentRecord, part: BlobPart) {
  const info = partInfo(doc, part);
  const key = blobKey(doc.id, part);
  const stored = await deps.storage.stat(key);
  if (!stored) return 'missing' as const;
  if (stored.size < info.storedSize) return 'truncated' as const;
  if (stored.size !== info.storedSize) return 'altered' as const;
  try {
    const hashing = createHashingStream();
    const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    await pipeline(
      await getDecrypted(deps.storage, key, dataKeyOf(deps.keys, doc), blobContext(doc.id, part)),
      hashing,
      sink,
    );
    const digest = hashing.digest();
    return digest.sha256 === info.sha256 && digest.size === info.size ? null : ('altered' as const);
  } catch (error) {
    if (error instanceof BlobNotFoundError) return 'missing' as const;
    if (error instanceof IntegrityError) return 'altered' as const;
    throw error;
  }
}

/**
 * INT-1: every document's objects are present, of the right size, authentic and hashing to the
 * recorded SHA-256; every object in the store belongs to a document (or to an upload in flight).
 */
export async function scrubStorage(
  deps: Pick<Deps, 'db' | 'storage' | 'keys' | 'clock'>,
  options: { deleteOrphans?: boolean; quick?: boolean } = {},
): Promise<ScrubReport> {
  const report: ScrubReport = { documents: 0, objects: 0, findings: [], deleted: 0, ok: true };
  for await (const batch of documentsInBatches(deps)) {
    for (const doc of batch) {
      report.documents += 1;
      for (const part of BLOB_PARTS) {
        let problem: ScrubProblem | null;
        if (options.quick) {
          const stored = await deps.storage.stat(blobKey(doc.id, part));
          const expected = partInfo(doc, part).storedSize;
          problem = !stored
            ? 'missing'
            : stored.size < expected
              ? 'truncated'
              : stored.size > expected
                ? 'altered'
                : null;
        } else problem = await verifyObject(deps, doc, part);
        if (problem) report.findings.push({ problem, key: blobKey(doc.id, part), documentId: doc.id });
      }
    }
  }

  const freshUploads = new Date(deps.clock.now().getTime() - RESERVATION_TTL_MS);
  let pending: string[] = [];
  const flush = async () => {
    const keys = pending;
    pending = [];
    const ids = [...new Set(keys.map((k) => parseBlobKey(k)?.documentId).filter((id): id is string => !!id))];
    const known = new Set<string>();
    if (ids.length) {
      const docs = await deps.db.getRepository(DocumentEntity).find({ select: { id: true }, where: { id: In(ids) } });
      const inFlight = await deps.db
        .getRepository(DocumentUploadEntity)
        .find({ select: { id: true }, where: { id: In(ids), status: 'pending', createdAt: MoreThan(freshUploads) } });
      for (const row of [...docs, ...inFlight]) known.add(row.id);
    }
    for (const key of keys) {
      const parsed = parseBlobKey(key);
      if (parsed && known.has(parsed.documentId)) continue;
      report.findings.push({ problem: 'orphan', key, documentId: parsed?.documentId ?? null });
      if (options.deleteOrphans) {
        await deps.storage.delete(key);
        report.deleted += 1;
      }
    }
  };
  for await (const object of deps.storage.list(DOCUMENTS_PREFIX)) {
    report.objects += 1;
    pending.push(object.key);
    if (pending.length >= BATCH) await flush();
  }
  await flush();
  report.ok = report.findings.length === 0;
  return report;
}

export interface PurgeReport {
  purgedDocuments: number;
  abandonedUploads: number;
  tempDirectories: number;
  prunedUploadRecords: number;
}

/**
 * ENC-5 and REL-1 housekeeping: destroys documents 30 days in the trash, deletes the blobs of
 * uploads a crash interrupted (pending reservations past their TTL), removes stale temp upload
 * directories and forgets finished upload records older than a week (the rate limit needs one hour).
 */
export async function purgeDocuments(deps: Deps): Promise<PurgeReport> {
  const purgedDocuments = await purgeTrash(deps);
  const now = deps.clock.now().getTime();
  const stale = await deps.db.getRepository(DocumentUploadEntity).find({
    where: { status: 'pending', createdAt: LessThan(new Date(now - RESERVATION_TTL_MS)) },
  });
  let abandonedUploads = 0;
  for (const upload of stale) {
    // A row means the commit happened after all: its blobs are the document's.
    if (await deps.db.getRepository(DocumentEntity).existsBy({ id: upload.id })) {
      await deps.db.getRepository(DocumentUploadEntity).update({ id: upload.id }, { status: 'stored' });
      continue;
    }
    await deleteDocumentBlobs(deps, upload.id);
    await deps.db
      .getRepository(DocumentUploadEntity)
      .update({ id: upload.id }, { status: 'abandoned', finishedAt: deps.clock.now() });
    abandonedUploads += 1;
  }
  const tempDirectories = await sweepUploadTemp(deps.config, deps.clock.now(), RESERVATION_TTL_MS);
  const pruned = await deps.db
    .getRepository(DocumentUploadEntity)
    .delete({ status: Not('pending'), createdAt: LessThan(new Date(now - 7 * 24 * RESERVATION_TTL_MS)) });
  return { purgedDocuments, abandonedUploads, tempDirectories, prunedUploadRecords: pruned.affected ?? 0 };
}
