import { randomUUID } from 'node:crypto';
import { In, IsNull, MoreThan, type EntityManager } from 'typeorm';
import {
  CODE_TTL_MINUTES,
  CODE_TTL_MS,
  checkCode,
  codeHash,
  expiredCode,
  newCode,
  wrongCode,
} from '../auth/one-time-code.js';
import { sendBudgetedSms } from '../auth/sms-budget.js';
import { OtpCodeEntity } from '../auth/sms-login.entity.js';
import { asLocale } from '../auth/sms-login.service.js';
import {
  PHONE_LIMITS,
  STRUCTURE_DESK_CODE_LIMITS,
  assertWithinLimits,
  phoneKey,
  recordRateEvent,
  retryDelayFr,
  waitFor,
} from '../auth/sms-rate-limit.js';
import { conflict, notFound, tooManyRequests } from '../http/errors.js';
import type { HandlerContext } from '../http/route.js';
import { smsText } from '../notifications/templates/sms-texts.js';
import { actingStructureId } from '../policies/records.js';
import { StructureEntity } from '../structures/structure.entity.js';
import { FollowMatchEntity } from './beneficiary-account.entity.js';
import { BeneficiaryEntity, FollowEntity, type Follow } from './beneficiary.entity.js';

type Ctx = Pick<HandlerContext<unknown, unknown, unknown>, 'actor' | 'deps' | 'req' | 'audit'>;

const requestIdOf = (ctx: Ctx) => (typeof ctx.req.id === 'string' ? ctx.req.id : null);

const presentFollowRequest = (follow: Follow, codeSent: boolean) => ({
  id: follow.id,
  status: follow.status,
  channel: follow.consentChannel,
  codeSent,
  expiresInSeconds: codeSent ? CODE_TTL_MS / 1000 : null,
});

/**
 * OTP-6/OTP-11 for desk consent codes: the login's per-phone limits (1 per 60 s, 5 per hour, 10 per
 * day, counted apart from login codes so that a structure cannot block the person's own login), and
 * at most STRUCTURE_DESK_CODE_LIMITS per structure, counted from the codes it had sent. 429 with
 * Retry-After otherwise. Returns the phone's rate key, to record once the code is stored.
 */
async function assertDeskCodeAllowed(em: EntityManager, ctx: Ctx, structureId: string, phone: string) {
  const { deps } = ctx;
  const key = phoneKey(deps.config.SECRET_KEY, phone);
  const now = deps.clock.now().getTime();
  try {
    await assertWithinLimits(em, deps.clock, 'follow_code', { phone: { key, limits: PHONE_LIMITS } });
  } catch (error) {
    deps.logger.warn({ security: 'desk_code_rate_limited', structureId, scope: 'phone' }, 'security event');
    throw error;
  }
  const window = Math.max(...STRUCTURE_DESK_CODE_LIMITS.map((l) => l.windowMs));
  const sent = await em
    .getRepository(OtpCodeEntity)
    .createQueryBuilder('o')
    .innerJoin('Follow', 'f', 'f.id = o.followId')
    .select(['o.id', 'o.createdAt'])
    .where('f.structureId = :structureId', { structureId })
    .andWhere('o.purpose = :purpose', { purpose: 'follow_consent' })
    .andWhere('o.createdAt > :since', { since: new Date(now - window) })
    .getMany();
  const wait = waitFor(
    sent.map((row) => row.createdAt.getTime()),
    STRUCTURE_DESK_CODE_LIMITS,
    now,
  );
  if (wait > 0) {
    deps.logger.warn({ security: 'desk_code_rate_limited', structureId, scope: 'structure' }, 'security event');
    throw tooManyRequests(
      'structure_sms_limit',
      `Votre structure a envoyé beaucoup de codes par SMS aujourd'hui. Réessayez dans ${retryDelayFr(wait)}, ou demandez l'accord dans l'application.`,
      wait,
    );
  }
  return key;
}

/**
 * A structure asks to follow a beneficiary it found as a duplicate (`matchId`). Consent comes from
 * the beneficiary: in their app, or at the desk with a code sent to their phone that they read out.
 * Without a recent duplicate answer for this structure, the id opens nothing (404, AUTHZ-2).
 */
export async function requestFollow(ctx: Ctx, input: { beneficiaryId: string; channel: 'app' | 'desk_code' }) {
  const { deps, actor } = ctx;
  const structureId = actingStructureId(actor);
  const staffId = actor.kind === 'staff' ? actor.staffId : null;
  const code = newCode();
  const outcome = await deps.db.transaction(async (em) => {
    const now = deps.clock.now();
    const follows = em.getRepository(FollowEntity);
    const existing = await follows.findOneBy({ structureId, beneficiaryId: input.beneficiaryId });
    if (existing?.status === 'active') throw conflict('already_following', 'Votre structure suit déjà cette personne.');
    const granted = await em
      .getRepository(FollowMatchEntity)
      .existsBy({ structureId, beneficiaryId: input.beneficiaryId, expiresAt: MoreThan(now) });
    if (!granted) throw notFound();
    const beneficiary = await em.getRepository(BeneficiaryEntity).findOneBy({ id: input.beneficiaryId });
    if (!beneficiary) throw notFound();
    const rateKey =
      input.channel === 'desk_code' ? await assertDeskCodeAllowed(em, ctx, structureId, beneficiary.phone) : null;
    const follow: Follow = existing
      ? {
          ...existing,
          status: 'pending',
          consentChannel: input.channel,
          requestedByStaffId: staffId,
          endedAt: null,
          updatedAt: now,
        }
      : {
          id: randomUUID(),
          structureId,
          beneficiaryId: input.beneficiaryId,
          status: 'pending',
          requestedByStaffId: staffId,
          consentChannel: input.channel,
          endedAt: null,
          createdAt: now,
          updatedAt: now,
        };
    if (existing) {
      const { id, ...changes } = follow;
      await follows.update({ id }, changes);
    } else await follows.insert(follow);
    const codes = em.getRepository(OtpCodeEntity);
    await codes.update({ followId: follow.id, usedAt: IsNull(), burnedAt: IsNull() }, { burnedAt: now });
    if (input.channel === 'desk_code') {
      const codeId = randomUUID();
      await codes.insert({
        id: codeId,
        purpose: 'follow_consent',
        beneficiaryId: beneficiary.id,
        followId: follow.id,
        codeHash: codeHash(deps.config.SECRET_KEY, codeId, code),
        attempts: 0,
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
        usedAt: null,
        burnedAt: null,
        createdAt: now,
      });
      await recordRateEvent(em, deps.clock, 'follow_code', { phoneKey: rateKey });
    }
    await ctx.audit(em, {
      action: 'beneficiary.follow_requested',
      beneficiaryId: beneficiary.id,
      targetType: 'follow',
      targetId: follow.id,
      details: { channel: input.channel },
    });
    return { follow, phone: beneficiary.phone, locale: asLocale(beneficiary.locale) };
  });
  if (input.channel === 'desk_code') {
    await sendBudgetedSms(
      deps,
      {
        to: outcome.phone,
        body: smsText('follow-consent-code', outcome.locale, { code, expiresInMinutes: CODE_TTL_MINUTES }),
      },
      { actor, requestId: requestIdOf(ctx) },
    );
  }
  return presentFollowRequest(outcome.follow, input.channel === 'desk_code');
}

/** At the desk: the referent types the code the beneficiary read from their SMS; the follow becomes active. */
export async function confirmFollowWithCode(ctx: Ctx, followId: string, code: string) {
  const { deps } = ctx;
  const structureId = actingStructureId(ctx.actor);
  const outcome = await deps.db.transaction(async (em) => {
    const follow = await em
      .getRepository(FollowEntity)
      .findOneBy({ id: followId, structureId, status: 'pending', consentChannel: 'desk_code' });
    if (!follow) throw notFound();
    const row = await em
      .getRepository(OtpCodeEntity)
      .findOne({ where: { followId, purpose: 'follow_consent' }, order: { createdAt: 'DESC' } });
    if (!row) return { kind: 'expired' as const };
    const check = await checkCode(em, deps.clock, deps.config.SECRET_KEY, row, code);
    if (check.result !== 'ok') {
      await ctx.audit(em, {
        action: 'beneficiary.follow_answered',
        result: 'failure',
        beneficiaryId: follow.beneficiaryId,
        targetType: 'follow',
        targetId: follow.id,
        // The fifth wrong code burns it (OTP-3): only a new request, within the limits above, sends another.
        details: {
          channel: 'desk_code',
          reason: check.result === 'wrong' && check.attemptsLeft === 0 ? 'burned' : check.result,
        },
      });
      return check.result === 'wrong'
        ? { kind: 'wrong' as const, attemptsLeft: check.attemptsLeft }
        : { kind: 'expired' as const };
    }
    const now = deps.clock.now();
    await em.getRepository(FollowEntity).update({ id: follow.id }, { status: 'active', updatedAt: now });
    await ctx.audit(em, {
      action: 'beneficiary.follow_answered',
      beneficiaryId: follow.beneficiaryId,
      targetType: 'follow',
      targetId: follow.id,
      details: { channel: 'desk_code', accepted: true },
    });
    return { kind: 'ok' as const, follow: { ...follow, status: 'active' as const, updatedAt: now } };
  });
  if (outcome.kind === 'wrong') throw wrongCode(outcome.attemptsLeft);
  if (outcome.kind === 'expired') throw expiredCode();
  return { id: outcome.follow.id, status: outcome.follow.status, channel: outcome.follow.consentChannel };
}

async function myFollow(ctx: Ctx, followId: string, statuses: Follow['status'][]) {
  if (ctx.actor.kind !== 'beneficiary') throw notFound();
  const follow = await ctx.deps.db
    .getRepository(FollowEntity)
    .findOneBy({ id: followId, beneficiaryId: ctx.actor.beneficiaryId, status: In(statuses) });
  if (!follow) throw notFound();
  return follow;
}

async function presentMyFollows(ctx: Ctx, follows: Follow[]) {
  const structures = follows.length
    ? await ctx.deps.db.getRepository(StructureEntity).findBy({ id: In(follows.map((f) => f.structureId)) })
    : [];
  const byId = new Map(structures.map((s) => [s.id, s]));
  return follows.map((f) => ({
    id: f.id,
    structure: { id: f.structureId, name: byId.get(f.structureId)?.name ?? '' },
    status: f.status,
    consentChannel: f.consentChannel,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  }));
}

/** The structures following me, and those asking to. */
export async function listMyFollows(ctx: Ctx) {
  if (ctx.actor.kind !== 'beneficiary') throw notFound();
  const follows = await ctx.deps.db.getRepository(FollowEntity).find({
    where: { beneficiaryId: ctx.actor.beneficiaryId, status: In(['active', 'pending']) },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  return { data: await presentMyFollows(ctx, follows) };
}

/** In the app, the beneficiary accepts or refuses a structure's request. */
export async function answerFollowRequest(ctx: Ctx, followId: string, accept: boolean) {
  const follow = await myFollow(ctx, followId, ['pending']);
  const now = ctx.deps.clock.now();
  const status = accept ? ('active' as const) : ('refused' as const);
  await ctx.deps.db.transaction(async (em) => {
    const changed = await em
      .getRepository(FollowEntity)
      .update({ id: follow.id, status: 'pending' }, { status, consentChannel: 'app', updatedAt: now });
    if (changed.affected !== 1) throw notFound();
    await em
      .getRepository(OtpCodeEntity)
      .update({ followId: follow.id, usedAt: IsNull(), burnedAt: IsNull() }, { burnedAt: now });
    await ctx.audit(em, {
      action: 'beneficiary.follow_answered',
      structureId: follow.structureId,
      targetType: 'follow',
      targetId: follow.id,
      details: { channel: 'app', accepted: accept },
    });
  });
  const [view] = await presentMyFollows(ctx, [{ ...follow, status, consentChannel: 'app', updatedAt: now }]);
  return view!;
}

/** The beneficiary stops a structure following them (or withdraws a pending request): effective on the next request. */
export async function unfollowStructure(ctx: Ctx, followId: string): Promise<void> {
  const follow = await myFollow(ctx, followId, ['active', 'pending']);
  const now = ctx.deps.clock.now();
  await ctx.deps.db.transaction(async (em) => {
    await em.getRepository(FollowEntity).update({ id: follow.id }, { status: 'ended', endedAt: now, updatedAt: now });
    await em
      .getRepository(OtpCodeEntity)
      .update({ followId: follow.id, usedAt: IsNull(), burnedAt: IsNull() }, { burnedAt: now });
    await ctx.audit(em, {
      action: 'beneficiary.unfollowed',
      structureId: follow.structureId,
      targetType: 'follow',
      targetId: follow.id,
      details: { previousStatus: follow.status },
    });
  });
}
