import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeStaff, makeStructure, signIn } from '../../test/support/factories.js';
import { createTestContext, TEST_ORIGIN, type TestContext } from '../../test/support/test-context.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { HOUR, MINUTE, SECOND } from '../shared/clock.js';
import { StaffMemberEntity, StaffMembershipEntity, StaffRecoveryCodeEntity } from '../staff/staff.entity.js';
import { currentTotp } from '../staff/totp.js';
import type { Structure } from '../structures/structure.entity.js';
import { SessionEntity } from './session.entity.js';
import {
  GOOD_PASSWORD,
  enrolThroughInvitation,
  freshCode,
  giveCredentials,
  linkIn,
  logIn,
  secretOf,
  tokenOf,
} from './test-support/staff-login.js';

let ctx: TestContext;
let structure: Structure;

beforeAll(async () => {
  ctx = await createTestContext();
  // Session cookies carry an Expires from the app's clock; the test agent's cookie jar compares it with real time.
  ctx.clock.set(new Date());
  structure = await makeStructure(ctx);
});
afterAll(() => ctx.close());

async function enrolledReferent() {
  const member = await makeStaff(ctx, { structure, role: 'referent' });
  return { member, ...(await giveCredentials(ctx, member)) };
}

const login = (email: string, password: string, agent = ctx.http()) =>
  agent.post('/api/auth/staff/login').send({ email, password });

const withoutRequestId = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

async function auditCount(action: string, targetId?: string) {
  return ctx.deps.db.getRepository(AuditEventEntity).countBy({ action, ...(targetId ? { targetId } : {}) });
}

/** The outbox mail to `to` sent after `since` (the reset mail is sent after the answer, hence the wait). */
async function mailTo(to: string): Promise<string> {
  return vi.waitFor(
    () => {
      const mail = ctx.deps.outbox!.list({ to, channel: 'email' })[0];
      if (!mail) throw new Error(`no mail to ${to} yet`);
      return mail.text;
    },
    { timeout: 3000, interval: 20 },
  );
}

async function median(times: number, run: () => Promise<unknown>): Promise<number> {
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    durations.push(performance.now() - start);
  }
  return durations.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

describe('staff login: one generic answer (STAFF-4)', () => {
  it('answers an unknown e-mail exactly like a wrong password, with similar timing', async () => {
    const { email } = await enrolledReferent();
    const wrong = await login(email, 'not the right password').expect(401);
    const unknown = await login('nobody@nowhere.example', 'not the right password').expect(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(withoutRequestId(unknown.body)).toEqual(withoutRequestId(wrong.body));
    expect(unknown.headers['set-cookie']).toBeUndefined();

    // Both pay for one argon2id verification: the unknown address is not answered faster.
    const wrongMs = await median(5, () => login(email, `wrong password ${Math.random()}`));
    const unknownMs = await median(5, () => login(`nobody${Math.random()}@nowhere.example`, 'not the right one'));
    expect(unknownMs / wrongMs).toBeGreaterThan(0.5);
    expect(unknownMs / wrongMs).toBeLessThan(2);
    // The failures above stay under the lock threshold of a real account.
    await ctx.deps.db.getRepository(StaffMemberEntity).update({ email }, { failedLogins: 0 });
  });

  it('locks an account for 15 minutes after 10 failures, then lets the right password in', async () => {
    const { email, secret } = await enrolledReferent();
    for (let i = 1; i <= 9; i++) await login(email, `wrong password ${i}`).expect(401);
    const locked = await login(email, 'wrong password 10').expect(429);
    expect(locked.body.code).toBe('account_locked');
    expect(locked.headers['retry-after']).toBe('900');
    await login(email, GOOD_PASSWORD).expect(429);

    ctx.clock.advance(14 * MINUTE);
    await login(email, GOOD_PASSWORD).expect(429);
    ctx.clock.advance(1 * MINUTE + SECOND);
    await logIn(ctx, { email, secret });
  });

  it('locks an unknown e-mail the same way, so a lock reveals nothing', async () => {
    const { email } = await enrolledReferent();
    const unknown = 'ghost@nowhere.example';
    for (let i = 1; i <= 9; i++) {
      const known = await login(email, `wrong ${i}`);
      const ghost = await login(unknown, `wrong ${i}`);
      expect([known.status, ghost.status]).toEqual([401, 401]);
    }
    const known = await login(email, 'wrong 10').expect(429);
    const ghost = await login(unknown, 'wrong 10').expect(429);
    expect(withoutRequestId(ghost.body)).toEqual(withoutRequestId(known.body));
    expect(ghost.headers['retry-after']).toBe(known.headers['retry-after']);
    ctx.clock.advance(15 * MINUTE + SECOND);
    await login(unknown, 'wrong 11').expect(401);
  });

  it('audits every attempt, failed or not, without the e-mail or password', async () => {
    const { email, member, secret } = await enrolledReferent();
    const before = await auditCount('staff.login');
    await login(email, 'wrong password').expect(401);
    await login('nobody-audited@nowhere.example', 'wrong password').expect(401);
    await logIn(ctx, { email, secret });
    expect(await auditCount('staff.login')).toBe(before + 3);
    const events = await ctx.deps.db
      .getRepository(AuditEventEntity)
      .find({ where: { action: 'staff.login' }, order: { seq: 'DESC' }, take: 3 });
    expect(events.map((e) => e.result)).toEqual(['success', 'failure', 'failure']);
    expect(events[0]).toMatchObject({ actorKind: 'staff', actorId: member.id });
    expect(JSON.stringify(events)).not.toContain(email);
    expect(JSON.stringify(events)).not.toContain('wrong password');
    expect(await auditCount('staff.mfa', member.id)).toBe(1);
  });

  it('does not let a deactivated account sign in, even with the right password', async () => {
    const { email, member } = await enrolledReferent();
    await ctx.deps.db.getRepository(StaffMemberEntity).update({ id: member.id }, { deactivatedAt: ctx.clock.now() });
    const res = await login(email, GOOD_PASSWORD).expect(403);
    expect(res.body.code).toBe('account_deactivated');
  });
});

describe('second factor (STAFF-3)', () => {
  it('does not authenticate anything with the password step alone', async () => {
    const { email } = await enrolledReferent();
    const agent = ctx.http();
    await login(email, GOOD_PASSWORD, agent).expect(200);
    await agent.get('/api/me').expect(401);
  });

  it('refuses a TOTP code that was already used, even in its validity window', async () => {
    const { email, secret } = await enrolledReferent();
    const first = ctx.http();
    await login(email, GOOD_PASSWORD, first).expect(200);
    const code = freshCode(ctx, secret);
    await first.post('/api/auth/staff/totp').send({ code }).expect(200);

    const second = ctx.http();
    await login(email, GOOD_PASSWORD, second).expect(200);
    const replay = await second.post('/api/auth/staff/totp').send({ code }).expect(401);
    expect(replay.body.code).toBe('invalid_mfa_code');
    // The next step's code works.
    await second
      .post('/api/auth/staff/totp')
      .send({ code: freshCode(ctx, secret) })
      .expect(200);
  });

  it('accepts each recovery code once, and stores only their hashes', async () => {
    const admin = await makeStaff(ctx, { structure, role: 'admin' });
    const adminClient = await signIn(ctx, { staff: admin, structure });
    await adminClient
      .post('/api/staff/invitations')
      .send({ email: 'recovery@structure.example', displayName: 'Recovery', role: 'referent' })
      .expect(202);
    const invited = await ctx.deps.db
      .getRepository(StaffMemberEntity)
      .findOneByOrFail({ email: 'recovery@structure.example' });
    const { recoveryCodes } = await enrolThroughInvitation(ctx, tokenOf(await mailTo('recovery@structure.example')));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await ctx.deps.db.getRepository(StaffRecoveryCodeEntity).findBy({ staffId: invited.id });
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replace(/-/g, ''));

    const first = ctx.http();
    await login('recovery@structure.example', GOOD_PASSWORD, first).expect(200);
    const me = await first.post('/api/auth/staff/totp').send({ recoveryCode: recoveryCodes[0] }).expect(200);
    expect(me.body).toMatchObject({ kind: 'staff', email: 'recovery@structure.example' });

    const second = ctx.http();
    await login('recovery@structure.example', GOOD_PASSWORD, second).expect(200);
    await second.post('/api/auth/staff/totp').send({ recoveryCode: recoveryCodes[0] }).expect(401);
    await second.post('/api/auth/staff/totp').send({ recoveryCode: recoveryCodes[1]!.toUpperCase() }).expect(200);
  });

  it('issues a new session token at each step (SESS-1)', async () => {
    const { email, secret } = await enrolledReferent();
    const agent = ctx.http();
    const step1 = await login(email, GOOD_PASSWORD, agent).expect(200);
    const step2 = await agent
      .post('/api/auth/staff/totp')
      .send({ code: freshCode(ctx, secret) })
      .expect(200);
    const tokenOfCookie = (res: supertest.Response) =>
      /consigne_session=([^;]+)/.exec(String(res.headers['set-cookie']))?.[1];
    expect(tokenOfCookie(step1)).toBeDefined();
    expect(tokenOfCookie(step2)).toBeDefined();
    expect(tokenOfCookie(step2)).not.toBe(tokenOfCookie(step1));
  });
});

describe('sessions (SESS-2, SESS-3, SESS-6, SESS-7)', () => {
  it('ends a staff session after 30 minutes without activity', async () => {
    const { email, secret } = await enrolledReferent();
    const agent = await logIn(ctx, { email, secret });
    ctx.clock.advance(29 * MINUTE);
    await agent.get('/api/me').expect(200);
    ctx.clock.advance(29 * MINUTE);
    await agent.get('/api/me').expect(200);
    ctx.clock.advance(30 * MINUTE);
    await agent.get('/api/me').expect(401);
  });

  it('ends a staff session 12 hours after sign-in, however active', async () => {
    const { email, secret } = await enrolledReferent();
    const agent = await logIn(ctx, { email, secret });
    for (let elapsed = 0; elapsed < 12 * HOUR - 20 * MINUTE; elapsed += 20 * MINUTE) {
      ctx.clock.advance(20 * MINUTE);
      await agent.get('/api/me').expect(200);
    }
    ctx.clock.advance(20 * MINUTE);
    await agent.get('/api/me').expect(401);
  });

  it('logs out: session deleted server-side, cookie cleared, Clear-Site-Data sent', async () => {
    const { email, secret, member } = await enrolledReferent();
    const agent = ctx.http();
    await login(email, GOOD_PASSWORD, agent).expect(200);
    const signedIn = await agent
      .post('/api/auth/staff/totp')
      .send({ code: freshCode(ctx, secret) })
      .expect(200);
    const token = /consigne_session=([A-Za-z0-9_-]{43});/.exec(String(signedIn.headers['set-cookie']))![1]!;
    const byHand = () => supertest(ctx.app).get('/api/me').set('Cookie', `consigne_session=${token}`);
    await byHand().expect(200);

    const res = await agent.post('/api/auth/logout').expect(204);
    expect(res.headers['clear-site-data']).toContain('"cookies"');
    expect(String(res.headers['set-cookie'])).toMatch(/consigne_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await ctx.deps.db.getRepository(SessionEntity).countBy({ staffId: member.id })).toBe(0);
    // The old cookie, replayed by hand, gets nothing: the session is gone server-side.
    await byHand().expect(401);
    expect(await auditCount('staff.logout', member.id)).toBe(1);
  });

  it('sets an HttpOnly, SameSite, Path=/ cookie without Secure on plain HTTP', async () => {
    const { email } = await enrolledReferent();
    const res = await login(email, GOOD_PASSWORD).expect(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^consigne_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    expect(cookie).not.toContain('Domain');
  });

  it('uses a __Host- Secure cookie when the public URL is HTTPS', async () => {
    const https = await createTestContext({ PUBLIC_URL: 'https://consigne.test' });
    try {
      const member = await makeStaff(https, {});
      const { email } = await giveCredentials(https, member);
      await https.deps.db.getRepository(StaffMemberEntity).update({ id: member.id }, { platformAdmin: true });
      const res = await supertest(https.app)
        .post('/api/auth/staff/login')
        .set('Origin', 'https://consigne.test')
        .send({ email, password: GOOD_PASSWORD })
        .expect(200);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^__Host-consigne_session=/);
      expect(cookie).toContain('Secure');
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('Path=/');
      expect(cookie).not.toContain('Domain');
    } finally {
      await https.close();
    }
  });

  it('refuses a state-changing request from a foreign Origin, changing nothing', async () => {
    const admin = await makeStaff(ctx, { structure, role: 'admin' });
    const client = await signIn(ctx, { staff: admin, structure });
    const res = await client
      .post('/api/staff/invitations')
      .set('Origin', 'https://evil.example')
      .send({ email: 'csrf@evil.example', displayName: 'CSRF', role: 'admin' })
      .expect(403);
    expect(res.body.code).toBe('origin_mismatch');
    await client.post('/api/auth/logout').set('Origin', 'https://evil.example').expect(403);
    await client.get('/api/me').expect(200);
    expect(await ctx.deps.db.getRepository(StaffMemberEntity).countBy({ email: 'csrf@evil.example' })).toBe(0);
  });
});

describe('passwords (STAFF-1, STAFF-2)', () => {
  async function invitation(email: string) {
    const admin = await makeStaff(ctx, { structure, role: 'admin' });
    const client = await signIn(ctx, { staff: admin, structure });
    await client.post('/api/staff/invitations').send({ email, displayName: 'New', role: 'referent' }).expect(202);
    return tokenOf(await mailTo(email));
  }

  it('refuses 11 characters and a common password with a clear French message', async () => {
    const token = await invitation('rules@structure.example');
    const short = await ctx
      .http()
      .post(`/api/invitations/${token}/accept`)
      .send({ password: 'onze carac.' })
      .expect(422);
    expect(short.body).toMatchObject({ code: 'password_too_short' });
    expect(short.body.title).toContain('12 caractères');
    const common = await ctx
      .http()
      .post(`/api/invitations/${token}/accept`)
      .send({ password: 'Motdepasse123' })
      .expect(422);
    expect(common.body.code).toBe('password_too_common');
    expect(common.body.title).toMatch(/trop courant/);
    await ctx.http().post(`/api/invitations/${token}/accept`).send({ password: 'azertyuiop123' }).expect(422);
    // 12 characters, no composition rules.
    await ctx.http().post(`/api/invitations/${token}/accept`).send({ password: 'tortue verte' }).expect(200);
  });

  it('accepts a 64-character password unchanged and stores it with argon2id m=19 MiB, t=2, p=1', async () => {
    const password = 'Ma très longue phrase de passe, avec des accents & symboles ! 64';
    expect([...password]).toHaveLength(64);
    const token = await invitation('long@structure.example');
    const { secret } = await enrolThroughInvitation(ctx, token, password);
    const member = await ctx.deps.db
      .getRepository(StaffMemberEntity)
      .findOneByOrFail({ email: 'long@structure.example' });
    const params = /^\$argon2id\$v=19\$([^$]+)\$/.exec(member.passwordHash!)?.[1];
    expect(Object.fromEntries(params!.split(',').map((p) => p.split('=')))).toEqual({ m: '19456', t: '2', p: '1' });
    await logIn(ctx, { email: 'long@structure.example', password, secret });
    await login('long@structure.example', password.slice(0, 63)).expect(401);
  });
});

describe('invitations (STAFF-5)', () => {
  async function invite(email: string) {
    const admin = await makeStaff(ctx, { structure, role: 'admin' });
    const client = await signIn(ctx, { staff: admin, structure });
    await client.post('/api/staff/invitations').send({ email, displayName: 'Invitee', role: 'referent' }).expect(202);
    return tokenOf(await mailTo(email));
  }

  it('works until 72 hours, then answers 410 with a French message and changes nothing', async () => {
    const token = await invite('late@structure.example');
    ctx.clock.advance(72 * HOUR - MINUTE);
    await ctx.http().get(`/api/invitations/${token}`).expect(200);
    ctx.clock.advance(MINUTE);
    const expired = await ctx.http().get(`/api/invitations/${token}`).expect(410);
    expect(expired.body.code).toBe('invitation_expired');
    expect(expired.body.title).toMatch(/a expiré/);
    await ctx.http().post(`/api/invitations/${token}/accept`).send({ password: GOOD_PASSWORD }).expect(410);
    const member = await ctx.deps.db
      .getRepository(StaffMemberEntity)
      .findOneByOrFail({ email: 'late@structure.example' });
    expect(member.passwordHash).toBeNull();
    expect(member.totpSecret).toBeNull();
  });

  it('is single use: once enrolled, the link answers 410 and changes nothing', async () => {
    const token = await invite('once@structure.example');
    const { secret } = await enrolThroughInvitation(ctx, token);
    const before = await ctx.deps.db
      .getRepository(StaffMemberEntity)
      .findOneByOrFail({ email: 'once@structure.example' });
    const reused = await ctx.http().get(`/api/invitations/${token}`).expect(410);
    expect(reused.body).toMatchObject({ code: 'invitation_used' });
    expect(reused.body.title).toMatch(/déjà servi/);
    await ctx.http().post(`/api/invitations/${token}/accept`).send({ password: 'another long password' }).expect(410);
    await ctx
      .http()
      .post(`/api/invitations/${token}/totp`)
      .send({ code: currentTotp(secret, ctx.clock.now()) })
      .expect(410);
    const after = await ctx.deps.db
      .getRepository(StaffMemberEntity)
      .findOneByOrFail({ email: 'once@structure.example' });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.totpSecret).toBe(before.totpSecret);
  });

  it('needs the first TOTP code before any session exists', async () => {
    const token = await invite('halfway@structure.example');
    const agent = ctx.http();
    const accepted = await agent.post(`/api/invitations/${token}/accept`).send({ password: GOOD_PASSWORD }).expect(200);
    expect(accepted.headers['set-cookie']).toBeUndefined();
    await login('halfway@structure.example', GOOD_PASSWORD).expect(401);
    const wrong = await agent.post(`/api/invitations/${token}/totp`).send({ code: '000000' }).expect(400);
    expect(wrong.body.code).toBe('invalid_mfa_code');
    const member = await ctx.deps.db
      .getRepository(StaffMemberEntity)
      .findOneByOrFail({ email: 'halfway@structure.example' });
    expect(await ctx.deps.db.getRepository(SessionEntity).countBy({ staffId: member.id })).toBe(0);
    const secret = secretOf(accepted.body.otpauthUri as string);
    await agent
      .post(`/api/invitations/${token}/totp`)
      .send({ code: freshCode(ctx, secret) })
      .expect(200);
    await agent.get('/api/me').expect(200);
  });
});

describe('password reset', () => {
  it('answers 204 for an unknown address and sends nothing', async () => {
    await ctx.http().post('/api/auth/password-reset').send({ email: 'unknown-reset@nowhere.example' }).expect(204);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ctx.deps.outbox!.list({ to: 'unknown-reset@nowhere.example' })).toEqual([]);
  });

  it('mails a one-hour single-use link; the new password ends every session', async () => {
    const { email, secret, member } = await enrolledReferent();
    const session = await logIn(ctx, { email, secret });
    await ctx.http().post('/api/auth/password-reset').send({ email: email.toUpperCase() }).expect(204);
    const link = linkIn(await mailTo(email));
    expect(link.startsWith(`${TEST_ORIGIN}/admin/password-reset/`)).toBe(true);
    const token = tokenOf(link);

    await ctx.http().post(`/api/auth/password-reset/${token}`).send({ password: 'trop court' }).expect(422);
    await ctx
      .http()
      .post(`/api/auth/password-reset/${token}`)
      .send({ password: 'un tout nouveau mot de passe' })
      .expect(204);
    await session.get('/api/me').expect(401);
    expect(await ctx.deps.db.getRepository(SessionEntity).countBy({ staffId: member.id })).toBe(0);
    await ctx
      .http()
      .post(`/api/auth/password-reset/${token}`)
      .send({ password: 'encore un autre mot de passe' })
      .expect(410);
    await login(email, GOOD_PASSWORD).expect(401);
    await logIn(ctx, { email, password: 'un tout nouveau mot de passe', secret });
  });

  it('refuses a reset link after one hour', async () => {
    const { email } = await enrolledReferent();
    await ctx.http().post('/api/auth/password-reset').send({ email }).expect(204);
    const token = tokenOf(linkIn(await mailTo(email)));
    ctx.clock.advance(HOUR);
    const res = await ctx
      .http()
      .post(`/api/auth/password-reset/${token}`)
      .send({ password: 'un tout nouveau mot de passe' });
    expect(res.status).toBe(410);
    expect(res.body.code).toBe('password_reset_expired');
  });
});

describe('structure admins', () => {
  it('cannot change their own role, deactivate or remove themself, even with another admin (AUTHZ-4)', async () => {
    const own = await makeStructure(ctx);
    const admin = await makeStaff(ctx, { structure: own, role: 'admin' });
    const client = await signIn(ctx, { staff: admin, structure: own });
    const selfAttempts = () => [
      client.patch(`/api/staff/${admin.id}`).send({ role: 'referent' }),
      client.post(`/api/staff/${admin.id}/deactivate`),
      client.delete(`/api/staff/${admin.id}`),
    ];
    for (const attempt of selfAttempts()) {
      const res = await attempt;
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'self_change_forbidden' });
      expect(res.body.title).toMatch(/propre rôle/);
    }
    const second = await makeStaff(ctx, { structure: own, role: 'admin' });
    await giveCredentials(ctx, second);
    for (const attempt of selfAttempts()) expect((await attempt).status).toBe(403);
    const membership = await ctx.deps.db
      .getRepository(StaffMembershipEntity)
      .findOneByOrFail({ staffId: admin.id, structureId: own.id });
    expect(membership).toMatchObject({ role: 'admin', deactivatedAt: null });
    // Another admin may demote them.
    const other = await signIn(ctx, { staff: second, structure: own });
    await other.patch(`/api/staff/${admin.id}`).send({ role: 'referent' }).expect(200);
    await client.get('/api/staff').expect(403);
  });

  it('invites an existing account to a second structure; it joins only once it accepts, without a new password', async () => {
    const { email, secret, member } = await enrolledReferent();
    const second = await makeStructure(ctx, { name: 'Association Le Relais' });
    const admin = await makeStaff(ctx, { structure: second, role: 'admin' });
    const client = await signIn(ctx, { staff: admin, structure: second });
    const res = await client
      .post('/api/staff/invitations')
      .send({ email, displayName: 'Ignored', role: 'referent' })
      .expect(202);
    expect(res.body).toEqual({ status: 'invited' });
    const mail = await mailTo(email);
    expect(mail).toContain('Association Le Relais');
    expect(await ctx.deps.db.getRepository(StaffMembershipEntity).countBy({ staffId: member.id })).toBe(1);
    const token = tokenOf(linkIn(mail));
    const invitation = await ctx.http().get(`/api/invitations/${token}`).expect(200);
    expect(invitation.body).toMatchObject({ kind: 'join', structureName: 'Association Le Relais', role: 'referent' });

    const agent = await logIn(ctx, { email, secret });
    const joined = await agent.post(`/api/invitations/${token}/join`).expect(200);
    expect(joined.body.activeStructureId).toBe(second.id);
    expect(joined.body.memberships).toHaveLength(2);
    await agent.set('X-Structure-Id', second.id).get('/api/me').expect(200);
    await agent.post(`/api/invitations/${token}/join`).expect(410);
    await client.post('/api/staff/invitations').send({ email, displayName: 'Again', role: 'referent' }).expect(409);
  });
});
