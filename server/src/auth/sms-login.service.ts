import { randomUUID } from 'node:crypto';
import { In, IsNull, MoreThan, type EntityManager } from 'typeorm';
import type { AuditInput } from '../audit/audit.service.js';
import type { Beneficiary } from '../beneficiaries/beneficiary.entity.js';
import { BeneficiaryEntity, FollowEntity } from '../beneficiaries/beneficiary.entity.js';
import { EmergencyCodeEntity } from '../beneficiaries/beneficiary-account.entity.js';
import { emergencyCodeUsedEmail } from '../beneficiaries/emergency-card.emails.js';
import { emergencyCodeHash } from '../beneficiaries/emergency-card.service.js';
import { requireFrenchMobile } from '../beneficiaries/phone.js';
import type { Deps } from '../deps.js';
import type { HandlerContext } from '../http/route.js';
import { AppError, badRequest } from '../http/errors.js';
import { smsText } from '../notifications/templates/sms-texts.js';
import type { Locale } from '../notifications/templates/locale.js';
import { DAY } from '../shared/clock.js';
import { StaffMemberEntity, StaffMembershipEntity } from '../staff/staff.entity.js';
import { runInBackground } from './background.js';
import {
  CODE_TTL_MINUTES,
  CODE_TTL_MS,
  checkCode,
  codeHash,
  expiredCode,
  newCode,
  unmatchableHash,
  wrongCode,
} from './one-time-code.js';
import { createSession, deleteSession, type NewSession } from './session.service.js';
import { isSmsBudgetSpent, refuseOverBudget, reserveSms } from './sms-budget.js';
import { BeneficiaryLoginFailureEntity, OtpCodeEntity, type LoginFailureMethod } from './sms-login.entity.js';
import {
  IP_LIMITS,
  PHONE_LIMITS,
  RECOVERY_IP_LIMITS,
  assertWithinLimits,
  ipKey,
  phoneKey,
  purgeStale,
  recordRateEvent,
} from './sms-rate-limit.js';
import { deviceLabel } from './device-label.js';

/** OTP-8: this many failed verifications within 24 hours lock the account until a referent unlocks it. */
export const LOCK_AFTER_FAILURES = 20;
export const LOCK_REASON_FAILED_CODES = 'too_many_failed_codes';

type Ctx = Pick<HandlerContext<unknown, unknown, unknown>, 'actor' | 'deps' | 'req' | 'audit'>;

export const asLocale = (value: string): Locale => (value === 'en' ? 'en' : 'fr');

const requestIdOf = (ctx: Ctx) => (typeof ctx.req.id === 'string' ? ctx.req.id : null);

export const accountLocked = () =>
  new AppError(
    423,
    'account_locked',
    'Votre compte est bloqué après trop de codes erronés. Votre référent peut le débloquer.',
  );

export const wrongRecoveryCode = () =>
  badRequest('invalid_recovery_code', 'Ce numéro et ce code ne correspondent pas. Vérifiez et réessayez.');

/**
 * OTP-9: the answer to a code request. The same body for every accepted request, whether the number
 * has an account, is locked, or is unknown.
 */
export interface CodeRequested {
  requestId: string;
  expiresInSeconds: number;
  message: string;
}

/**
 * `POST /auth/sms/request`. Order matters: the number's shape is checked first (OTP-10, 400 before
 * anything else), then the limits (OTP-6/7, identical for known and unknown numbers), then the
 * budget (OTP-11, global), then one transaction doing the same statements for every number. The
 * SMS itself leaves after the answer (background), so neither its latency nor a provider failure
 * tells a known number from an unknown one.
 */
export async function requestLoginCode(ctx: Ctx, phoneInput: string): Promise<CodeRequested> {
  const { deps } = ctx;
  const secret = deps.config.SECRET_KEY;
  const phone = requireFrenchMobile(phoneInput);
  const keys = { phoneKey: phoneKey(secret, phone), ipKey: ipKey(secret, ctx.req.ip) };
  await assertWithinLimits(deps.db.manager, deps.clock, 'sms_login', {
    phone: { key: keys.phoneKey, limits: PHONE_LIMITS },
    ip: { key: keys.ipKey, limits: IP_LIMITS },
  });
  if (await isSmsBudgetSpent(deps.db.manager, deps)) throw await refuseOverBudget(deps, ctx.actor, requestIdOf(ctx));

  const requestId = randomUUID();
  const code = newCode();
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (em) => {
    await purgeStale(em, deps);
    const beneficiary = await em.getRepository(BeneficiaryEntity).findOneBy({ phone });
    const sendable = beneficiary !== null && beneficiary.lockedAt === null;
    if (!(await reserveSms(em, deps, sendable ? 1 : 0))) return { overBudget: true as const };
    await recordRateEvent(em, deps.clock, 'sms_login', keys);
    await em.getRepository(OtpCodeEntity).insert({
      id: requestId,
      purpose: 'login',
      beneficiaryId: beneficiary?.id ?? null,
      followId: null,
      codeHash: sendable ? codeHash(secret, requestId, code) : unmatchableHash(secret, requestId),
      attempts: 0,
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      usedAt: null,
      burnedAt: null,
      createdAt: now,
    });
    await ctx.audit(em, {
      action: 'beneficiary.otp_sent',
      result: sendable ? 'success' : 'failure',
      beneficiaryId: beneficiary?.id ?? null,
      targetType: 'otp_request',
      targetId: requestId,
      details: sendable ? { channel: 'sms' } : { reason: beneficiary ? 'locked' : 'unknown_number' },
    });
    return { overBudget: false as const, recipient: sendable ? beneficiary : null };
  });
  if (outcome.overBudget) throw await refuseOverBudget(deps, ctx.actor, requestIdOf(ctx));

  const recipient = outcome.recipient;
  if (recipient) {
    runInBackground(deps.logger, 'login_code_sms', () =>
      deps.sms.send({
        to: recipient.phone,
        body: smsText('login-code', asLocale(recipient.locale), { code, expiresInMinutes: CODE_TTL_MINUTES }),
      }),
    );
  }
  return {
    requestId,
    expiresInSeconds: CODE_TTL_MS / 1000,
    message: 'Si ce numéro a un compte, un code vient de lui être envoyé par SMS.',
  };
}

/** Counts one failed verification (OTP-8) and locks the account at the threshold. Returns whether it is locked now. */
async function countFailure(
  em: EntityManager,
  ctx: Ctx,
  beneficiaryId: string,
  method: LoginFailureMethod,
): Promise<boolean> {
  const now = ctx.deps.clock.now();
  const failures = em.getRepository(BeneficiaryLoginFailureEntity);
  await failures.insert({ id: randomUUID(), beneficiaryId, method, occurredAt: now });
  const recent = await failures.countBy({ beneficiaryId, occurredAt: MoreThan(new Date(now.getTime() - DAY)) });
  if (recent < LOCK_AFTER_FAILURES) return false;
  const locked = await em
    .getRepository(BeneficiaryEntity)
    .update({ id: beneficiaryId, lockedAt: IsNull() }, { lockedAt: now, lockReason: LOCK_REASON_FAILED_CODES });
  if (locked.affected === 1) {
    await ctx.audit(em, {
      action: 'beneficiary.locked',
      result: 'success',
      beneficiaryId,
      targetType: 'beneficiary',
      targetId: beneficiaryId,
      details: { reason: LOCK_REASON_FAILED_CODES, failures: recent },
    });
    ctx.deps.logger.warn({ security: 'beneficiary_locked', beneficiaryId, failures: recent }, 'security event');
  }
  return true;
}

/** Opens the session of a successful login and records it (`beneficiary.login`, with how they logged in). */
async function openBeneficiarySession(
  em: EntityManager,
  ctx: Ctx,
  beneficiary: Beneficiary,
  trustedDevice: boolean,
  method: 'sms_code' | 'recovery_code',
): Promise<NewSession> {
  // A login always starts a new session (SESS-1); the one this browser held, if any, goes.
  if (ctx.req.session) await deleteSession(em, ctx.req.session.id);
  const opened = await createSession(
    em,
    ctx.deps.clock,
    { subjectKind: 'beneficiary', beneficiaryId: beneficiary.id, trustedDevice },
    deviceLabel(ctx.req.get('User-Agent')),
  );
  // Other codes still outstanding for this account are of no more use.
  await em
    .getRepository(OtpCodeEntity)
    .update({ beneficiaryId: beneficiary.id, purpose: 'login', usedAt: IsNull() }, { usedAt: ctx.deps.clock.now() });
  await ctx.audit(em, {
    action: 'beneficiary.login',
    beneficiaryId: beneficiary.id,
    targetType: 'session',
    targetId: opened.session.id,
    details: { method, trustedDevice },
  });
  return opened;
}

type Verified =
  { kind: 'ok'; opened: NewSession } | { kind: 'wrong'; attemptsLeft: number } | { kind: 'expired' | 'locked' };

/** `POST /auth/sms/verify`: the code of one request, five tries (OTP-3), once (OTP-4), ten minutes (OTP-2). */
export async function verifyLoginCode(
  ctx: Ctx,
  input: { requestId: string; code: string; trustedDevice: boolean },
): Promise<NewSession> {
  const { deps } = ctx;
  const outcome = await deps.db.transaction(async (em): Promise<Verified> => {
    const row = await em.getRepository(OtpCodeEntity).findOneBy({ id: input.requestId, purpose: 'login' });
    const fail = async (reason: string, attemptsLeft?: number) =>
      ctx.audit(em, {
        action: 'beneficiary.login_failed',
        result: 'failure',
        beneficiaryId: row?.beneficiaryId ?? null,
        targetType: 'otp_request',
        targetId: row?.id ?? null,
        details: { method: 'sms_code', reason, ...(attemptsLeft === undefined ? {} : { attemptsLeft }) },
      });
    if (!row) {
      await fail('unknown_request');
      return { kind: 'expired' };
    }
    const check = await checkCode(em, deps.clock, deps.config.SECRET_KEY, row, input.code);
    if (check.result === 'expired') {
      await fail('expired_or_used');
      return { kind: 'expired' };
    }
    if (check.result === 'wrong') {
      await fail('wrong_code', check.attemptsLeft);
      if (row.beneficiaryId) await countFailure(em, ctx, row.beneficiaryId, 'sms_code');
      return { kind: 'wrong', attemptsLeft: check.attemptsLeft };
    }
    const beneficiary = row.beneficiaryId
      ? await em.getRepository(BeneficiaryEntity).findOneBy({ id: row.beneficiaryId })
      : null;
    if (!beneficiary) return { kind: 'expired' };
    if (beneficiary.lockedAt) {
      await fail('locked');
      return { kind: 'locked' };
    }
    const opened = await openBeneficiarySession(em, ctx, beneficiary, input.trustedDevice, 'sms_code');
    return { kind: 'ok', opened };
  });
  switch (outcome.kind) {
    case 'ok':
      return outcome.opened;
    case 'wrong':
      throw wrongCode(outcome.attemptsLeft);
    case 'expired':
      throw expiredCode();
    case 'locked':
      throw accountLocked();
  }
}

type Recovered = { kind: 'ok'; opened: NewSession; beneficiary: Beneficiary } | { kind: 'wrong' };

/**
 * `POST /auth/sms/recovery`: phone number + one emergency-card code, when SMS cannot be received.
 * Same rules as the SMS path: 400 for a non-French-mobile number, one identical refusal for an
 * unknown number, a wrong code or a locked account (whatever code is typed), failures counted
 * towards the lock (OTP-8), attempts limited per IP. Each use is audited, and the person and their
 * referents are told.
 */
export async function verifyRecoveryCode(
  ctx: Ctx,
  input: { phone: string; code: string; trustedDevice: boolean },
): Promise<NewSession> {
  const { deps } = ctx;
  const secret = deps.config.SECRET_KEY;
  const phone = requireFrenchMobile(input.phone);
  const ip = ipKey(secret, ctx.req.ip);
  await assertWithinLimits(deps.db.manager, deps.clock, 'recovery_attempt', {
    ip: { key: ip, limits: RECOVERY_IP_LIMITS },
  });
  const outcome = await deps.db.transaction(async (em): Promise<Recovered> => {
    await recordRateEvent(em, deps.clock, 'recovery_attempt', { ipKey: ip });
    const beneficiary = await em.getRepository(BeneficiaryEntity).findOneBy({ phone });
    const hash = emergencyCodeHash(secret, beneficiary?.id ?? 'nobody', input.code);
    const match = beneficiary
      ? await em
          .getRepository(EmergencyCodeEntity)
          .findOneBy({ beneficiaryId: beneficiary.id, codeHash: hash, usedAt: IsNull() })
      : null;
    const fail = (reason: string) =>
      ctx.audit(em, {
        action: 'beneficiary.login_failed',
        result: 'failure',
        beneficiaryId: beneficiary?.id ?? null,
        details: { method: 'recovery_code', reason },
      });
    if (!beneficiary || !match) {
      await fail(beneficiary ? 'wrong_code' : 'unknown_number');
      if (beneficiary) await countFailure(em, ctx, beneficiary.id, 'recovery_code');
      return { kind: 'wrong' };
    }
    // OTP-8: a locked account answers exactly as a wrong code would (so the lock cannot tell a right
    // code from a wrong one) and the try counts. The right code is not spent: it still works once a
    // referent unlocks the account.
    if (beneficiary.lockedAt) {
      await fail('locked');
      await countFailure(em, ctx, beneficiary.id, 'recovery_code');
      return { kind: 'wrong' };
    }
    const now = deps.clock.now();
    const used = await em
      .getRepository(EmergencyCodeEntity)
      .update({ id: match.id, usedAt: IsNull() }, { usedAt: now });
    if (used.affected !== 1) {
      await fail('wrong_code');
      return { kind: 'wrong' };
    }
    const left = await em
      .getRepository(EmergencyCodeEntity)
      .countBy({ beneficiaryId: beneficiary.id, usedAt: IsNull() });
    const opened = await openBeneficiarySession(em, ctx, beneficiary, input.trustedDevice, 'recovery_code');
    await ctx.audit(em, {
      action: 'beneficiary.emergency_code_used',
      beneficiaryId: beneficiary.id,
      targetType: 'emergency_code',
      targetId: match.id,
      details: { cardId: match.cardId, codesLeft: left },
    });
    return { kind: 'ok', opened, beneficiary };
  });
  switch (outcome.kind) {
    case 'wrong':
      throw wrongRecoveryCode();
    case 'ok':
      notifyEmergencyUse(deps, outcome.beneficiary, { actor: ctx.actor, requestId: requestIdOf(ctx) });
      return outcome.opened;
  }
}

/** The person (SMS, within the budget) and every active referent of the structures following them (e-mail). */
function notifyEmergencyUse(
  deps: Deps,
  beneficiary: Beneficiary,
  audit: { actor: AuditInput['actor']; requestId: string | null },
): void {
  runInBackground(deps.logger, 'emergency_used_sms', async () => {
    const reserved = await deps.db.transaction((em) => reserveSms(em, deps, 1));
    if (!reserved) {
      await refuseOverBudget(deps, audit.actor, audit.requestId);
      return;
    }
    await deps.sms.send({
      to: beneficiary.phone,
      body: smsText('emergency-card-used', asLocale(beneficiary.locale), {}),
    });
  });
  runInBackground(deps.logger, 'emergency_used_email', async () => {
    const referents = await activeReferentsFollowing(deps.db.manager, beneficiary.id);
    const link = `${deps.config.PUBLIC_URL}/admin/#/beneficiaries/${beneficiary.id}/show`;
    for (const referent of referents) {
      await deps.mailer.send({
        to: referent.email,
        ...emergencyCodeUsedEmail({ locale: asLocale(referent.locale), link }),
      });
    }
  });
}

/** Active referents (membership and account) of the structures actively following the beneficiary. */
export async function activeReferentsFollowing(
  em: EntityManager,
  beneficiaryId: string,
): Promise<{ id: string; email: string; locale: string }[]> {
  const follows = await em.getRepository(FollowEntity).findBy({ beneficiaryId, status: 'active' });
  if (follows.length === 0) return [];
  const memberships = await em.getRepository(StaffMembershipEntity).findBy({
    structureId: In(follows.map((f) => f.structureId)),
    role: 'referent',
    deactivatedAt: IsNull(),
  });
  if (memberships.length === 0) return [];
  const staff = await em.getRepository(StaffMemberEntity).find({
    select: { id: true, email: true, locale: true },
    where: { id: In([...new Set(memberships.map((m) => m.staffId))]), deactivatedAt: IsNull() },
  });
  return staff.map(({ id, email, locale }) => ({ id, email, locale }));
}
