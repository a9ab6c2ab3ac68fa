import { randomUUID } from 'node:crypto';
import { LessThan, type EntityManager } from 'typeorm';
import { DAY, HOUR, MINUTE, type Clock } from '../shared/clock.js';
import { SessionEntity, type Session, type SessionStage } from './session.entity.js';
import { hashToken, newToken } from './tokens.js';

/** SESS-2: idle and absolute lifetimes by kind of session. */
export function sessionLimits(session: Pick<Session, 'subjectKind' | 'stage' | 'trustedDevice'>) {
  if (session.stage === 'mfa_pending') return { idleMs: 5 * MINUTE, absoluteMs: 5 * MINUTE };
  if (session.subjectKind === 'staff') return { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR };
  return session.trustedDevice
    ? { idleMs: 30 * MINUTE, absoluteMs: 30 * DAY }
    : { idleMs: 15 * MINUTE, absoluteMs: 12 * HOUR };
}

export type SessionSubjectInput =
  | { subjectKind: 'staff'; staffId: string; stage: SessionStage }
  | { subjectKind: 'beneficiary'; beneficiaryId: string; trustedDevice: boolean };

export interface NewSession {
  session: Session;
  /** The cookie value; only its hash is stored. */
  token: string;
}

/** A new session with a fresh token; login always creates one, never reuses one (SESS-1). */
export async function createSession(
  em: EntityManager,
  clock: Clock,
  subject: SessionSubjectInput,
  deviceLabel: string | null,
): Promise<NewSession> {
  const token = newToken();
  const now = clock.now();
  const base = {
    id: randomUUID(),
    tokenHash: hashToken(token),
    deviceLabel: deviceLabel?.slice(0, 120) ?? null,
    createdAt: now,
    lastSeenAt: now,
  };
  const session: Session =
    subject.subjectKind === 'staff'
      ? {
          ...base,
          subjectKind: 'staff',
          staffId: subject.staffId,
          beneficiaryId: null,
          stage: subject.stage,
          trustedDevice: false,
          expiresAt: now,
        }
      : {
          ...base,
          subjectKind: 'beneficiary',
          staffId: null,
          beneficiaryId: subject.beneficiaryId,
          stage: 'active',
          trustedDevice: subject.trustedDevice,
          expiresAt: now,
        };
  session.expiresAt = new Date(now.getTime() + sessionLimits(session).absoluteMs);
  await em.getRepository(SessionEntity).insert(session);
  return { session, token };
}

export function isExpired(session: Session, now: Date): boolean {
  const { idleMs } = sessionLimits(session);
  return now >= session.expiresAt || now.getTime() - session.lastSeenAt.getTime() >= idleMs;
}

/** The live session behind a cookie token, or null. An expired session is deleted on sight. */
export async function findLiveSession(em: EntityManager, clock: Clock, token: string): Promise<Session | null> {
  const repo = em.getRepository(SessionEntity);
  const session = await repo.findOneBy({ tokenHash: hashToken(token) });
  if (!session) return null;
  const now = clock.now();
  if (isExpired(session, now)) {
    await repo.delete({ id: session.id });
    return null;
  }
  // Writing on every request is wasteful; a minute of precision is plenty for a 15-minute idle limit.
  if (now.getTime() - session.lastSeenAt.getTime() > MINUTE) {
    await repo.update({ id: session.id }, { lastSeenAt: now });
    session.lastSeenAt = now;
  }
  return session;
}

export async function deleteSession(em: EntityManager, id: string): Promise<void> {
  await em.getRepository(SessionEntity).delete({ id });
}

/** Kills every session of a person at once (SESS-4, OTP-13). Returns how many were open. */
export async function deleteSessionsOf(
  em: EntityManager,
  subject: { staffId: string } | { beneficiaryId: string },
): Promise<number> {
  const result = await em.getRepository(SessionEntity).delete(subject);
  return result.affected ?? 0;
}

export async function purgeExpiredSessions(em: EntityManager, clock: Clock): Promise<void> {
  await em.getRepository(SessionEntity).delete({ expiresAt: LessThan(clock.now()) });
}
