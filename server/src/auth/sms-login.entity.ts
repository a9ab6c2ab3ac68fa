import { EntitySchema } from 'typeorm';
import { nullableTimestamp, primaryUuid, timestampColumn, uuidColumn, varchar } from '../shared/entity-columns.js';

export type OtpPurpose = 'login' | 'follow_consent';

/**
 * A one-time code bound to one request (OTP-4): an SMS login, or a desk consent to a follow. Only an
 * HMAC of the code with the server secret and the request id is kept (OTP-5). A login request for a
 * number with no account gets a row too (no beneficiary, a code nobody knows), so both answer alike.
 */
export interface OtpCode {
  id: string;
  purpose: OtpPurpose;
  beneficiaryId: string | null;
  followId: string | null;
  codeHash: string;
  /** Wrong entries so far; the fifth burns the code (OTP-3). */
  attempts: number;
  expiresAt: Date;
  usedAt: Date | null;
  burnedAt: Date | null;
  createdAt: Date;
}

export const OtpCodeEntity = new EntitySchema<OtpCode>({
  name: 'OtpCode',
  tableName: 'otp_codes',
  columns: {
    id: primaryUuid,
    purpose: varchar(20),
    beneficiaryId: { ...uuidColumn, nullable: true },
    followId: { ...uuidColumn, nullable: true },
    codeHash: varchar(64),
    attempts: { type: 'integer', default: 0 },
    expiresAt: timestampColumn,
    usedAt: nullableTimestamp,
    burnedAt: nullableTimestamp,
    createdAt: timestampColumn,
  },
});

/** `follow_code`: a desk consent code sent by SMS (OTP-6 applies to it as to a login code). */
export type RateEventKind = 'sms_login' | 'recovery_attempt' | 'follow_code';

/** One counted attempt for the rate limits (OTP-6, OTP-7); phone and IP are kept as HMACs only. */
export interface AuthRateEvent {
  id: string;
  kind: RateEventKind;
  phoneKey: string | null;
  ipKey: string | null;
  occurredAt: Date;
}

export const AuthRateEventEntity = new EntitySchema<AuthRateEvent>({
  name: 'AuthRateEvent',
  tableName: 'auth_rate_events',
  columns: {
    id: primaryUuid,
    kind: varchar(20),
    phoneKey: varchar(64, true),
    ipKey: varchar(64, true),
    occurredAt: timestampColumn,
  },
});

/** SMS sent on one UTC day, against SMS_DAILY_BUDGET (OTP-11); `trippedAt` when the breaker opened. */
export interface SmsDailyCounter {
  day: string;
  sent: number;
  trippedAt: Date | null;
}

export const SmsDailyCounterEntity = new EntitySchema<SmsDailyCounter>({
  name: 'SmsDailyCounter',
  tableName: 'sms_daily_counters',
  columns: {
    day: { type: 'varchar', length: 10, primary: true },
    sent: { type: 'integer', default: 0 },
    trippedAt: nullableTimestamp,
  },
});

export type LoginFailureMethod = 'sms_code' | 'recovery_code';

/** A failed verification against a known account; 20 within 24 h lock it (OTP-8). */
export interface BeneficiaryLoginFailure {
  id: string;
  beneficiaryId: string;
  method: LoginFailureMethod;
  occurredAt: Date;
}

export const BeneficiaryLoginFailureEntity = new EntitySchema<BeneficiaryLoginFailure>({
  name: 'BeneficiaryLoginFailure',
  tableName: 'beneficiary_login_failures',
  columns: {
    id: primaryUuid,
    beneficiaryId: uuidColumn,
    method: varchar(20),
    occurredAt: timestampColumn,
  },
});
