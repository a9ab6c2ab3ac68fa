import { EntitySchema } from 'typeorm';
import { primaryUuid, timestampColumn, uuidColumn, varchar } from '../shared/entity-columns.js';

export type SessionSubject = 'staff' | 'beneficiary';
/** A staff session is `mfa_pending` between the password and the TOTP steps; only `active` ones authenticate. */
export type SessionStage = 'mfa_pending' | 'active';

export interface Session {
  id: string;
  /** SHA-256 of the cookie token: the token itself is never stored (SESS-1). */
  tokenHash: string;
  subjectKind: SessionSubject;
  staffId: string | null;
  beneficiaryId: string | null;
  stage: SessionStage;
  /** Beneficiary said "this is my own phone": longer timeouts (SESS-2). */
  trustedDevice: boolean;
  deviceLabel: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  /** Absolute expiry. */
  expiresAt: Date;
}

export const SessionEntity = new EntitySchema<Session>({
  name: 'Session',
  tableName: 'sessions',
  columns: {
    id: primaryUuid,
    tokenHash: varchar(64),
    subjectKind: varchar(20),
    staffId: { ...uuidColumn, nullable: true },
    beneficiaryId: { ...uuidColumn, nullable: true },
    stage: varchar(20),
    trustedDevice: { type: 'boolean', default: false },
    deviceLabel: varchar(120, true),
    createdAt: timestampColumn,
    lastSeenAt: timestampColumn,
    expiresAt: timestampColumn,
  },
});
