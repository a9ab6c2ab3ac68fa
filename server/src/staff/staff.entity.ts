import { EntitySchema } from 'typeorm';
import type { StaffRole } from '../policies/actor.js';
import {
  nullableTimestamp,
  primaryUuid,
  timestampColumn,
  timestampColumns,
  uuidColumn,
  varchar,
} from '../shared/entity-columns.js';

export interface StaffMember {
  id: string;
  /** Lower-cased. */
  email: string;
  displayName: string;
  /** argon2id; null until the invitation is accepted. */
  passwordHash: string | null;
  /** The TOTP secret, encrypted with the server secret; null until MFA is enrolled. */
  totpSecret: string | null;
  mfaEnrolledAt: Date | null;
  /** The last accepted TOTP time step (Unix time / 30 s): a code is never accepted twice (STAFF-3). */
  lastTotpStep?: number | null;
  platformAdmin: boolean;
  locale: string;
  failedLogins: number;
  lockedUntil: Date | null;
  deactivatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const StaffMemberEntity = new EntitySchema<StaffMember>({
  name: 'StaffMember',
  tableName: 'staff_members',
  columns: {
    id: primaryUuid,
    email: varchar(254),
    displayName: varchar(120),
    passwordHash: varchar(255, true),
    totpSecret: varchar(255, true),
    mfaEnrolledAt: nullableTimestamp,
    lastTotpStep: { type: 'integer', nullable: true },
    platformAdmin: { type: 'boolean', default: false },
    locale: varchar(5),
    failedLogins: { type: 'integer', default: 0 },
    lockedUntil: nullableTimestamp,
    deactivatedAt: nullableTimestamp,
    ...timestampColumns,
  },
});

export interface StaffMembership {
  id: string;
  staffId: string;
  structureId: string;
  role: StaffRole;
  deactivatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const StaffMembershipEntity = new EntitySchema<StaffMembership>({
  name: 'StaffMembership',
  tableName: 'staff_memberships',
  columns: {
    id: primaryUuid,
    staffId: uuidColumn,
    structureId: uuidColumn,
    role: varchar(20),
    deactivatedAt: nullableTimestamp,
    ...timestampColumns,
  },
});

export interface StaffRecoveryCode {
  id: string;
  staffId: string;
  codeHash: string;
  usedAt: Date | null;
  createdAt: Date;
}

export const StaffRecoveryCodeEntity = new EntitySchema<StaffRecoveryCode>({
  name: 'StaffRecoveryCode',
  tableName: 'staff_recovery_codes',
  columns: {
    id: primaryUuid,
    staffId: uuidColumn,
    codeHash: varchar(64),
    usedAt: nullableTimestamp,
    createdAt: timestampColumn,
  },
});

export type StaffTokenPurpose = 'invitation' | 'password_reset';

export interface StaffToken {
  id: string;
  staffId: string;
  purpose: StaffTokenPurpose;
  tokenHash: string;
  /** For invitations: the structure and role the invitee joins (null for a platform admin). */
  structureId: string | null;
  role: StaffRole | null;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

export const StaffTokenEntity = new EntitySchema<StaffToken>({
  name: 'StaffToken',
  tableName: 'staff_tokens',
  columns: {
    id: primaryUuid,
    staffId: uuidColumn,
    purpose: varchar(20),
    tokenHash: varchar(64),
    structureId: { ...uuidColumn, nullable: true },
    role: varchar(20, true),
    expiresAt: timestampColumn,
    usedAt: nullableTimestamp,
    createdAt: timestampColumn,
  },
});
