import { randomUUID } from 'node:crypto';
import { Brackets, In, IsNull, MoreThan, Not, type EntityManager } from 'typeorm';
import { recordAuditNow } from '../audit/audit.service.js';
import { SessionEntity } from '../auth/session.entity.js';
import { deleteSessionsOf } from '../auth/session.service.js';
import { refuseOverBudget, reserveSms, sendBudgetedSms } from '../auth/sms-budget.js';
import { BeneficiaryLoginFailureEntity, OtpCodeEntity } from '../auth/sms-login.entity.js';
import { asLocale } from '../auth/sms-login.service.js';
import { claimTotpCode } from '../auth/staff-auth.service.js';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.js';
import type { HandlerContext } from '../http/route.js';
import { smsText } from '../notifications/templates/sms-texts.js';
import { actingStructureId, assertFollows, assertSelf, followsBeneficiary } from '../policies/records.js';
import { DAY } from '../shared/clock.js';
import { StaffMemberEntity } from '../staff/staff.entity.js';
import { StructureEntity } from '../structures/structure.entity.js';
import { EmergencyCodeEntity, FollowMatchEntity } from './beneficiary-account.entity.js';
import { BeneficiaryEntity, FollowEntity, type Beneficiary } from './beneficiary.entity.js';
import { presentBeneficiary } from './beneficiary.presenter.js';
import { emergencyCardPdf } from './emergency-card.pdf.js';
import { generateEmergencyCodes, replaceEmergencyCodes } from './emergency-card.service.js';
import { requireFrenchMobile } from './phone.js';

type Ctx = Pick<HandlerContext<unknown, unknown, unknown>, 'actor' | 'deps' | 'req' | 'audit'>;

/** How long a duplicate answer lets a structure ask to follow the existing vault. */
export const FOLLOW_MATCH_TTL_MS = DAY;

const requestIdOf = (ctx: Ctx) => (typeof ctx.req.id === 'string' ? ctx.req.id : null);

/** Case-, accent- and spacing-insensitive form of a name, for duplicate detection. */
export const nameKey = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function assertPlausibleBirthDate(ctx: Ctx, birthDate: string): void {
  const today = ctx.deps.clock.now().toISOString().slice(0, 10);
  if (birthDate > today)
    throw badRequest('implausible_birth_date', "La date de naissance n'est pas plausible (elle est dans le futur).");
}

/** The beneficiary, when the actor's structure actively follows them; 404 otherwise (AUTHZ-2). */
export async function followedBeneficiary(em: EntityManager, ctx: Ctx, beneficiaryId: string): Promise<Beneficiary> {
  await assertFollows(em, ctx.actor, beneficiaryId);
  const beneficiary = await em.getRepository(BeneficiaryEntity).findOneBy({ id: beneficiaryId });
  if (!beneficiary) throw notFound();
  return beneficiary;
}

export interface CreateInput {
  firstName: string;
  lastName: string;
  birthDate: string;
  phone: string;
  email?: string | null | undefined;
  locale?: 'fr' | 'en' | undefined;
  confirmNotDuplicate?: boolean | undefined;
}

type Created =
  | { kind: 'created'; beneficiary: Beneficiary }
  | { kind: 'duplicate'; matchedOn: 'phone' | 'identity'; beneficiaryId: string; followed: boolean };

/**
 * A referent opens a vault for someone. A possible duplicate (same phone: always; same names and
 * birth date: unless the referent confirms it is someone else) answers 409. The existing vault's id
 * is given only to a structure that already follows it; any other structure only learns that it may
 * ask to follow (`matchId`) — never a name or a birth date it did not type itself.
 */
export async function createBeneficiary(ctx: Ctx, input: CreateInput) {
  const { deps, actor } = ctx;
  const structureId = actingStructureId(actor);
  const staffId = actor.kind === 'staff' ? actor.staffId : null;
  const phone = requireFrenchMobile(input.phone);
  assertPlausibleBirthDate(ctx, input.birthDate);
  const now = deps.clock.now();

  const outcome = await deps.db.transaction(async (em): Promise<Created> => {
    const repo = em.getRepository(BeneficiaryEntity);
    let match: Beneficiary | null = await repo.findOneBy({ phone });
    let matchedOn: 'phone' | 'identity' = 'phone';
    if (!match && !input.confirmNotDuplicate) {
      const first = nameKey(input.firstName);
      const last = nameKey(input.lastName);
      const sameBirthDate = await repo.findBy({ birthDate: input.birthDate });
      match = sameBirthDate.find((b) => nameKey(b.firstName) === first && nameKey(b.lastName) === last) ?? null;
      matchedOn = 'identity';
    }
    if (match) {
      const followed = await followsBeneficiary(em, actor, match.id);
      if (!followed) {
        await em.getRepository(FollowMatchEntity).insert({
          id: randomUUID(),
          structureId,
          beneficiaryId: match.id,
          staffId,
          expiresAt: new Date(now.getTime() + FOLLOW_MATCH_TTL_MS),
          createdAt: now,
        });
      }
      return { kind: 'duplicate', matchedOn, beneficiaryId: match.id, followed };
    }
    const beneficiary: Beneficiary = {
      id: randomUUID(),
      firstName: input.firstName,
      lastName: input.lastName,
      birthDate: input.birthDate,
      phone,
      email: input.email?.toLowerCase() ?? null,
      locale: input.locale ?? 'fr',
      lockedAt: null,
      lockReason: null,
      createdByStructureId: structureId,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insert(beneficiary);
    const followId = randomUUID();
    await em.getRepository(FollowEntity).insert({
      id: followId,
      structureId,
      beneficiaryId: beneficiary.id,
      status: 'active',
      requestedByStaffId: staffId,
      consentChannel: 'creation',
      endedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await ctx.audit(em, {
      action: 'beneficiary.created',
      beneficiaryId: beneficiary.id,
      targetType: 'beneficiary',
      targetId: beneficiary.id,
      details: { followId, duplicateConfirmed: input.confirmNotDuplicate === true },
    });
    return { kind: 'created', beneficiary };
  });

  if (outcome.kind === 'duplicate') {
    throw conflict(
      'possible_duplicate',
      outcome.followed
        ? 'Cette personne a sans doute déjà un coffre-fort, suivi par votre structure.'
        : 'Cette personne a sans doute déjà un coffre-fort. Vous pouvez demander à la suivre, avec son accord.',
      outcome.followed
        ? { matchedOn: outcome.matchedOn, beneficiaryId: outcome.beneficiaryId }
        : { matchedOn: outcome.matchedOn, canRequestFollow: true, matchId: outcome.beneficiaryId },
    );
  }

  const { beneficiary } = outcome;
  let welcomeSmsSent = true;
  try {
    // OTP-12: the service name and a link, nothing personal.
    await sendBudgetedSms(
      deps,
      {
        to: beneficiary.phone,
        body: smsText('welcome', asLocale(beneficiary.locale), { link: `${deps.config.PUBLIC_URL}/` }),
      },
      { actor, requestId: requestIdOf(ctx) },
    );
  } catch {
    // The vault exists either way: the referent is told the SMS did not leave and can show the link.
    welcomeSmsSent = false;
    deps.logger.warn({ beneficiaryId: beneficiary.id }, 'welcome sms not sent');
  }
  return { ...presentBeneficiary(beneficiary), welcomeSmsSent };
}

export interface ListQuery {
  q?: string | undefined;
  birthDate?: string | undefined;
  status?: 'active' | 'locked' | undefined;
  page: number;
  perPage: number;
  sort: 'lastName' | '-lastName' | 'createdAt' | '-createdAt' | 'birthDate' | '-birthDate';
}

const escapeLike = (value: string) => value.replace(/[!%_]/g, (c) => `!${c}`);

/** Only the beneficiaries the actor's structure actively follows, whatever the filters say (AUTHZ-2). */
export async function listBeneficiaries(ctx: Ctx, query: ListQuery) {
  const structureId = actingStructureId(ctx.actor);
  const qb = ctx.deps.db
    .getRepository(BeneficiaryEntity)
    .createQueryBuilder('b')
    .innerJoin('Follow', 'f', 'f.beneficiaryId = b.id AND f.structureId = :structureId AND f.status = :active', {
      structureId,
      active: 'active',
    });
  const terms = (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  terms.forEach((term, i) => {
    const digits = term.replace(/\D/g, '');
    qb.andWhere(
      new Brackets((w) => {
        w.where(`LOWER(b.firstName) LIKE :t${i} ESCAPE '!'`, { [`t${i}`]: `%${escapeLike(term.toLowerCase())}%` });
        w.orWhere(`LOWER(b.lastName) LIKE :t${i} ESCAPE '!'`);
        if (digits.length >= 3) {
          // National form "0612…" also finds "+33612…".
          const national = digits.startsWith('0') ? digits.slice(1) : digits;
          w.orWhere(`b.phone LIKE :p${i} ESCAPE '!'`, { [`p${i}`]: `%${escapeLike(national)}%` });
        }
      }),
    );
  });
  if (query.birthDate) qb.andWhere('b.birthDate = :birthDate', { birthDate: query.birthDate });
  if (query.status === 'locked') qb.andWhere('b.lockedAt IS NOT NULL');
  if (query.status === 'active') qb.andWhere('b.lockedAt IS NULL');
  const descending = query.sort.startsWith('-');
  const field = query.sort.replace('-', '') as 'lastName' | 'createdAt' | 'birthDate';
  const direction = descending ? 'DESC' : 'ASC';
  qb.orderBy(`b.${field}`, direction);
  if (field === 'lastName') qb.addOrderBy('b.firstName', direction);
  qb.addOrderBy('b.id', 'ASC');
  qb.skip((query.page - 1) * query.perPage).take(query.perPage);
  const [rows, total] = await qb.getManyAndCount();
  return { data: rows.map(presentBeneficiary), total };
}

/** Identity, who follows (or asks to), lock state, live sessions, emergency codes left. Audited as a view. */
export async function getBeneficiary(ctx: Ctx, beneficiaryId: string) {
  const { deps } = ctx;
  return deps.db.transaction(async (em) => {
    const beneficiary = await followedBeneficiary(em, ctx, beneficiaryId);
    const mine = actingStructureId(ctx.actor);
    const follows = await em
      .getRepository(FollowEntity)
      .find({ where: { beneficiaryId, status: In(['active', 'pending']) }, order: { createdAt: 'ASC' } });
    const structures = follows.length
      ? await em.getRepository(StructureEntity).findBy({ id: In(follows.map((f) => f.structureId)) })
      : [];
    const nameOf = new Map(structures.map((s) => [s.id, s.name]));
    const sessionsCount = await em
      .getRepository(SessionEntity)
      .countBy({ beneficiaryId, stage: 'active', expiresAt: MoreThan(deps.clock.now()) });
    const emergencyCodesLeft = await em.getRepository(EmergencyCodeEntity).countBy({ beneficiaryId, usedAt: IsNull() });
    await ctx.audit(em, {
      action: 'beneficiary.viewed',
      beneficiaryId,
      targetType: 'beneficiary',
      targetId: beneficiaryId,
    });
    return {
      ...presentBeneficiary(beneficiary),
      follows: follows.map((f) => ({
        id: f.id,
        structureId: f.structureId,
        structureName: nameOf.get(f.structureId) ?? '',
        status: f.status as 'active' | 'pending',
        consentChannel: f.consentChannel,
        since: f.createdAt.toISOString(),
        yours: f.structureId === mine,
      })),
      sessionsCount,
      emergencyCodesLeft,
    };
  });
}

export interface UpdateInput {
  firstName?: string | undefined;
  lastName?: string | undefined;
  birthDate?: string | undefined;
  email?: string | null | undefined;
  locale?: 'fr' | 'en' | undefined;
}

/** Identity corrections; the phone number has its own, stricter route (OTP-13). */
export async function updateBeneficiary(ctx: Ctx, beneficiaryId: string, input: UpdateInput) {
  if (input.birthDate) assertPlausibleBirthDate(ctx, input.birthDate);
  return ctx.deps.db.transaction(async (em) => {
    const beneficiary = await followedBeneficiary(em, ctx, beneficiaryId);
    const changes: Partial<Beneficiary> = {};
    if (input.firstName !== undefined) changes.firstName = input.firstName;
    if (input.lastName !== undefined) changes.lastName = input.lastName;
    if (input.birthDate !== undefined) changes.birthDate = input.birthDate;
    if (input.email !== undefined) changes.email = input.email?.toLowerCase() ?? null;
    if (input.locale !== undefined) changes.locale = input.locale;
    const updated = { ...beneficiary, ...changes, updatedAt: ctx.deps.clock.now() };
    await em
      .getRepository(BeneficiaryEntity)
      .update({ id: beneficiaryId }, { ...changes, updatedAt: updated.updatedAt });
    await ctx.audit(em, {
      action: 'beneficiary.updated',
      beneficiaryId,
      targetType: 'beneficiary',
      targetId: beneficiaryId,
      details: { fields: Object.keys(changes).sort().join(',') },
    });
    return presentBeneficiary(updated);
  });
}

/** OTP-8: a referent of a following structure lifts the lock; the failure count starts again from zero. */
export async function unlockBeneficiary(ctx: Ctx, beneficiaryId: string) {
  return ctx.deps.db.transaction(async (em) => {
    const beneficiary = await followedBeneficiary(em, ctx, beneficiaryId);
    const now = ctx.deps.clock.now();
    await em
      .getRepository(BeneficiaryEntity)
      .update({ id: beneficiaryId }, { lockedAt: null, lockReason: null, updatedAt: now });
    await em.getRepository(BeneficiaryLoginFailureEntity).delete({ beneficiaryId });
    await ctx.audit(em, {
      action: 'beneficiary.unlocked',
      beneficiaryId,
      targetType: 'beneficiary',
      targetId: beneficiaryId,
      details: { wasLocked: beneficiary.lockedAt !== null, reason: beneficiary.lockReason },
    });
    return presentBeneficiary({ ...beneficiary, lockedAt: null, lockReason: null, updatedAt: now });
  });
}

/** SESS-5: "log out everywhere", by a referent of a following structure. */
export async function revokeBeneficiarySessions(ctx: Ctx, beneficiaryId: string) {
  return ctx.deps.db.transaction(async (em) => {
    await followedBeneficiary(em, ctx, beneficiaryId);
    const revoked = await deleteSessionsOf(em, { beneficiaryId });
    await ctx.audit(em, {
      action: 'session.revoked',
      beneficiaryId,
      targetType: 'beneficiary',
      targetId: beneficiaryId,
      details: { scope: 'all', count: revoked },
    });
    return { revoked };
  });
}

export const invalidTotp = () =>
  forbidden('invalid_totp', "Le code de votre application d'authentification n'est pas le bon. Réessayez.");

/**
 * OTP-13: with the person present, a referent of a following structure re-enters their own TOTP
 * code and changes the number. Every session of the beneficiary ends, outstanding login codes die,
 * both numbers get a notice, and it is audited (so is a refused TOTP).
 */
export async function changeBeneficiaryPhone(ctx: Ctx, beneficiaryId: string, input: { phone: string; totp: string }) {
  const { deps, actor } = ctx;
  if (actor.kind !== 'staff') throw notFound();
  const newPhone = requireFrenchMobile(input.phone);
  const before = await followedBeneficiary(deps.db.manager, ctx, beneficiaryId);

  const staff = await deps.db.getRepository(StaffMemberEntity).findOneBy({ id: actor.staffId });
  // Claimed like a sign-in code: the same code cannot be replayed for a second change (STAFF-3).
  const totpOk = staff ? (await claimTotpCode(deps.db.manager, deps, staff, input.totp)) !== null : false;
  if (!totpOk) {
    await recordAuditNow(deps.db, deps.clock, {
      action: 'beneficiary.phone_changed',
      result: 'denied',
      actor,
      requestId: requestIdOf(ctx),
      beneficiaryId,
      targetType: 'beneficiary',
      targetId: beneficiaryId,
      details: { reason: staff?.totpSecret ? 'invalid_totp' : 'mfa_not_enrolled' },
    });
    throw invalidTotp();
  }
  if (newPhone === before.phone) throw badRequest('same_phone', "C'est déjà le numéro de ce compte.");

  const outcome = await deps.db.transaction(async (em) => {
    const current = await followedBeneficiary(em, ctx, beneficiaryId);
    const taken = await em.getRepository(BeneficiaryEntity).existsBy({ phone: newPhone, id: Not(beneficiaryId) });
    if (taken) throw conflict('phone_in_use', "Ce numéro est déjà celui d'un autre compte.");
    const now = deps.clock.now();
    await em.getRepository(BeneficiaryEntity).update({ id: beneficiaryId }, { phone: newPhone, updatedAt: now });
    const sessionsRevoked = await deleteSessionsOf(em, { beneficiaryId });
    await em
      .getRepository(OtpCodeEntity)
      .update({ beneficiaryId, usedAt: IsNull(), burnedAt: IsNull() }, { burnedAt: now });
    await ctx.audit(em, {
      action: 'beneficiary.phone_changed',
      beneficiaryId,
      targetType: 'beneficiary',
      targetId: beneficiaryId,
      details: { sessionsRevoked },
    });
    await ctx.audit(em, {
      action: 'session.revoked',
      beneficiaryId,
      targetType: 'beneficiary',
      targetId: beneficiaryId,
      details: { scope: 'all', count: sessionsRevoked, reason: 'phone_changed' },
    });
    return { oldPhone: current.phone, locale: asLocale(current.locale), sessionsRevoked };
  });

  let noticesSent = 0;
  for (const to of [outcome.oldPhone, newPhone]) {
    try {
      await sendBudgetedSms(
        deps,
        { to, body: smsText('phone-number-changed', outcome.locale, {}) },
        { actor, requestId: requestIdOf(ctx) },
      );
      noticesSent += 1;
    } catch {
      deps.logger.warn({ beneficiaryId }, 'phone change notice not sent');
    }
  }
  return { id: beneficiaryId, phone: newPhone, sessionsRevoked: outcome.sessionsRevoked, noticesSent };
}

/** The referent's own TOTP for a card, claimed once (STAFF-3); a refusal is audited and answered 400/403. */
async function requireCardTotp(ctx: Ctx, beneficiaryId: string, totp: string | undefined): Promise<void> {
  const { deps, actor } = ctx;
  if (actor.kind !== 'staff') throw notFound();
  const staff = await deps.db.getRepository(StaffMemberEntity).findOneBy({ id: actor.staffId });
  const claimed = staff && totp ? (await claimTotpCode(deps.db.manager, deps, staff, totp)) !== null : false;
  if (claimed) return;
  const reason = !staff?.totpSecret ? 'mfa_not_enrolled' : totp ? 'invalid_totp' : 'totp_missing';
  await recordAuditNow(deps.db, deps.clock, {
    action: 'beneficiary.emergency_card_issued',
    result: 'denied',
    actor,
    requestId: requestIdOf(ctx),
    beneficiaryId,
    targetType: 'emergency_card',
    targetId: null,
    details: { reason },
  });
  deps.logger.warn({ security: 'emergency_card_refused', beneficiaryId, reason }, 'security event');
  if (!totp)
    throw badRequest(
      'totp_required',
      "Saisissez le code à 6 chiffres de votre application d'authentification pour imprimer une carte.",
    );
  throw invalidTotp();
}

/**
 * A new emergency card: ten new codes, the previous card's codes void. Answers the printable PDF.
 *
 * The beneficiary themself needs nothing more than their session. A referent of a following
 * structure (AUTHZ-3: the codes open the vault, private papers included) must re-enter their own
 * TOTP code, single use; the issuance is audited, shows in the beneficiary's own trace, and an SMS
 * notice goes to the beneficiary's current number. The notice is reserved in the daily SMS budget
 * before anything changes: when it cannot be sent today, no card is issued (503).
 */
export async function issueEmergencyCard(
  ctx: Ctx,
  beneficiaryId: string,
  input: { totp?: string | undefined } = {},
): Promise<Uint8Array> {
  const { deps, actor } = ctx;
  const byStaff = actor.kind !== 'beneficiary';
  if (actor.kind === 'beneficiary') assertSelf(actor, beneficiaryId);
  else {
    // 404 before anything else: the TOTP question is only asked about a beneficiary the structure follows.
    await followedBeneficiary(deps.db.manager, ctx, beneficiaryId);
    await requireCardTotp(ctx, beneficiaryId, input.totp);
  }
  const codes = generateEmergencyCodes();
  const issuedAt = deps.clock.now();
  const pdf = await emergencyCardPdf({ codes, issuedAt, link: `${deps.config.PUBLIC_URL}/` });
  const outcome = await deps.db.transaction(async (em) => {
    const beneficiary = byStaff
      ? await followedBeneficiary(em, ctx, beneficiaryId)
      : await em.getRepository(BeneficiaryEntity).findOneBy({ id: beneficiaryId });
    if (!beneficiary) throw notFound();
    if (byStaff && !(await reserveSms(em, deps, 1))) return { overBudget: true as const };
    const { cardId, voided } = await replaceEmergencyCodes(
      em,
      deps.clock,
      deps.config.SECRET_KEY,
      beneficiaryId,
      codes,
    );
    await ctx.audit(em, {
      action: 'beneficiary.emergency_card_issued',
      beneficiaryId,
      targetType: 'emergency_card',
      targetId: cardId,
      details: { codes: codes.length, previousCodesVoided: voided, ...(byStaff ? { smsNotice: true } : {}) },
    });
    return { overBudget: false as const, phone: beneficiary.phone, locale: asLocale(beneficiary.locale) };
  });
  if (outcome.overBudget) throw await refuseOverBudget(deps, actor, requestIdOf(ctx));
  if (byStaff) {
    try {
      // OTP-12: the service name and what happened, nothing personal.
      await deps.sms.send({ to: outcome.phone, body: smsText('emergency-card-issued', outcome.locale, {}) });
    } catch {
      deps.logger.warn({ beneficiaryId }, 'emergency card notice not sent');
    }
  }
  return pdf;
}
