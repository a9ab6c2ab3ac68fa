import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSmtpCatcher, type SmtpCatcher } from '../../test/support/smtp-catcher.js';
import { createTestContext, TEST_ORIGIN, type TestContext } from '../../test/support/test-context.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { commands } from '../cli/commands.js';
import { enrolThroughInvitation, linkIn, logIn, tokenOf } from './test-support/staff-login.js';

let catcher: SmtpCatcher;
let ctx: TestContext;
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

/** Runs a CLI command against the test's dependencies and returns what it printed. */
async function runCli(name: string, options: Record<string, string>) {
  const command = commands.find((c) => c.name === name);
  if (!command) throw new Error(`no command ${name}`);
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  try {
    const code = await command.run(ctx.deps, options);
    return { code, output: printed.join('\n') };
  } finally {
    log.mockRestore();
  }
}

describe('issue #3: from an empty install to a deactivated referent', () => {
  it('walks CLI admin → structure → admin invited by real SMTP → referent → deactivation ends their session', async () => {
    // STAFF-6: the operator makes the first platform admin with the CLI; nothing exists before.
    const cli = await runCli('create-platform-admin', { email: 'Root@Consigne.example', name: 'Ops' });
    expect(cli.code).toBe(0);
    const rootLink = linkIn(cli.output);
    expect(rootLink.startsWith(`${TEST_ORIGIN}/admin/invitation/`)).toBe(true);
    const rootToken = tokenOf(rootLink);

    const rootInvitation = await ctx.http().get(`/api/invitations/${rootToken}`).expect(200);
    expect(rootInvitation.body).toMatchObject({
      email: 'root@consigne.example',
      platformAdmin: true,
      structureName: null,
      passwordSet: false,
    });
    const root = await enrolThroughInvitation(ctx, rootToken);
    expect(root.recoveryCodes).toHaveLength(10);
    // No session existed before MFA; enrolment opened one.
    const rootMe = await root.agent.get('/api/me').expect(200);
    expect(rootMe.body).toMatchObject({ kind: 'staff', platformAdmin: true, memberships: [] });

    // The platform admin signs in the normal way and creates a structure.
    const platform = await logIn(ctx, { email: 'root@consigne.example', secret: root.secret });
    const structure = await platform
      .post('/api/structures')
      .send({
        name: 'CCAS de Villeurbanne',
        kind: 'ccas',
        siret: '21690123100011',
        address: 'Place Lazare Goujon, 69100 Villeurbanne',
        contactEmail: 'ccas@villeurbanne.example',
      })
      .expect(201);
    const structureId = structure.body.id as string;

    // … and invites its first admin; the mail travels through nodemailer and a real SMTP server.
    await platform
      .post(`/api/structures/${structureId}/invitations`)
      .send({ email: 'claire.admin@villeurbanne.example', displayName: 'Claire Admin' })
      .expect(202, { status: 'invited' });
    const adminMail = await catcher.waitForMail('claire.admin@villeurbanne.example');
    expect(adminMail.subject).toContain('CCAS de Villeurbanne');
    expect(adminMail.html).toContain('/admin/invitation/');
    const adminToken = tokenOf(linkIn(adminMail.text ?? ''));

    const adminInvitation = await ctx.http().get(`/api/invitations/${adminToken}`).expect(200);
    expect(adminInvitation.body).toMatchObject({ structureName: 'CCAS de Villeurbanne', role: 'admin' });
    const adminEnrolment = await enrolThroughInvitation(ctx, adminToken);
    const admin = await logIn(ctx, {
      email: 'claire.admin@villeurbanne.example',
      secret: adminEnrolment.secret,
      structure: { id: structureId },
    });
    const adminMe = await admin.get('/api/me').expect(200);
    expect(adminMe.body).toMatchObject({
      activeStructureId: structureId,
      memberships: [{ structureId, structureName: 'CCAS de Villeurbanne', structureKind: 'ccas', role: 'admin' }],
    });

    // The admin invites a referent, who enrols from the mail and signs in.
    await admin
      .post('/api/staff/invitations')
      .send({ email: 'karim.referent@villeurbanne.example', displayName: 'Karim Référent', role: 'referent' })
      .expect(202, { status: 'invited' });
    const pending = await admin.get('/api/staff?status=invited').expect(200);
    const invited = {
      body: (pending.body.data as { id: string; email: string }[]).find(
        (s) => s.email === 'karim.referent@villeurbanne.example',
      )!,
    };
    expect(invited.body).toBeDefined();
    const referentMail = await catcher.waitForMail('karim.referent@villeurbanne.example');
    const referentEnrolment = await enrolThroughInvitation(ctx, tokenOf(linkIn(referentMail.text ?? '')));
    const referent = await logIn(ctx, {
      email: 'karim.referent@villeurbanne.example',
      secret: referentEnrolment.secret,
      structure: { id: structureId },
    });
    const referentMe = await referent.get('/api/me').expect(200);
    expect(referentMe.body.memberships).toEqual([
      { structureId, structureName: 'CCAS de Villeurbanne', structureKind: 'ccas', role: 'referent' },
    ]);
    const staffList = await admin.get('/api/staff?status=active').expect(200);
    expect(staffList.body.total).toBe(2);

    // Deactivation ends every session of the referent at once (SESS-4).
    await admin.post(`/api/staff/${invited.body.id}/deactivate`).expect(200);
    await referent.get('/api/me').expect(401);
    await referentEnrolment.agent.get('/api/me').expect(401);
    const again = await ctx
      .http()
      .post('/api/auth/staff/login')
      .send({ email: 'karim.referent@villeurbanne.example', password: 'une phrase de passe assez longue' })
      .expect(403);
    expect(again.body.code).toBe('account_deactivated');

    // The structure's trail shows the staff operations, and the chain is intact.
    const trail = await admin.get('/api/audit-events?perPage=100').expect(200);
    const actions = (trail.body.data as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['staff.invited', 'staff.invitation_accepted', 'staff.mfa_enrolled', 'staff.deactivated']),
    );
    expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({ ok: true });
    expect((await runCli('audit:verify', {})).code).toBe(0);
  });
});
