import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBeneficiary, makeStaff, makeStructure, signIn } from '../../test/support/factories.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../test/support/smtp-catcher.js';
import { createTestContext, type TestContext } from '../../test/support/test-context.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { enrolThroughInvitation, giveCredentials, linkIn, logIn, tokenOf } from '../auth/test-support/staff-login.js';
import { HOUR, MINUTE } from '../shared/clock.js';
import type { Structure } from '../structures/structure.entity.js';
import { StaffMemberEntity, StaffMembershipEntity, type StaffMember } from './staff.entity.js';

/**
 * Issue #3 security review (AUTHZ-4, SESS-4/AUTHZ-2): an existing account never joins a structure
 * without accepting, invitation answers do not reveal accounts, nobody changes their own role or
 * access, and a platform admin never becomes a referent. Mails travel over real SMTP.
 */

let catcher: SmtpCatcher;
let ctx: TestContext;
let n = 0;

beforeAll(async () => {
  catcher = await startSmtpCatcher();
  ctx = await createTestContext({ SMTP_URL: catcher.url });
  // Session cookies carry an Expires from the app's clock; the test agent's cookie jar compares it with real time.
  ctx.clock.set(new Date());
});
afterAll(async () => {
  await ctx.close();
  await catcher.close();
});

const email = (name: string) => `${name}${++n}@invitations.example`;

/** A staff member with a real password and TOTP secret, member of `structure` with `role`. */
async function enrolled(options: { structure?: Structure; role?: 'admin' | 'referent'; platformAdmin?: boolean }) {
  const member = await makeStaff(ctx, { ...options, email: email(options.platformAdmin ? 'platform' : 'agent') });
  return { member, ...(await giveCredentials(ctx, member)) };
}

async function adminOf(structure: Structure) {
  const admin = await makeStaff(ctx, { structure, role: 'admin' });
  return { admin, client: await signIn(ctx, { staff: admin, structure }) };
}

const invite = (client: Awaited<ReturnType<typeof signIn>>, to: string, role: 'admin' | 'referent' = 'referent') =>
  client.post('/api/staff/invitations').send({ email: to, displayName: 'Invité', role });

const membershipsOf = (member: Pick<StaffMember, 'id'>) =>
  ctx.deps.db.getRepository(StaffMembershipEntity).findBy({ staffId: member.id });

const sessionsOf = (member: Pick<StaffMember, 'id'>) =>
  ctx.deps.db.getRepository(SessionEntity).countBy({ staffId: member.id });

const tokenMailedTo = async (to: string) => tokenOf(linkIn((await catcher.waitForMail(to)).text ?? ''));

const answer = (res: { status: number; body: unknown; headers: Record<string, unknown> }) => ({
  status: res.status,
  body: res.body,
  type: res.headers['content-type'],
});

describe('self-service escalation is refused (AUTHZ-4)', () => {
  it('a platform admin cannot invite themself into a structure, in any letter case', async () => {
    const structure = await makeStructure(ctx);
    const { member } = await enrolled({ platformAdmin: true });
    const platform = await signIn(ctx, { staff: member });
    for (const address of [member.email, ` ${member.email.toUpperCase()} `.trim()]) {
      const res = await platform
        .post(`/api/structures/${structure.id}/invitations`)
        .send({ email: address, displayName: 'Moi' })
        .expect(403);
      expect(res.body).toMatchObject({ code: 'self_invitation_forbidden' });
      expect(res.body.title).toMatch(/vous inviter vous-même/);
    }
    expect(await membershipsOf(member)).toEqual([]);
  });

  it('a structure admin cannot invite themself, nor change their own role', async () => {
    const structure = await makeStructure(ctx);
    const { admin, client } = await adminOf(structure);
    const res = await invite(client, admin.email, 'referent').expect(403);
    expect(res.body.code).toBe('self_invitation_forbidden');
    await makeStaff(ctx, { structure, role: 'admin' });
    const own = await client.patch(`/api/staff/${admin.id}`).send({ role: 'referent' }).expect(403);
    expect(own.body).toMatchObject({ code: 'self_change_forbidden' });
    expect(await membershipsOf(admin)).toMatchObject([{ role: 'admin' }]);
  });

  it('a platform admin invited as referent is told nothing at invite time, then refused when joining', async () => {
    const structure = await makeStructure(ctx, { name: 'CCAS de Bron' });
    const { client } = await adminOf(structure);
    const platform = await enrolled({ platformAdmin: true });
    const unknown = await invite(client, email('stranger')).expect(202);
    const res = await invite(client, platform.email).expect(202);
    expect(answer(res)).toEqual(answer(unknown));

    const token = await tokenMailedTo(platform.email);
    const agent = await logIn(ctx, { email: platform.email, secret: platform.secret });
    const refused = await agent.post(`/api/invitations/${token}/join`).expect(403);
    expect(refused.body).toMatchObject({ code: 'platform_admin_referent_forbidden' });
    expect(refused.body.title).toMatch(/ne peut pas être référent/);
    expect(await membershipsOf(platform.member)).toEqual([]);
  });

  it('a platform admin who joined a structure as admin cannot be made referent there', async () => {
    const structure = await makeStructure(ctx);
    const platform = await enrolled({ platformAdmin: true });
    const colleague = await signIn(ctx, { staff: await makeStaff(ctx, { platformAdmin: true }) });
    await colleague
      .post(`/api/structures/${structure.id}/invitations`)
      .send({ email: platform.email, displayName: 'Collègue' })
      .expect(202, { status: 'invited' });
    const token = await tokenMailedTo(platform.email);
    const agent = await logIn(ctx, { email: platform.email, secret: platform.secret });
    await agent.post(`/api/invitations/${token}/join`).expect(200);
    expect(await membershipsOf(platform.member)).toMatchObject([{ structureId: structure.id, role: 'admin' }]);

    const { client } = await adminOf(structure);
    const res = await client.patch(`/api/staff/${platform.member.id}`).send({ role: 'referent' }).expect(403);
    expect(res.body.code).toBe('platform_admin_referent_forbidden');
    expect(await membershipsOf(platform.member)).toMatchObject([{ role: 'admin' }]);
  });
});

describe("another structure's staff cannot be captured (SESS-4, AUTHZ-2)", () => {
  it("B's referent invited by A's admin keeps working in B and is not in A until they accept", async () => {
    const A = await makeStructure(ctx, { name: 'Association A' });
    const B = await makeStructure(ctx, { name: 'Association B' });
    const referent = await enrolled({ structure: B, role: 'referent' });
    const inB = await logIn(ctx, { email: referent.email, secret: referent.secret, structure: B });
    const { client: adminA } = await adminOf(A);

    await invite(adminA, referent.email, 'admin').expect(202, { status: 'invited' });
    await tokenMailedTo(referent.email);
    expect(await membershipsOf(referent.member)).toMatchObject([{ structureId: B.id }]);
    const listA = await adminA.get('/api/staff?perPage=100').expect(200);
    expect((listA.body.data as { id: string }[]).map((s) => s.id)).not.toContain(referent.member.id);
    // A's admin cannot touch them: 404 as for any stranger, audited, and their sessions live on.
    for (const attempt of [
      adminA.patch(`/api/staff/${referent.member.id}`).send({ role: 'referent' }),
      adminA.post(`/api/staff/${referent.member.id}/deactivate`),
      adminA.delete(`/api/staff/${referent.member.id}`),
    ])
      expect((await attempt).status).toBe(404);
    await inB.get('/api/me').expect(200);
    await inB.get('/api/beneficiaries').expect(200);
    expect(await sessionsOf(referent.member)).toBeGreaterThan(0);
  });

  it("re-inviting B's pending invitee from A leaves B's link working; A cannot deactivate them", async () => {
    const A = await makeStructure(ctx, { name: 'CCAS A' });
    const B = await makeStructure(ctx, { name: 'CCAS B' });
    const { client: adminA } = await adminOf(A);
    const { client: adminB } = await adminOf(B);
    const address = email('pending');

    await invite(adminB, address).expect(202);
    const linkB = await tokenMailedTo(address);
    await invite(adminA, address).expect(202);
    const voidedA = await tokenMailedTo(address);
    await invite(adminA, address).expect(202);
    const linkA = await tokenMailedTo(address);
    await ctx.http().get(`/api/invitations/${linkB}`).expect(200);
    await ctx.http().get(`/api/invitations/${voidedA}`).expect(410);
    expect((await ctx.http().get(`/api/invitations/${linkA}`).expect(200)).body.kind).toBe('enrol');
    const member = await ctx.deps.db.getRepository(StaffMemberEntity).findOneByOrFail({ email: address });
    await adminA.post(`/api/staff/${member.id}/deactivate`).expect(404);
    expect(await membershipsOf(member)).toMatchObject([{ structureId: B.id, deactivatedAt: null }]);

    // They enrol from B's link: member of B only; A's latest link now asks them to join.
    const { agent } = await enrolThroughInvitation(ctx, linkB);
    expect(await membershipsOf(member)).toMatchObject([{ structureId: B.id }]);
    const invitation = await ctx.http().get(`/api/invitations/${linkA}`).expect(200);
    expect(invitation.body).toMatchObject({ kind: 'join', structureName: 'CCAS A' });
    await agent.post(`/api/invitations/${linkA}/join`).expect(200);
    expect((await membershipsOf(member)).map((m) => m.structureId).sort()).toEqual([A.id, B.id].sort());
  });

  it('deactivating or removing someone in A does not sign them out of B, where they still work', async () => {
    const A = await makeStructure(ctx);
    const B = await makeStructure(ctx);
    const both = await enrolled({ structure: B, role: 'referent' });
    await ctx.deps.db.getRepository(StaffMembershipEntity).insert({
      id: crypto.randomUUID(),
      staffId: both.member.id,
      structureId: A.id,
      role: 'referent',
      deactivatedAt: null,
      createdAt: ctx.clock.now(),
      updatedAt: ctx.clock.now(),
    });
    const session = await logIn(ctx, { email: both.email, secret: both.secret, structure: B });
    const { client: adminA } = await adminOf(A);
    const deactivated = await adminA.post(`/api/staff/${both.member.id}/deactivate`).expect(200);
    expect(deactivated.body.status).toBe('deactivated');
    await session.get('/api/beneficiaries').expect(200);
    await session.set('X-Structure-Id', A.id).get('/api/beneficiaries').expect(403);
    await adminA.delete(`/api/staff/${both.member.id}`).expect(204);
    await session.set('X-Structure-Id', B.id).get('/api/beneficiaries').expect(200);
    const events = await ctx.deps.db
      .getRepository(AuditEventEntity)
      .findBy({ targetId: both.member.id, action: 'staff.deactivated' });
    expect(JSON.parse(events[0]!.details!)).toEqual({ sessionsEnded: 0 });
  });
});

describe('invitation answers reveal nothing about the address', () => {
  it('answers alike for a new, pending, enrolled, deactivated and platform-admin address', async () => {
    const structure = await makeStructure(ctx);
    const other = await makeStructure(ctx);
    const { client } = await adminOf(structure);
    const { client: otherAdmin } = await adminOf(other);
    const pending = email('pending');
    await invite(otherAdmin, pending).expect(202);
    const enrolledOne = await enrolled({ structure: other });
    const deactivated = await enrolled({ structure: other });
    await ctx.deps.db
      .getRepository(StaffMemberEntity)
      .update({ id: deactivated.member.id }, { deactivatedAt: ctx.clock.now() });
    const platform = await enrolled({ platformAdmin: true });

    const answers = [];
    for (const address of [email('new'), pending, enrolledOne.email, deactivated.email, platform.email])
      for (const role of ['referent', 'admin'] as const) answers.push(answer(await invite(client, address, role)));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size, JSON.stringify(answers)).toBe(1);
    expect(answers[0]).toMatchObject({ status: 202, body: { status: 'invited' } });

    const platformStatus = await signIn(ctx, { staff: await makeStaff(ctx, { platformAdmin: true }) });
    const viaStructure = [];
    for (const address of [email('new'), enrolledOne.email, deactivated.email])
      viaStructure.push(
        answer(
          await platformStatus
            .post(`/api/structures/${structure.id}/invitations`)
            .send({ email: address, displayName: 'Admin' }),
        ),
      );
    expect(new Set(viaStructure.map((a) => JSON.stringify(a))).size).toBe(1);
    // Members of another structure did not join this one.
    expect(await membershipsOf(enrolledOne.member)).toHaveLength(1);
    expect(await membershipsOf(deactivated.member)).toHaveLength(1);
  });
});

describe('joinStructure', () => {
  it('joins only with the invitee’s own session, once, within 72 hours', async () => {
    const structure = await makeStructure(ctx, { name: 'Association Le Toit' });
    const home = await makeStructure(ctx);
    const { client } = await adminOf(structure);
    const invitee = await enrolled({ structure: home });
    const stranger = await enrolled({ structure: home });
    const beneficiary = await makeBeneficiary(ctx, { followedBy: [home] });

    await invite(client, invitee.email).expect(202);
    const token = await tokenMailedTo(invitee.email);
    const notFound = [
      await ctx.http().post(`/api/invitations/${token}/join`),
      await (
        await logIn(ctx, { email: stranger.email, secret: stranger.secret })
      ).post(`/api/invitations/${token}/join`),
      await (await signIn(ctx, { beneficiary })).post(`/api/invitations/${token}/join`),
    ];
    for (const res of notFound) expect([res.status, res.body.code]).toEqual([404, 'invitation_not_found']);
    expect(await membershipsOf(invitee.member)).toHaveLength(1);

    const agent = await logIn(ctx, { email: invitee.email, secret: invitee.secret });
    const joined = await agent.post(`/api/invitations/${token}/join`).expect(200);
    expect(joined.body).toMatchObject({ kind: 'staff', id: invitee.member.id, activeStructureId: structure.id });
    expect(joined.body.memberships).toContainEqual(
      expect.objectContaining({ structureId: structure.id, structureName: 'Association Le Toit', role: 'referent' }),
    );
    const used = await agent.post(`/api/invitations/${token}/join`).expect(410);
    expect(used.body.code).toBe('invitation_used');
    const accepted = await ctx.deps.db
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ action: 'staff.invitation_accepted', targetId: invitee.member.id });
    expect(accepted).toMatchObject({ structureId: structure.id, actorId: invitee.member.id });

    // A second invitation elsewhere expires after 72 hours.
    const late = await makeStructure(ctx);
    const { client: lateAdmin } = await adminOf(late);
    await invite(lateAdmin, invitee.email).expect(202);
    const lateToken = await tokenMailedTo(invitee.email);
    ctx.clock.advance(72 * HOUR + MINUTE);
    const fresh = await logIn(ctx, { email: invitee.email, secret: invitee.secret });
    const expired = await fresh.post(`/api/invitations/${lateToken}/join`).expect(410);
    expect(expired.body.code).toBe('invitation_expired');
  });
});

describe('issue #3, join end to end over SMTP', () => {
  it('an admin invites a referent of another structure, who signs in, joins and works there', async () => {
    const A = await makeStructure(ctx, { name: 'CCAS de Vaulx-en-Velin' });
    const B = await makeStructure(ctx, { name: 'Secours Solidaire' });
    const { client: adminA } = await adminOf(A);
    const karim = await enrolled({ structure: B, role: 'referent' });
    await invite(adminA, karim.email).expect(202, { status: 'invited' });

    const mail = await catcher.waitForMail(karim.email);
    expect(mail.subject).toBe('Invitation à rejoindre CCAS de Vaulx-en-Velin sur Consigne');
    expect(mail.text).toContain('en tant que référent·e');
    expect(mail.html).toContain('/admin/invitation/');
    const token = tokenOf(linkIn(mail.text ?? ''));
    const invitation = await ctx.http().get(`/api/invitations/${token}`).expect(200);
    expect(invitation.body).toMatchObject({
      kind: 'join',
      email: karim.email,
      structureName: 'CCAS de Vaulx-en-Velin',
      role: 'referent',
      passwordSet: true,
    });

    const agent = await logIn(ctx, { email: karim.email, secret: karim.secret });
    await agent.post(`/api/invitations/${token}/join`).expect(200);
    const me = await agent.get('/api/me').expect(200);
    expect((me.body.memberships as { structureName: string }[]).map((m) => m.structureName)).toEqual([
      'CCAS de Vaulx-en-Velin',
      'Secours Solidaire',
    ]);
    await agent.set('X-Structure-Id', A.id).get('/api/beneficiaries').expect(200);
    const listA = await adminA.get('/api/staff?status=active&perPage=100').expect(200);
    expect((listA.body.data as { id: string }[]).map((s) => s.id)).toContain(karim.member.id);
  });
});
