import { beforeAll, describe, expect, it } from 'vitest';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import {
  anonymousClient,
  freshPhone,
  makeReferent,
  smsLogin,
  twilioTestContext,
} from '../beneficiaries/test-support/accounts.js';
import { DAY, HOUR, MINUTE } from '../shared/clock.js';
import type { FakeTwilio } from '../../test/support/fake-twilio.js';
import { makeBeneficiary, makeStaff, makeStructure, signIn } from '../../test/support/factories.js';
import { type TestContext } from '../../test/support/test-context.js';
import { settleBackground } from './background.js';
import { SessionEntity } from './session.entity.js';

let fake: FakeTwilio;
let ctx: TestContext;

const env = twilioTestContext();
beforeAll(() => ({ ctx, fake } = env));

const account = (structures = [] as Awaited<ReturnType<typeof makeStructure>>[]) =>
  makeBeneficiary(ctx, { followedBy: structures, overrides: { phone: freshPhone() } });

async function onlySession(beneficiaryId: string) {
  return ctx.deps.db.getRepository(SessionEntity).findOneByOrFail({ beneficiaryId });
}

/** Simulates activity without a request: the idle timer restarts now. */
async function touch(id: string) {
  await ctx.deps.db.getRepository(SessionEntity).update({ id }, { lastSeenAt: ctx.clock.now() });
}

describe('SESS-2: beneficiary session lifetimes', () => {
  it('on a device marked as their own: 30 min idle', async () => {
    const b = await account();
    const client = await smsLogin(ctx, fake, b.phone, { trustedDevice: true });
    ctx.clock.advance(29 * MINUTE);
    expect((await client.get('/api/me/sessions')).status).toBe(200);
    ctx.clock.advance(29 * MINUTE);
    expect((await client.get('/api/me/sessions')).status).toBe(200);
    ctx.clock.advance(31 * MINUTE);
    expect((await client.get('/api/me/sessions')).status).toBe(401);
  });

  it('on a device marked as their own: 30 days absolute, however active', async () => {
    const b = await account();
    const client = await smsLogin(ctx, fake, b.phone, { trustedDevice: true });
    const session = await onlySession(b.id);
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(30 * DAY);
    ctx.clock.advance(30 * DAY - MINUTE);
    await touch(session.id);
    expect((await client.get('/api/me/sessions')).status).toBe(200);
    ctx.clock.advance(2 * MINUTE);
    await touch(session.id);
    expect((await client.get('/api/me/sessions')).status).toBe(401);
  });

  it('on a shared device: 15 min idle and 12 h absolute', async () => {
    const b = await account();
    const client = await smsLogin(ctx, fake, b.phone, { trustedDevice: false });
    const session = await onlySession(b.id);
    expect(session.trustedDevice).toBe(false);
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(12 * HOUR);
    ctx.clock.advance(14 * MINUTE);
    expect((await client.get('/api/me/sessions')).status).toBe(200);
    ctx.clock.advance(16 * MINUTE);
    expect((await client.get('/api/me/sessions')).status).toBe(401);

    const other = await account();
    const again = await smsLogin(ctx, fake, other.phone, { trustedDevice: false });
    const second = await onlySession(other.id);
    ctx.clock.advance(12 * HOUR - MINUTE);
    await touch(second.id);
    expect((await again.get('/api/me/sessions')).status).toBe(200);
    ctx.clock.advance(2 * MINUTE);
    await touch(second.id);
    expect((await again.get('/api/me/sessions')).status).toBe(401);
  });
});

describe('SESS-3: logout', () => {
  it('deletes the session server-side and sends Clear-Site-Data', async () => {
    const b = await account();
    const client = await smsLogin(ctx, fake, b.phone);
    const session = await onlySession(b.id);
    const res = await client.post('/api/auth/logout');
    expect(res.status).toBe(204);
    expect(res.headers['clear-site-data']).toContain('"cookies"');
    expect(await ctx.deps.db.getRepository(SessionEntity).existsBy({ id: session.id })).toBe(false);
    expect((await client.get('/api/me')).status).toBe(401);
  });
});

describe('SESS-5: the beneficiary lists and revokes their sessions', () => {
  it('lists each device with its label, dates, trust and the current flag', async () => {
    const b = await account();
    const phone = await smsLogin(ctx, fake, b.phone, { trustedDevice: true });
    ctx.clock.advance(2 * MINUTE);
    const desk = anonymousClient(ctx).set(
      'User-Agent',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36',
    );
    const requested = await desk.post('/api/auth/sms/request').send({ phone: b.phone });
    await settleBackground();
    const verified = await desk
      .post('/api/auth/sms/verify')
      .send({ requestId: requested.body.requestId, code: fake.lastCodeFor(b.phone), trustedDevice: false });
    expect(verified.status).toBe(200);

    const list = await phone.get('/api/me/sessions');
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(2);
    const [newest, oldest] = list.body.data;
    expect(newest).toMatchObject({ deviceLabel: 'Chrome sur Windows', trustedDevice: false, current: false });
    expect(oldest).toMatchObject({ trustedDevice: true, current: true });
    expect(Object.keys(newest).sort()).toEqual(
      ['createdAt', 'current', 'deviceLabel', 'expiresAt', 'id', 'lastSeenAt', 'trustedDevice'].sort(),
    );
  });

  it('revokes another device (effective on its next request), then the current one (cookie cleared)', async () => {
    const b = await account();
    const first = await smsLogin(ctx, fake, b.phone);
    ctx.clock.advance(2 * MINUTE);
    const second = await smsLogin(ctx, fake, b.phone);
    const mine = (await first.get('/api/me/sessions')).body.data as { id: string; current: boolean }[];
    const otherId = mine.find((s) => !s.current)!.id;
    const currentId = mine.find((s) => s.current)!.id;

    expect((await first.delete(`/api/me/sessions/${otherId}`)).status).toBe(204);
    expect((await second.get('/api/me/sessions')).status).toBe(401);

    const self = await first.delete(`/api/me/sessions/${currentId}`);
    expect(self.status).toBe(204);
    expect(self.headers['clear-site-data']).toBeDefined();
    expect((await first.get('/api/me/sessions')).status).toBe(401);

    const audited = await ctx.deps.db
      .getRepository(AuditEventEntity)
      .findBy({ action: 'session.revoked', beneficiaryId: b.id });
    expect(audited.map((e) => e.targetId).sort()).toEqual([otherId, currentId].sort());
  });

  it("answers 404 for someone else's session, 400 for a malformed id, 401 anonymous", async () => {
    const [a, b] = [await account(), await account()];
    const clientA = await smsLogin(ctx, fake, a.phone);
    await smsLogin(ctx, fake, b.phone);
    const theirs = await onlySession(b.id);
    expect((await clientA.delete(`/api/me/sessions/${theirs.id}`)).status).toBe(404);
    expect(await ctx.deps.db.getRepository(SessionEntity).existsBy({ id: theirs.id })).toBe(true);
    expect((await clientA.delete('/api/me/sessions/not-an-id')).status).toBe(400);
    expect((await anonymousClient(ctx).get('/api/me/sessions')).status).toBe(401);
  });

  it('lets a staff member list and revoke their own sessions too', async () => {
    const staff = await makeStaff(ctx);
    const one = await signIn(ctx, { staff });
    const two = await signIn(ctx, { staff });
    const list = await one.get('/api/me/sessions');
    expect(list.body.data).toHaveLength(2);
    const other = (list.body.data as { id: string; current: boolean }[]).find((s) => !s.current)!;
    expect((await one.delete(`/api/me/sessions/${other.id}`)).status).toBe(204);
    expect((await two.get('/api/me/sessions')).status).toBe(401);
  });

  it('lets a referent of a following structure log the beneficiary out everywhere', async () => {
    const structure = await makeStructure(ctx);
    const { agent: referent } = await makeReferent(ctx, structure);
    const b = await account([structure]);
    const one = await smsLogin(ctx, fake, b.phone);
    ctx.clock.advance(2 * MINUTE);
    const two = await smsLogin(ctx, fake, b.phone);
    const res = await referent.post(`/api/beneficiaries/${b.id}/sessions/revoke`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ revoked: 2 });
    expect((await one.get('/api/me/sessions')).status).toBe(401);
    expect((await two.get('/api/me/sessions')).status).toBe(401);
    const audited = await ctx.deps.db
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ action: 'session.revoked', beneficiaryId: b.id, targetType: 'beneficiary' });
    expect(JSON.parse(audited.details!)).toMatchObject({ scope: 'all', count: 2 });
    expect(audited.structureId).toBe(structure.id);
  });
});
