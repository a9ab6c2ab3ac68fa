import type { DocumentFieldDefinition } from '@consigne/database/seeds/document-types';
import { EntitySchema } from 'typeorm';
import { primaryUuid, timestampColumns, varchar } from '../shared/entity-columns.js';

export interface DocumentType {
  id: string;
  /** Stable slug (`cni`, `attestation-caf`…), unique. */
  code: string;
  theme: string;
  label: string;
  fields: DocumentFieldDefinition[];
  validityMonths: number | null;
  retentionMonths: number | null;
  position: number;
  createdAt: Date;
  updatedAt: Date;
}

const json = {
  to: (value: DocumentFieldDefinition[] | undefined) => (value === undefined ? undefined : JSON.stringify(value)),
  from: (value: string | null) => (value ? (JSON.parse(value) as DocumentFieldDefinition[]) : []),
};

export const DocumentTypeEntity = new EntitySchema<DocumentType>({
  name: 'DocumentType',
  tableName: 'document_types',
  columns: {
    id: primaryUuid,
    code: varchar(60),
    theme: varchar(30),
    label: varchar(160),
    fields: { type: 'text', transformer: json },
    validityMonths: { type: 'integer', nullable: true },
    retentionMonths: { type: 'integer', nullable: true },
    position: { type: 'integer', default: 0 },
    ...timestampColumns,
  },
});
