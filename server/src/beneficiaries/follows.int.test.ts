import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { OtpCodeEntity } from '../auth/sms-login.entity.js';

import { MINUTE, SECOND } from '../shared/clock.js';
import type { FakeTwilio } from '../../test/support/fake-twilio.js';
import { makeBeneficiary, makeStructure } from '../../test/support/factories.js';
import { type TestContext } from '../../test/support/test-context.js';
import { FollowEntity } from './beneficiary.entity.js';
import { freshPhone, makeReferent, smsLogin, twilioTestContext } from './test-support/accounts.js';

let fake: FakeTwilio;
let ctx: TestContext;

const env = twilioTestContext();
beforeAll(() => ({ ctx, fake } = env));

/** Structure A follows the beneficiary; a referent of B found them as a duplicate (the only way to get a matchId). */
async function setup() {
  const a = await makeStructure(ctx, { name: 'CCAS Alpha' });
  const b = await makeStructure(ctx, { name: 'Association Beta' });
  const refA = await makeReferent(ctx, a);
  const refB = await makeReferent(ctx, b);
  const x = await makeBeneficiary(ctx, { followedBy: [a], overrides: { phone: freshPhone() } });
  const dup = await refB.agent
    .post('/api/beneficiaries')
    .send({ firstName: 'Autre', lastName: 'Nom', birthDate: '1999-09-09', phone: x.phone });
  expect(dup.status).toBe(409);
  return { a, b, refA, refB, x, matchId: dup.body.matchId as string };
}

const smsTo = (phone: string) => fake.messages.filter((m) => m.to === phone);

const actions = async (beneficiaryId: string) =>
  (await ctx.deps.db.getRepository(AuditEventEntity).find({ where: { beneficiaryId }, order: { seq: 'ASC' } })).map(
    (e) => e.action,
  );

describe('consent in the app', () => {
  it('creates a pending follow that gives no access until the beneficiary accepts', async () => {
    const { b, refB, x, matchId } = await setup();
    const asked = await refB.agent
      .post('/api/beneficiaries/follow-requests')
      .send({ beneficiaryId: matchId, channel: 'app' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'pending', channel: 'app', codeSent: false });
    expect(JSON.stringify(asked.body)).not.toContain(x.lastName);
    expect((await refB.agent.get(`/api/beneficiaries/${x.id}`)).status).toBe(404);

    const me = await smsLogin(ctx, fake, x.phone);
    const mine = await me.get('/api/me/follows');
    expect(mine.status).toBe(200);
    expect(mine.body.data).toHaveLength(2);
    expect(mine.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 'active', structure: expect.objectContaining({ name: 'CCAS Alpha' }) }),
        expect.objectContaining({
          id: asked.body.id,
          status: 'pending',
          structure: { id: b.id, name: 'Association Beta' },
        }),
      ]),
    );

    const answered = await me.post(`/api/me/follows/${asked.body.id}/answer`).send({ accept: true });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'active', consentChannel: 'app' });
    expect((await refB.agent.get(`/api/beneficiaries/${x.id}`)).status).toBe(200);
    expect((await me.post(`/api/me/follows/${asked.body.id}/answer`).send({ accept: true })).status).toBe(404);
    expect(await actions(x.id)).toEqual(
      expect.arrayContaining(['beneficiary.follow_requested', 'beneficiary.follow_answered']),
    );
  });

  it('lets the beneficiary refuse; the structure may ask again later', async () => {
    const { refB, x, matchId } = await setup();
    const asked = await refB.agent
      .post('/api/beneficiaries/follow-requests')
      .send({ beneficiaryId: matchId, channel: 'app' });
    const me = await smsLogin(ctx, fake, x.phone);
    const refused = await me.post(`/api/me/follows/${asked.body.id}/answer`).send({ accept: false });
    expect(refused.body.status).toBe('refused');
    expect((await refB.agent.get(`/api/beneficiaries/${x.id}`)).status).toBe(404);
    expect((await me.get('/api/me/follows')).body.data).toHaveLength(1);
    const again = await refB.agent
      .post('/api/beneficiaries/follow-requests')
      .send({ beneficiaryId: matchId, channel: 'app' });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(asked.body.id);
  });

  it('refuses a follow request for an id the structure never matched (AUTHZ-2), and one it already follows', async () => {
    const { refA, refB, x } = await setup();
    const stranger = await makeBeneficiary(ctx, { followedBy: [], overrides: { phone: freshPhone() } });
    expect(
      (await refB.agent.post('/api/beneficiaries/follow-requests').send({ beneficiaryId: stranger.id, channel: 'app' }))
        .status,
    ).toBe(404);
    const already = await refA.agent
      .post('/api/beneficiaries/follow-requests')
      .send({ beneficiaryId: x.id, channel: 'app' });
    expect(already.status).toBe(409);
    expect(
      (
        await refB.agent
          .post('/api/beneficiaries/follow-requests')
          .send({ beneficiaryId: x.id, channel: 'app', structureId: 'x' })
      ).status,
    ).toBe(400);
  });
});

describe('consent at the desk with a code', () => {
  it('sends a consent code to the beneficiary; the right code activates the follow', async () => {
    const { refB, x, matchId } = await setup();
    const asked = await refB.agent
      .post('/api/beneficiaries/follow-requests')
      .send({ beneficiaryId: matchId, channel: 'desk_code' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'pending',
      channel: 'desk_code',
      codeSent: true,
      expiresInSeconds: 600,
    });
    const sms = fake.messages.filter((m) => m.to === x.phone).at(-1)!;
    const code = fake.lastCodeFor(x.phone);
    expect(sms.body).toBe(
      `Consigne : votre code pour accepter un accompagnement est ${code}. Il expire dans 10 minutes. Donnez-le seulement en personne.`,
    );
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const bad = await refB.agent
      .post(`/api/beneficiaries/follow-requests/${asked.body.id}/confirm`)
      .send({ code: wrong });
    expect(bad.status).toBe(400);
    expect(bad.body.attemptsLeft).toBe(4);
    const ok = await refB.agent.post(`/api/beneficiaries/follow-requests/${asked.body.id}/confirm`).send({ code });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'active', channel: 'desk_code' });
    expect((await refB.agent.get(`/api/beneficiaries/${x.id}`)).status).toBe(200);
    expect(
      (await refB.agent.post(`/api/beneficiaries/follow-requests/${asked.body.id}/confirm`).send({ code })).status,
    ).toBe(404);
  });

  it('refuses an expired code, and a code confirmed by another structure', async () => {
    const { refA, refB, matchId } = await setup();
    const asked = await refB.agent
      .post('/api/beneficiaries/follow-requests')
      .send({ beneficiaryId: matchId, channel: 'desk_code' });
    const code = fake.messages.at(-1)!.body.match(/\d{6}/)![0];
    expect(
      (await refA.agent.post(`/api/beneficiaries/follow-requests/${asked.body.id}/confirm`).send({ code })).status,
    ).toBe(404);
    ctx.clock.advance(10 * MINUTE + SECOND);
    const late = await refB.agent.post(`/api/beneficiaries/follow-requests/${asked.body.id}/confirm`).send({ code });
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('code_expired');
  });
});

describe('OTP-6/OTP-11: desk codes are limited', () => {
  const ask = (agent: Awaited<ReturnType<typeof makeReferent>>['agent'], beneficiaryId: string) =>
    agent.post('/api/beneficiaries/follow-requests').send({ beneficiaryId, channel: 'desk_code' });

  it('applies the per-phone limits of the login: a second code within 60 s answers 429 with Retry-After, no SMS', async () => {
    const { refB, x, matchId } = await setup();
    expect((await ask(refB.agent, matchId)).status).toBe(201);
    const sent = smsTo(x.phone).length;
    const again = await ask(refB.agent, matchId);
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('too_many_requests');
    expect(again.body.title).toMatch(/^Trop de demandes\. Réessayez dans 1 minute\.$/);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(smsTo(x.phone)).toHaveLength(sent);

    // Five an hour: after four more (a minute apart), the sixth waits for the hour to turn.
    for (let i = 0; i < 4; i++) {
      ctx.clock.advance(MINUTE + SECOND);
      expect((await ask(refB.agent, matchId)).status).toBe(201);
    }
    ctx.clock.advance(MINUTE + SECOND);
    const hourly = await ask(refB.agent, matchId);
    expect(hourly.status).toBe(429);
    expect(Number(hourly.headers['retry-after'])).toBeGreaterThan(60);
  });

  it("does not eat into the person's own login limits", async () => {
    const { refB, x, matchId } = await setup();
    expect((await ask(refB.agent, matchId)).status).toBe(201);
    await smsLogin(ctx, fake, x.phone);
  });

  it('caps the desk codes one structure sends in a day', async () => {
    const { b, refB, x, matchId } = await setup();
    expect((await ask(refB.agent, matchId)).status).toBe(201);
    const follow = await ctx.deps.db.getRepository(FollowEntity).findOneByOrFail({ structureId: b.id });
    // As if the structure had sent 49 more codes today (to other people).
    await ctx.deps.db.getRepository(OtpCodeEntity).insert(
      Array.from({ length: 49 }, () => ({
        id: randomUUID(),
        purpose: 'follow_consent' as const,
        beneficiaryId: x.id,
        followId: follow.id,
        codeHash: 'x'.repeat(64),
        attempts: 0,
        expiresAt: ctx.clock.now(),
        usedAt: null,
        burnedAt: ctx.clock.now(),
        createdAt: ctx.clock.now(),
      })),
    );
    const y = await makeBeneficiary(ctx, { followedBy: [], overrides: { phone: freshPhone() } });
    const dup = await refB.agent
      .post('/api/beneficiaries')
      .send({ firstName: 'Autre', lastName: 'Nom', birthDate: '1999-09-09', phone: y.phone });
    const capped = await ask(refB.agent, dup.body.matchId as string);
    expect(capped.status).toBe(429);
    expect(capped.body.code).toBe('structure_sms_limit');
    expect(capped.body.title).toMatch(/^Votre structure a envoyé beaucoup de codes par SMS aujourd'hui\./);
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(23 * 3600);
    expect(smsTo(y.phone)).toHaveLength(0);
    // Consent in the app is not limited.
    expect(
      (
        await refB.agent
          .post('/api/beneficiaries/follow-requests')
          .send({ beneficiaryId: dup.body.matchId, channel: 'app' })
      ).status,
    ).toBe(201);
  });

  it('burns the code after 5 failed confirmations: the right code then fails until a new one is asked for', async () => {
    const { refB, x, matchId } = await setup();
    const asked = await ask(refB.agent, matchId);
    const code = fake.lastCodeFor(x.phone);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const confirm = (value: string) =>
      refB.agent.post(`/api/beneficiaries/follow-requests/${asked.body.id}/confirm`).send({ code: value });
    for (let left = 4; left >= 1; left--) expect((await confirm(wrong)).body.attemptsLeft).toBe(left);
    const fifth = await confirm(wrong);
    expect(fifth.status).toBe(400);
    expect(fifth.body.code).toBe('code_expired');
    const right = await confirm(code);
    expect(right.status).toBe(400);
    expect(right.body.code).toBe('code_expired');
    expect((await refB.agent.get(`/api/beneficiaries/${x.id}`)).status).toBe(404);
    const failures = await ctx.deps.db.getRepository(AuditEventEntity).find({
      where: { action: 'beneficiary.follow_answered', targetId: asked.body.id, result: 'failure' },
      order: { seq: 'ASC' },
    });
    expect(failures.map((e) => (JSON.parse(e.details!) as { reason: string }).reason)).toEqual([
      'wrong',
      'wrong',
      'wrong',
      'wrong',
      'burned',
      'expired',
    ]);

    ctx.clock.advance(MINUTE + SECOND);
    expect((await ask(refB.agent, matchId)).status).toBe(201);
    const fresh = fake.lastCodeFor(x.phone);
    expect((await confirm(fresh)).status).toBe(200);
  });
});

describe('unfollowing', () => {
  it('takes effect on the very next request of that structure, and is audited', async () => {
    const a = await makeStructure(ctx);
    const b = await makeStructure(ctx);
    const refA = await makeReferent(ctx, a);
    const refB = await makeReferent(ctx, b);
    const x = await makeBeneficiary(ctx, { followedBy: [a, b], overrides: { phone: freshPhone() } });
    expect((await refB.agent.get(`/api/beneficiaries/${x.id}`)).status).toBe(200);
    expect((await refB.agent.get('/api/beneficiaries')).body.total).toBe(1);

    const me = await smsLogin(ctx, fake, x.phone);
    const follows = (await me.get('/api/me/follows')).body.data as { id: string; structure: { id: string } }[];
    const followB = follows.find((f) => f.structure.id === b.id)!;
    expect((await me.delete(`/api/me/follows/${followB.id}`)).status).toBe(204);

    expect((await refB.agent.get(`/api/beneficiaries/${x.id}`)).status).toBe(404);
    expect((await refB.agent.patch(`/api/beneficiaries/${x.id}`).send({ firstName: 'Z' })).status).toBe(404);
    expect((await refB.agent.post(`/api/beneficiaries/${x.id}/sessions/revoke`)).status).toBe(404);
    expect((await refB.agent.get('/api/beneficiaries')).body.total).toBe(0);
    expect((await refA.agent.get(`/api/beneficiaries/${x.id}`)).status).toBe(200);
    expect((await me.delete(`/api/me/follows/${followB.id}`)).status).toBe(404);

    const stored = await ctx.deps.db.getRepository(FollowEntity).findOneByOrFail({ id: followB.id });
    expect(stored.status).toBe('ended');
    const [event] = await ctx.deps.db
      .getRepository(AuditEventEntity)
      .findBy({ action: 'beneficiary.unfollowed', beneficiaryId: x.id });
    expect(event).toMatchObject({ structureId: b.id, actorKind: 'beneficiary', targetId: followB.id });
  });

  it("answers 404 for another beneficiary's follow", async () => {
    const a = await makeStructure(ctx);
    const x = await makeBeneficiary(ctx, { followedBy: [a], overrides: { phone: freshPhone() } });
    const y = await makeBeneficiary(ctx, { followedBy: [a], overrides: { phone: freshPhone() } });
    const follow = await ctx.deps.db.getRepository(FollowEntity).findOneByOrFail({ beneficiaryId: x.id });
    const meY = await smsLogin(ctx, fake, y.phone);
    expect((await meY.delete(`/api/me/follows/${follow.id}`)).status).toBe(404);
    expect((await meY.post(`/api/me/follows/${follow.id}/answer`).send({ accept: true })).status).toBe(404);
  });
});
