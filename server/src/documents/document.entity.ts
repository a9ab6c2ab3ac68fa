import { EntitySchema } from 'typeorm';
import {
  nullableTimestamp,
  primaryUuid,
  timestampColumn,
  timestampColumns,
  uuidColumn,
  varchar,
} from '../shared/entity-columns.js';

export type Visibility = 'private' | 'shared';
export type UploaderKind = 'beneficiary' | 'staff';

/** Values noted about a paper, keyed by the fields of its type (all stored as strings). */
export type TypeFields = Record<string, string>;

export interface DocumentRecord {
  id: string;
  beneficiaryId: string;
  typeId: string | null;
  title: string;
  typeFields: TypeFields | null;
  /** ISO dates `YYYY-MM-DD`. */
  issueDate: string | null;
  expiryDate: string | null;
  visibility: Visibility;
  /** Verified by content at upload: `application/pdf` or `image/jpeg`. */
  mime: string;
  pages: number;
  width: number | null;
  height: number | null;
  /** Plaintext size and SHA-256 of the stored original (INT-1). */
  sizeBytes: number;
  storedBytes: number;
  sha256: string;
  thumbnailBytes: number;
  thumbnailStoredBytes: number;
  thumbnailSha256: string;
  /** Master key id that wraps this document's data key (ENC-1, ENC-4). */
  keyId: string;
  /** Base64 of the wrapped data key; destroyed with the row (ENC-5). */
  wrappedKey: string;
  uploadedByKind: UploaderKind;
  uploadedByStaffId: string | null;
  uploadedByStructureId: string | null;
  /** In the trash since then; purged 30 days later. */
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const bigint = {
  type: 'bigint',
  transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) },
} as const;

const typeFieldsJson = {
  to: (value: TypeFields | null | undefined) => (value === undefined ? undefined : value && JSON.stringify(value)),
  from: (value: string | null) => (value ? (JSON.parse(value) as TypeFields) : null),
};

export const DocumentEntity = new EntitySchema<DocumentRecord>({
  name: 'Document',
  tableName: 'documents',
  columns: {
    id: primaryUuid,
    beneficiaryId: uuidColumn,
    typeId: { ...uuidColumn, nullable: true },
    title: varchar(200),
    typeFields: { type: 'text', nullable: true, transformer: typeFieldsJson },
    issueDate: varchar(10, true),
    expiryDate: varchar(10, true),
    visibility: varchar(10),
    mime: varchar(60),
    pages: { type: 'integer' },
    width: { type: 'integer', nullable: true },
    height: { type: 'integer', nullable: true },
    sizeBytes: bigint,
    storedBytes: bigint,
    sha256: varchar(64),
    thumbnailBytes: { type: 'integer' },
    thumbnailStoredBytes: { type: 'integer' },
    thumbnailSha256: varchar(64),
    keyId: varchar(32),
    wrappedKey: varchar(120),
    uploadedByKind: varchar(20),
    uploadedByStaffId: { ...uuidColumn, nullable: true },
    uploadedByStructureId: { ...uuidColumn, nullable: true },
    deletedAt: nullableTimestamp,
    ...timestampColumns,
  },
});

export type UploadStatus = 'pending' | 'stored' | 'failed' | 'abandoned';

/**
 * One upload attempt (REL-1, UP-7). Written before any blob, under the id the document will get:
 * a `pending` row older than the sweep delay marks blobs a crash left behind; recent rows of an
 * actor make the rate limit; pending bytes count towards the quota.
 */
export interface DocumentUpload {
  id: string;
  beneficiaryId: string;
  /** `beneficiary:<id>` or `staff:<id>`. */
  actorKey: string;
  bytes: number;
  status: UploadStatus;
  finishedAt: Date | null;
  createdAt: Date;
}

export const DocumentUploadEntity = new EntitySchema<DocumentUpload>({
  name: 'DocumentUpload',
  tableName: 'document_uploads',
  columns: {
    id: primaryUuid,
    beneficiaryId: uuidColumn,
    actorKey: varchar(80),
    bytes: bigint,
    status: varchar(20),
    finishedAt: nullableTimestamp,
    createdAt: timestampColumn,
  },
});
