import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { recordAudit, recordAuditNow, type AuditInput } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { DocumentTypeEntity, type DocumentType } from '../document-types/document-type.entity.js';
import { AppError, unprocessable } from '../http/errors.js';
import type { Actor } from '../policies/actor.js';
import { putEncrypted } from '../storage/encrypted-blob.js';
import { generateDataKey } from '../storage/master-keys.js';
import {
  DocumentEntity,
  DocumentUploadEntity,
  type DocumentRecord,
  type TypeFields,
  type Visibility,
} from './document.entity.js';
import { antivirusFromEnv, type Antivirus } from './media/antivirus.js';
import { processUpload, type ProcessedUpload, type UploadedFile } from './media/process-upload.js';
import { removeQuietly } from './media/temp-output.js';
import { processingSlots } from './processing-slots.js';
import { BLOB_PARTS, blobContext, blobKey } from './storage-keys.js';
import { assertQuota, assertUploadRate } from './upload-limits.js';
import { uploadsTempRoot } from './upload-intake.js';

/**
 * Creating a document, all or nothing (REL-1):
 *   1. a `pending` upload reservation is committed (rate limit and quota checked there);
 *   2. the files are checked and normalised (processUpload), then encrypted with one fresh data
 *      key into their final keys `documents/<id>/original` and `…/thumbnail`;
 *   3. one transaction inserts the row (with the wrapped key), marks the reservation `stored` and
 *      writes the audit event.
 * Any failure after 1 deletes whatever blob was written and marks the reservation `failed`. A
 * crash leaves a `pending` reservation, whose blobs the purge sweeps once it is stale; the scrub
 * reports any blob that has neither a row nor a live reservation.
 */

export interface DocumentMetadata {
  title?: string | undefined;
  typeId?: string | null | undefined;
  typeFields?: TypeFields | null | undefined;
  issueDate?: string | null | undefined;
  expiryDate?: string | null | undefined;
}

export type Uploader = { kind: 'beneficiary' } | { kind: 'staff'; staffId: string; structureId: string };

export interface NewDocumentInput {
  beneficiaryId: string;
  files: readonly UploadedFile[];
  /** Sum of the received files' sizes, for the early quota check. */
  incomingBytes: number;
  combine: boolean;
  tmpDir: string;
  metadata: DocumentMetadata;
  visibility: Visibility;
  uploader: Uploader;
  actor: Actor | 'system';
  requestId: string | null;
  /** Aborts before the commit (the client went away). */
  signal?: AbortSignal | undefined;
}

const antivirusByConfig = new WeakMap<object, Antivirus | null>();

/** The clamd client when CLAMAV_URL is set (UP-8), built once per configuration. */
export function antivirusFor(deps: Pick<Deps, 'config'>): Antivirus | undefined {
  let antivirus = antivirusByConfig.get(deps.config);
  if (antivirus === undefined) {
    antivirus = antivirusFromEnv({ CLAMAV_URL: deps.config.CLAMAV_URL }) ?? null;
    antivirusByConfig.set(deps.config, antivirus);
  }
  return antivirus ?? undefined;
}

export const unknownType = () =>
  unprocessable('unknown_document_type', "Ce type de document n'existe pas. Choisissez un type dans la liste.");

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Type fields must be fields of the type; dates are dates and numbers are numbers. */
export function checkTypeFields(type: DocumentType | null, fields: TypeFields | null | undefined): TypeFields | null {
  if (!fields || Object.keys(fields).length === 0) return null;
  const known = new Map((type?.fields ?? []).map((f) => [f.key, f]));
  for (const [key, value] of Object.entries(fields)) {
    const field = known.get(key);
    const valid =
      field &&
      (field.kind === 'text' ||
        (field.kind === 'date' && ISO_DATE.test(value)) ||
        (field.kind === 'number' && /^-?\d+([.,]\d+)?$/.test(value)));
    if (!valid) {
      throw unprocessable(
        'invalid_type_fields',
        'Certaines informations ne correspondent pas au type de document choisi. Vérifiez-les et réessayez.',
        { field: key },
      );
    }
  }
  return fields;
}

function addMonths(isoDate: string, months: number): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/** Resolves the type and fills a default expiry date from its validity when only the issue date is known. */
export async function resolveMetadata(em: EntityManager, metadata: DocumentMetadata) {
  const type = metadata.typeId ? await em.getRepository(DocumentTypeEntity).findOneBy({ id: metadata.typeId }) : null;
  if (metadata.typeId && !type) throw unknownType();
  const typeFields = checkTypeFields(type, metadata.typeFields);
  const issueDate = metadata.issueDate ?? null;
  const expiryDate =
    metadata.expiryDate !== undefined
      ? metadata.expiryDate
      : issueDate && type?.validityMonths
        ? addMonths(issueDate, type.validityMonths)
        : null;
  return { type, typeFields, issueDate, expiryDate };
}

export const actorKeyOf = (beneficiaryId: string, uploader: Uploader) =>
  uploader.kind === 'staff' ? `staff:${uploader.staffId}` : `beneficiary:${beneficiaryId}`;

/** Deletes a document's objects (missing ones are fine). */
export async function deleteDocumentBlobs(deps: Pick<Deps, 'storage'>, documentId: string): Promise<void> {
  for (const part of BLOB_PARTS) await deps.storage.delete(blobKey(documentId, part));
}

export async function createDocument(deps: Deps, input: NewDocumentInput): Promise<DocumentRecord> {
  const documentId = randomUUID();
  const actorKey = actorKeyOf(input.beneficiaryId, input.uploader);
  const { type, typeFields, issueDate, expiryDate } = await resolveMetadata(deps.db.manager, input.metadata);
  await deps.db.transaction(async (em) => {
    await assertUploadRate(em, deps, actorKey);
    await assertQuota(em, deps, input.beneficiaryId, input.uploader, input.incomingBytes);
    await em.getRepository(DocumentUploadEntity).insert({
      id: documentId,
      beneficiaryId: input.beneficiaryId,
      actorKey,
      bytes: input.incomingBytes,
      status: 'pending',
      finishedAt: null,
      createdAt: deps.clock.now(),
    });
  });

  let processed: ProcessedUpload | undefined;
  const dataKey = generateDataKey();
  try {
    processed = await processingSlots.run(() =>
      processUpload({
        files: input.files,
        combine: input.combine,
        tmpDir: input.tmpDir,
        antivirus: antivirusFor(deps),
      }),
    );
    const wrapped = deps.keys.wrapDataKey(dataKey);
    const main = await putEncrypted(
      deps.storage,
      blobKey(documentId, 'original'),
      createReadStream(processed.main.path),
      dataKey,
      blobContext(documentId, 'original'),
    );
    const thumbnail = await putEncrypted(
      deps.storage,
      blobKey(documentId, 'thumbnail'),
      createReadStream(processed.thumbnail.path),
      dataKey,
      blobContext(documentId, 'thumbnail'),
    );
    input.signal?.throwIfAborted();
    const now = deps.clock.now();
    const doc: DocumentRecord = {
      id: documentId,
      beneficiaryId: input.beneficiaryId,
      typeId: type?.id ?? null,
      title: input.metadata.title ?? (type && processed.title === 'Document' ? type.label : processed.title),
      typeFields,
      issueDate,
      expiryDate,
      visibility: input.visibility,
      mime: processed.mime,
      pages: processed.pages,
      width: processed.width ?? null,
      height: processed.height ?? null,
      sizeBytes: main.size,
      storedBytes: main.storedSize,
      sha256: main.sha256,
      thumbnailBytes: thumbnail.size,
      thumbnailStoredBytes: thumbnail.storedSize,
      thumbnailSha256: thumbnail.sha256,
      keyId: wrapped.kid,
      wrappedKey: wrapped.wrapped.toString('base64'),
      uploadedByKind: input.uploader.kind,
      uploadedByStaffId: input.uploader.kind === 'staff' ? input.uploader.staffId : null,
      uploadedByStructureId: input.uploader.kind === 'staff' ? input.uploader.structureId : null,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await deps.db.transaction(async (em) => {
      await assertQuota(em, deps, input.beneficiaryId, input.uploader, doc.sizeBytes + doc.thumbnailBytes, documentId);
      await em.getRepository(DocumentEntity).insert(doc);
      await em.getRepository(DocumentUploadEntity).update({ id: documentId }, { status: 'stored', finishedAt: now });
      await recordAudit(em, deps.clock, {
        actor: input.actor,
        requestId: input.requestId,
        action: input.uploader.kind === 'staff' ? 'document.deposited' : 'document.uploaded',
        beneficiaryId: input.beneficiaryId,
        structureId: input.uploader.kind === 'staff' ? input.uploader.structureId : null,
        targetType: 'document',
        targetId: documentId,
        details: { bytes: doc.sizeBytes, pages: doc.pages, mime: doc.mime, visibility: doc.visibility },
      });
    });
    return doc;
  } catch (error) {
    await deleteDocumentBlobs(deps, documentId).catch(() => undefined);
    await deps.db
      .getRepository(DocumentUploadEntity)
      .update({ id: documentId }, { status: 'failed', finishedAt: deps.clock.now() })
      .catch(() => undefined);
    await auditRefusal(deps, input, documentId, error);
    throw error;
  } finally {
    dataKey.fill(0);
    if (processed) await removeQuietly([processed.main.path, processed.thumbnail.path]);
  }
}

/** A refused upload is audited with its reason code (LOG-1); a virus is also a security event. */
async function auditRefusal(deps: Deps, input: NewDocumentInput, documentId: string, error: unknown) {
  if (!(error instanceof AppError) || error.status >= 500) return;
  if (error.code === 'virus_found') {
    deps.logger.warn({ security: 'virus_found', uploadId: documentId }, 'security event: upload refused by antivirus');
  }
  const event: AuditInput = {
    actor: input.actor,
    requestId: input.requestId,
    action: input.uploader.kind === 'staff' ? 'document.deposited' : 'document.uploaded',
    result: 'failure',
    beneficiaryId: input.beneficiaryId,
    structureId: input.uploader.kind === 'staff' ? input.uploader.structureId : null,
    targetType: 'upload',
    targetId: documentId,
    details: { reason: error.code },
  };
  await recordAuditNow(deps.db, deps.clock, event).catch(() => undefined);
}

export interface DocumentFromFileInput {
  beneficiaryId: string;
  /** A PDF or a photo on disk; it is read, never moved or changed. */
  path: string;
  title?: string;
  /** A type by its code (`cni`, `attestation-caf`…) or id. */
  typeCode?: string;
  typeId?: string;
  typeFields?: TypeFields;
  issueDate?: string;
  expiryDate?: string;
  visibility?: Visibility;
  uploader?: Uploader;
}

/**
 * For the demo seed and operator scripts: stores a file from disk through the same checks,
 * encryption and audit as an upload (actor "system"). Returns the stored row's id.
 */
export async function createDocumentFromFile(deps: Deps, input: DocumentFromFileInput): Promise<{ id: string }> {
  const typeId =
    input.typeId ??
    (input.typeCode
      ? (await deps.db.getRepository(DocumentTypeEntity).findOneBy({ code: input.typeCode }))?.id
      : undefined);
  if (input.typeCode && !typeId) throw unknownType();
  const root = uploadsTempRoot(deps.config);
  await mkdir(root, { recursive: true });
  const tmpDir = await mkdtemp(join(root, 'file-'));
  try {
    const doc = await createDocument(deps, {
      beneficiaryId: input.beneficiaryId,
      files: [{ path: input.path, originalName: basename(input.path) }],
      incomingBytes: (await stat(input.path)).size,
      combine: false,
      tmpDir,
      metadata: {
        title: input.title,
        typeId,
        typeFields: input.typeFields,
        issueDate: input.issueDate,
        expiryDate: input.expiryDate,
      },
      visibility: input.visibility ?? 'private',
      uploader: input.uploader ?? { kind: 'beneficiary' },
      actor: 'system',
      requestId: null,
    });
    return { id: doc.id };
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
}
