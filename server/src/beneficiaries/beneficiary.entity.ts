import { EntitySchema } from 'typeorm';
import { nullableTimestamp, primaryUuid, timestampColumns, uuidColumn, varchar } from '../shared/entity-columns.js';

export interface Beneficiary {
  id: string;
  firstName: string;
  lastName: string;
  /** ISO date `YYYY-MM-DD`. */
  birthDate: string;
  /** E.164, French mobile. */
  phone: string;
  email: string | null;
  locale: string;
  lockedAt: Date | null;
  lockReason: string | null;
  createdByStructureId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const BeneficiaryEntity = new EntitySchema<Beneficiary>({
  name: 'Beneficiary',
  tableName: 'beneficiaries',
  columns: {
    id: primaryUuid,
    firstName: varchar(100),
    lastName: varchar(100),
    birthDate: varchar(10),
    phone: varchar(20),
    email: varchar(254, true),
    locale: varchar(5),
    lockedAt: nullableTimestamp,
    lockReason: varchar(40, true),
    createdByStructureId: { ...uuidColumn, nullable: true },
    ...timestampColumns,
  },
});

export type FollowStatus = 'active' | 'pending' | 'refused' | 'ended';
export type ConsentChannel = 'creation' | 'app' | 'desk_code';

/** A structure following a beneficiary: only `active` follows give its referents any access. */
export interface Follow {
  id: string;
  structureId: string;
  beneficiaryId: string;
  status: FollowStatus;
  requestedByStaffId: string | null;
  consentChannel: ConsentChannel | null;
  endedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const FollowEntity = new EntitySchema<Follow>({
  name: 'Follow',
  tableName: 'follows',
  columns: {
    id: primaryUuid,
    structureId: uuidColumn,
    beneficiaryId: uuidColumn,
    status: varchar(20),
    requestedByStaffId: { ...uuidColumn, nullable: true },
    consentChannel: varchar(20, true),
    endedAt: nullableTimestamp,
    ...timestampColumns,
  },
});
