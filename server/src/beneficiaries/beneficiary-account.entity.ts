import { EntitySchema } from 'typeorm';
import { nullableTimestamp, primaryUuid, timestampColumn, uuidColumn } from '../shared/entity-columns.js';

/** One code of an emergency card; a new card deletes the codes of the previous one. Only an HMAC is kept. */
export interface EmergencyCode {
  id: string;
  beneficiaryId: string;
  cardId: string;
  codeHash: string;
  usedAt: Date | null;
  createdAt: Date;
}

export const EmergencyCodeEntity = new EntitySchema<EmergencyCode>({
  name: 'EmergencyCode',
  tableName: 'emergency_codes',
  columns: {
    id: primaryUuid,
    beneficiaryId: uuidColumn,
    cardId: uuidColumn,
    codeHash: { type: 'varchar', length: 64 },
    usedAt: nullableTimestamp,
    createdAt: timestampColumn,
  },
});

/**
 * A structure's referent entered the phone or identity of a beneficiary the structure does not
 * follow: for a day, the structure may ask that beneficiary's consent to follow them. Without it,
 * a beneficiary id alone opens nothing, not even a follow request (AUTHZ-2).
 */
export interface FollowMatch {
  id: string;
  structureId: string;
  beneficiaryId: string;
  staffId: string | null;
  expiresAt: Date;
  createdAt: Date;
}

export const FollowMatchEntity = new EntitySchema<FollowMatch>({
  name: 'FollowMatch',
  tableName: 'follow_matches',
  columns: {
    id: primaryUuid,
    structureId: uuidColumn,
    beneficiaryId: uuidColumn,
    staffId: { ...uuidColumn, nullable: true },
    expiresAt: timestampColumn,
    createdAt: timestampColumn,
  },
});
