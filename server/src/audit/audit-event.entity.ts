import { EntitySchema } from 'typeorm';
import { primaryUuid, timestampColumn, uuidColumn, varchar } from '../shared/entity-columns.js';

export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditEvent {
  id: string;
  /** Position in the hash chain, from 1. */
  seq: number;
  occurredAt: Date;
  actorKind: 'anonymous' | 'staff' | 'beneficiary' | 'system';
  actorId: string | null;
  actorRole: string | null;
  structureId: string | null;
  /** The beneficiary whose vault the event concerns: their trace (LOG-2) reads this. */
  beneficiaryId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  result: AuditResult;
  requestId: string | null;
  /** Small JSON object of non-personal facts (ids, counts, reasons). */
  details: string | null;
  prevHash: string;
  hash: string;
}

export const AuditEventEntity = new EntitySchema<AuditEvent>({
  name: 'AuditEvent',
  tableName: 'audit_events',
  columns: {
    id: primaryUuid,
    seq: { type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } },
    occurredAt: timestampColumn,
    actorKind: varchar(20),
    actorId: { ...uuidColumn, nullable: true },
    actorRole: varchar(20, true),
    structureId: { ...uuidColumn, nullable: true },
    beneficiaryId: { ...uuidColumn, nullable: true },
    action: varchar(60),
    targetType: varchar(40, true),
    targetId: { ...uuidColumn, nullable: true },
    result: varchar(20),
    requestId: varchar(64, true),
    details: { type: 'text', nullable: true },
    prevHash: varchar(64),
    hash: varchar(64),
  },
});

/** One row (id 1): the last link of the chain, locked by each writer so appends are serialised. */
export interface AuditHead {
  id: number;
  seq: number;
  hash: string;
}

export const AuditHeadEntity = new EntitySchema<AuditHead>({
  name: 'AuditHead',
  tableName: 'audit_head',
  columns: {
    id: { type: 'integer', primary: true },
    seq: { type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } },
    hash: varchar(64),
  },
});
