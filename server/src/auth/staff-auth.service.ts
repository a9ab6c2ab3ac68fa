import { randomUUID } from 'node:crypto';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { BeneficiaryEntity } from '../beneficiaries/beneficiary.entity.js';
import type { Deps } from '../deps.js';
import { forbidden, notFound, tooManyRequests, unauthenticated } from '../http/errors.js';
import type { HandlerContext } from '../http/route.js';
import type { Actor } from '../policies/actor.js';
import { HOUR, type Clock } from '../shared/clock.js';
import { generateRecoveryCodes, hashRecoveryCode, matchTotpStep } from '../staff/mfa.js';
import { verifyAgainstDummy, verifyPassword } from '../staff/passwords.js';
import {
  StaffMemberEntity,
  StaffMembershipEntity,
  StaffRecoveryCodeEntity,
  StaffTokenEntity,
  type StaffMember,
} from '../staff/staff.entity.js';
import { isEnrolled, normaliseEmail } from '../staff/staff.service.js';
import { decryptTotpSecret } from '../staff/totp.js';
import { StructureEntity } from '../structures/structure.entity.js';
import type { Session } from './session.entity.js';
import { deleteSession } from './session.service.js';
import { LOCK_MS, MAX_FAILED_LOGINS, unknownLoginThrottle } from './staff-login-throttle.js';
import { hmac, sameHash } from './tokens.js';

type Audit = HandlerContext<unknown, unknown, unknown>['audit'];

export const invalidCredentials = () =>
  unauthenticated('invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');

export const invalidMfaCode = () =>
  unauthenticated('invalid_mfa_code', 'Ce code est incorrect ou a déjà servi. Attendez le code suivant et réessayez.');

export const accountLocked = (ms: number) =>
  tooManyRequests(
    'account_locked',
    'Trop de tentatives de connexion : la connexion à ce compte est bloquée pendant 15 minutes. Réessayez plus tard.',
    Math.max(1, Math.ceil(ms / 1000)),
  );

export const mfaSessionMissing = () =>
  unauthenticated(
    'mfa_session_expired',
    'Votre connexion a expiré : saisissez de nouveau votre adresse e-mail et votre mot de passe.',
  );

/** How a signed-in staff member appears in the audit log before an `X-Structure-Id` is chosen. */
export const staffActor = (member: StaffMember, sessionId: string): Actor => ({
  kind: 'staff',
  staffId: member.id,
  sessionId,
  platformAdmin: member.platformAdmin,
  membership: null,
});

async function hasActiveMembership(em: EntityManager, staffId: string): Promise<boolean> {
  const count = await em
    .getRepository(StaffMembershipEntity)
    .createQueryBuilder('m')
    .innerJoin(StructureEntity.options.name, 'st', 'st.id = m.structureId')
    .where('m.staffId = :staffId AND m.deactivatedAt IS NULL AND st.archivedAt IS NULL', { staffId })
    .getCount();
  return count > 0;
}

/**
 * Counts a failed password or code against a real account (STAFF-4) and audits it in the same
 * transaction. Returns the lock length when this failure locks the account, else 0.
 */
export async function registerFailure(
  deps: Deps,
  audit: Audit,
  member: StaffMember,
  action: 'staff.login' | 'staff.mfa',
  reason: string,
): Promise<number> {
  return deps.db.transaction(async (em) => {
    const repo = em.getRepository(StaffMemberEntity);
    const fresh = await repo.findOneByOrFail({ id: member.id });
    const now = deps.clock.now();
    const failures = fresh.failedLogins + 1;
    const locks = failures >= MAX_FAILED_LOGINS;
    await repo.update(
      { id: member.id },
      locks
        ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MS) }
        : { failedLogins: failures, lockedUntil: null },
    );
    const target = { targetType: 'staff', targetId: member.id } as const;
    await audit(em, { action, result: 'failure', ...target, details: { reason, failures } });
    if (locks) await audit(em, { action: 'staff.locked', ...target, details: { minutes: LOCK_MS / 60_000 } });
    return locks ? LOCK_MS : 0;
  });
}

const remainingLock = (member: StaffMember, now: Date) =>
  member.lockedUntil && member.lockedUntil > now ? member.lockedUntil.getTime() - now.getTime() : 0;

/**
 * Step 1 of the staff login: e-mail and password. Unknown addresses, accounts that never finished
 * their enrolment, wrong passwords and locks all cost one argon2 verification and answer alike
 * (STAFF-4, "same generic error and timing").
 */
export async function checkStaffPassword(
  deps: Deps,
  audit: Audit,
  input: { email: string; password: string },
): Promise<StaffMember> {
  const email = normaliseEmail(input.email);
  const member = await deps.db.getRepository(StaffMemberEntity).findOneBy({ email });
  const now = deps.clock.now();
  const auditNow = (details: Record<string, string>, targetId: string | null = null) =>
    deps.db.transaction((em) =>
      audit(em, { action: 'staff.login', result: 'failure', targetType: 'staff', targetId, details }),
    );

  if (!member || !isEnrolled(member)) {
    const throttle = unknownLoginThrottle(deps, deps.clock);
    const key = hmac(deps.config.SECRET_KEY, `staff-login:${email}`);
    const lockedMs = throttle.lockedForMs(key);
    await verifyAgainstDummy(input.password);
    if (lockedMs) {
      await auditNow({ reason: 'locked' }, member?.id ?? null);
      throw accountLocked(lockedMs);
    }
    const lockMs = throttle.fail(key);
    await auditNow({ reason: member ? 'not_enrolled' : 'unknown_account' }, member?.id ?? null);
    throw lockMs ? accountLocked(lockMs) : invalidCredentials();
  }

  const lockedMs = remainingLock(member, now);
  if (lockedMs) {
    await verifyAgainstDummy(input.password);
    await auditNow({ reason: 'locked' }, member.id);
    throw accountLocked(lockedMs);
  }
  if (!(await verifyPassword(member.passwordHash!, input.password))) {
    const lockMs = await registerFailure(deps, audit, member, 'staff.login', 'wrong_password');
    throw lockMs ? accountLocked(lockMs) : invalidCredentials();
  }
  if (member.deactivatedAt || (!member.platformAdmin && !(await hasActiveMembership(deps.db.manager, member.id)))) {
    await auditNow({ reason: 'deactivated' }, member.id);
    throw forbidden(
      'account_deactivated',
      "Votre accès à Consigne est désactivé. Adressez-vous à l'administrateur de votre structure.",
    );
  }
  return member;
}

/** The staff member behind an `mfa_pending` session, or 401 (and the session is dropped). */
export async function pendingMember(deps: Deps, session: Session | undefined): Promise<StaffMember> {
  if (!session || session.stage !== 'mfa_pending' || session.subjectKind !== 'staff' || !session.staffId)
    throw mfaSessionMissing();
  const member = await deps.db.getRepository(StaffMemberEntity).findOneBy({ id: session.staffId });
  if (member && isEnrolled(member) && !member.deactivatedAt) {
    const lockedMs = remainingLock(member, deps.clock.now());
    if (!lockedMs) return member;
    await deleteSession(deps.db.manager, session.id);
    throw accountLocked(lockedMs);
  }
  await deleteSession(deps.db.manager, session.id);
  throw mfaSessionMissing();
}

/** STAFF-3: accepts a TOTP code once; the step is claimed atomically so a replay (even concurrent) fails. */
export async function claimTotpCode(
  em: EntityManager,
  deps: Pick<Deps, 'config' | 'clock'>,
  member: StaffMember,
  code: string,
): Promise<number | null> {
  if (!member.totpSecret) return null;
  const step = matchTotpStep(decryptTotpSecret(deps.config.SECRET_KEY, member.totpSecret), code, deps.clock.now());
  if (step === null) return null;
  const result = await em
    .createQueryBuilder()
    .update(StaffMemberEntity)
    .set({ lastTotpStep: step })
    .where('id = :id', { id: member.id })
    .andWhere('(lastTotpStep IS NULL OR lastTotpStep < :step)', { step })
    .execute();
  return result.affected ? step : null;
}

/** STAFF-3: a recovery code works once. Returns how many remain, or null when the code is wrong or used. */
export async function claimRecoveryCode(
  em: EntityManager,
  deps: Pick<Deps, 'config' | 'clock'>,
  member: StaffMember,
  code: string,
): Promise<number | null> {
  const repo = em.getRepository(StaffRecoveryCodeEntity);
  const unused = await repo.findBy({ staffId: member.id, usedAt: IsNull() });
  const hash = hashRecoveryCode(deps.config.SECRET_KEY, code);
  const match = unused.find((c) => sameHash(c.codeHash, hash));
  if (!match) return null;
  const result = await repo.update({ id: match.id, usedAt: IsNull() }, { usedAt: deps.clock.now() });
  return result.affected ? unused.length - 1 : null;
}

/** Ten fresh recovery codes replace any earlier ones; only their HMACs are stored. Returns the codes, once. */
export async function replaceRecoveryCodes(
  em: EntityManager,
  deps: Pick<Deps, 'config' | 'clock'>,
  staffId: string,
): Promise<string[]> {
  const repo = em.getRepository(StaffRecoveryCodeEntity);
  await repo.delete({ staffId });
  const codes = generateRecoveryCodes();
  const now = deps.clock.now();
  await repo.insert(
    codes.map((code) => ({
      id: randomUUID(),
      staffId,
      codeHash: hashRecoveryCode(deps.config.SECRET_KEY, code),
      usedAt: null,
      createdAt: now,
    })),
  );
  return codes;
}

/** At most this many reset mails per account and hour, so the endpoint cannot be used to flood a mailbox. */
const RESETS_PER_HOUR = 3;

export async function resetRequestsInLastHour(em: EntityManager, clock: Clock, staffId: string): Promise<number> {
  return em.getRepository(StaffTokenEntity).countBy({
    staffId,
    purpose: 'password_reset',
    createdAt: MoreThan(new Date(clock.now().getTime() - HOUR)),
  });
}

export const canRequestReset = async (em: EntityManager, clock: Clock, staffId: string) =>
  (await resetRequestsInLastHour(em, clock, staffId)) < RESETS_PER_HOUR;

// ---------------------------------------------------------------------------------------------
// GET /me
// ---------------------------------------------------------------------------------------------

export interface StaffMe {
  kind: 'staff';
  id: string;
  email: string;
  displayName: string;
  locale: string;
  platformAdmin: boolean;
  memberships: { structureId: string; structureName: string; structureKind: string; role: 'admin' | 'referent' }[];
  activeStructureId: string | null;
}

export interface BeneficiaryMe {
  kind: 'beneficiary';
  id: string;
  firstName: string;
  lastName: string;
  locale: string;
}

export async function staffMe(
  em: EntityManager,
  member: StaffMember,
  activeStructureId: string | null,
): Promise<StaffMe> {
  const memberships = await em
    .getRepository(StaffMembershipEntity)
    .findBy({ staffId: member.id, deactivatedAt: IsNull() });
  const structures = memberships.length
    ? await em
        .getRepository(StructureEntity)
        .createQueryBuilder('st')
        .where('st.id IN (:...ids) AND st.archivedAt IS NULL', { ids: memberships.map((m) => m.structureId) })
        .orderBy('st.name', 'ASC')
        .getMany()
    : [];
  const roleOf = new Map(memberships.map((m) => [m.structureId, m.role]));
  return {
    kind: 'staff',
    id: member.id,
    email: member.email,
    displayName: member.displayName,
    locale: member.locale,
    platformAdmin: member.platformAdmin,
    memberships: structures.map((st) => ({
      structureId: st.id,
      structureName: st.name,
      structureKind: st.kind,
      role: roleOf.get(st.id)!,
    })),
    activeStructureId,
  };
}

export async function meOf(em: EntityManager, actor: Actor): Promise<StaffMe | BeneficiaryMe> {
  if (actor.kind === 'staff') {
    const member = await em.getRepository(StaffMemberEntity).findOneBy({ id: actor.staffId });
    if (!member) throw notFound();
    return staffMe(em, member, actor.membership?.structureId ?? null);
  }
  if (actor.kind === 'beneficiary') {
    const beneficiary = await em.getRepository(BeneficiaryEntity).findOneBy({ id: actor.beneficiaryId });
    if (!beneficiary) throw notFound();
    return {
      kind: 'beneficiary',
      id: beneficiary.id,
      firstName: beneficiary.firstName,
      lastName: beneficiary.lastName,
      locale: beneficiary.locale,
    };
  }
  throw unauthenticated();
}
