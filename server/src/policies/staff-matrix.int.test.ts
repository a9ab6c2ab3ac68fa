import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { makeBeneficiary, makeStaff, makeStructure, signIn } from '../../test/support/factories.js';
import { createTestContext, type TestContext } from '../../test/support/test-context.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { auditRoutes } from '../audit/audit.routes.js';
import { staffAuthRoutes } from '../auth/staff-auth.routes.js';
import type { Beneficiary } from '../beneficiaries/beneficiary.entity.js';
import { newToken } from '../auth/tokens.js';
import type { StaffMember } from '../staff/staff.entity.js';
import { staffRoutes } from '../staff/staff.routes.js';
import { structureRoutes } from '../structures/structure.routes.js';
import type { Structure } from '../structures/structure.entity.js';

/**
 * The staff authorization matrix (issue #3, AUTHZ-1/2/7): every staff route × every kind of actor
 * × a target in the actor's own structure or in another one, with the exact status expected.
 *
 * Two structures, "own" and "other", are built identically; each row is run twice, once with A as
 * "own" and once with B, so both directions are covered. Columns:
 *   anon      no session
 *   platform  platform admin (no membership)
 *   admin     admin of the target's structure        adminX  admin of the other structure
 *   ref       referent of the target's structure     refX    referent of the other structure
 *   benef     a beneficiary session
 *
 * Scopes say what "target" means for a route:
 *   structure  the URL names the target structure; staff send their own structure in X-Structure-Id
 *   header     the route acts on the structure named by X-Structure-Id, which is set to the target's
 *   staff      the URL names a staff member of the target's structure; actors send their own structure
 *   none       no target
 */

const actors = ['anon', 'platform', 'admin', 'ref', 'adminX', 'refX', 'benef'] as const;
type ActorName = (typeof actors)[number];
type Expected = Record<ActorName, number>;
type Scope = 'structure' | 'header' | 'staff' | 'none';

interface Target {
  structure: Structure;
  staff: StaffMember;
  n: number;
}

interface Row {
  operationId: string;
  scope: Scope;
  request: (t: Target) => { method: 'get' | 'post' | 'patch' | 'delete'; path: string; body?: object };
  expect: Expected;
  /** Runs on a world of its own (the action would disturb the shared one). */
  freshWorld?: boolean;
}

const row = (...statuses: [number, number, number, number, number, number, number]): Expected =>
  Object.fromEntries(actors.map((a, i) => [a, statuses[i]!])) as Expected;

// prettier-ignore
const matrix: Row[] = [
  //                                                                                       anon plat admin ref adminX refX benef
  { operationId: 'getMe', scope: 'none', request: () => ({ method: 'get', path: '/api/me' }), expect: row(401, 200, 200, 200, 200, 200, 200) },
  { operationId: 'logout', scope: 'none', request: () => ({ method: 'post', path: '/api/auth/logout' }), expect: row(204, 204, 204, 204, 204, 204, 204) },

  { operationId: 'createStructure', scope: 'none',
    request: (t) => ({ method: 'post', path: '/api/structures', body: { name: `Association ${t.n}`, kind: 'association' } }),
    expect: row(401, 201, 403, 403, 403, 403, 403) },
  { operationId: 'listStructures', scope: 'none', request: () => ({ method: 'get', path: '/api/structures' }),
    expect: row(401, 200, 200, 200, 200, 200, 403) },
  { operationId: 'getStructure', scope: 'structure', request: (t) => ({ method: 'get', path: `/api/structures/${t.structure.id}` }),
    expect: row(401, 200, 200, 200, 404, 404, 403) },
  { operationId: 'updateStructure', scope: 'structure',
    request: (t) => ({ method: 'patch', path: `/api/structures/${t.structure.id}`, body: { address: `${t.n} rue de la Paix` } }),
    expect: row(401, 200, 403, 403, 403, 403, 403) },
  { operationId: 'archiveStructure', scope: 'structure', freshWorld: true,
    request: (t) => ({ method: 'post', path: `/api/structures/${t.structure.id}/archive` }),
    expect: row(401, 200, 403, 403, 403, 403, 403) },
  { operationId: 'inviteStructureAdmin', scope: 'structure',
    request: (t) => ({ method: 'post', path: `/api/structures/${t.structure.id}/invitations`, body: { email: `new-admin${t.n}@matrix.example`, displayName: 'New Admin' } }),
    expect: row(401, 202, 403, 403, 403, 403, 403) },

  { operationId: 'getMyStructure', scope: 'header', request: () => ({ method: 'get', path: '/api/structure' }),
    expect: row(401, 403, 200, 403, 403, 403, 403) },
  { operationId: 'updateMyStructure', scope: 'header',
    request: (t) => ({ method: 'patch', path: '/api/structure', body: { contactPhone: `+3340000${String(t.n).padStart(4, '0')}` } }),
    expect: row(401, 403, 200, 403, 403, 403, 403) },
  { operationId: 'listStaff', scope: 'header', request: () => ({ method: 'get', path: '/api/staff' }),
    expect: row(401, 403, 200, 403, 403, 403, 403) },
  { operationId: 'inviteStaff', scope: 'header',
    request: (t) => ({ method: 'post', path: '/api/staff/invitations', body: { email: `invitee${t.n}@matrix.example`, displayName: 'Invitee', role: 'referent' } }),
    expect: row(401, 403, 202, 403, 403, 403, 403) },
  { operationId: 'listAuditEvents', scope: 'header', request: () => ({ method: 'get', path: '/api/audit-events' }),
    expect: row(401, 403, 200, 403, 403, 403, 403) },

  { operationId: 'updateStaffMember', scope: 'staff',
    request: (t) => ({ method: 'patch', path: `/api/staff/${t.staff.id}`, body: { role: 'admin' } }),
    expect: row(401, 403, 200, 403, 404, 403, 403) },
  { operationId: 'deactivateStaffMember', scope: 'staff', request: (t) => ({ method: 'post', path: `/api/staff/${t.staff.id}/deactivate` }),
    expect: row(401, 403, 200, 403, 404, 403, 403) },
  { operationId: 'reactivateStaffMember', scope: 'staff', request: (t) => ({ method: 'post', path: `/api/staff/${t.staff.id}/reactivate` }),
    expect: row(401, 403, 200, 403, 404, 403, 403) },
  { operationId: 'removeStaffMember', scope: 'staff', request: (t) => ({ method: 'delete', path: `/api/staff/${t.staff.id}` }),
    expect: row(401, 403, 204, 403, 404, 403, 403) },
];

/** Sign-in and link routes: open to all, and they answer every kind of actor the same way. */
const bogusToken = newToken();
// prettier-ignore
const publicRoutes: { operationId: string; request: (n: number) => { method: 'get' | 'post'; path: string; body?: object }; status: number; code?: string }[] = [
  { operationId: 'staffLogin', request: (n) => ({ method: 'post', path: '/api/auth/staff/login', body: { email: `nobody${n}@matrix.example`, password: 'not the right password' } }), status: 401, code: 'invalid_credentials' },
  { operationId: 'staffVerifyTotp', request: () => ({ method: 'post', path: '/api/auth/staff/totp', body: { code: '123456' } }), status: 401, code: 'mfa_session_expired' },
  { operationId: 'getInvitation', request: () => ({ method: 'get', path: `/api/invitations/${bogusToken}` }), status: 404, code: 'invitation_not_found' },
  { operationId: 'acceptInvitation', request: () => ({ method: 'post', path: `/api/invitations/${bogusToken}/accept`, body: { password: 'une phrase de passe assez longue' } }), status: 404, code: 'invitation_not_found' },
  { operationId: 'joinStructure', request: () => ({ method: 'post', path: `/api/invitations/${bogusToken}/join` }), status: 404, code: 'invitation_not_found' },
  { operationId: 'confirmInvitationTotp', request: () => ({ method: 'post', path: `/api/invitations/${bogusToken}/totp`, body: { code: '123456' } }), status: 404, code: 'invitation_not_found' },
  { operationId: 'requestPasswordReset', request: (n) => ({ method: 'post', path: '/api/auth/password-reset', body: { email: `nobody${n}@matrix.example` } }), status: 204 },
  { operationId: 'resetPassword', request: () => ({ method: 'post', path: `/api/auth/password-reset/${bogusToken}`, body: { password: 'une phrase de passe assez longue' } }), status: 404, code: 'password_reset_not_found' },
];

interface World {
  A: Structure;
  B: Structure;
  platformAdmin: StaffMember;
  admin: { A: StaffMember; B: StaffMember };
  referent: { A: StaffMember; B: StaffMember };
  beneficiary: Beneficiary;
}

let ctx: TestContext;
let shared: World;
let counter = 0;

async function makeWorld(): Promise<World> {
  const A = await makeStructure(ctx);
  const B = await makeStructure(ctx);
  return {
    A,
    B,
    platformAdmin: await makeStaff(ctx, { platformAdmin: true }),
    admin: {
      A: await makeStaff(ctx, { structure: A, role: 'admin' }),
      B: await makeStaff(ctx, { structure: B, role: 'admin' }),
    },
    referent: {
      A: await makeStaff(ctx, { structure: A, role: 'referent' }),
      B: await makeStaff(ctx, { structure: B, role: 'referent' }),
    },
    beneficiary: await makeBeneficiary(ctx, { followedBy: [A] }),
  };
}

/** The client for one actor; `header` is the X-Structure-Id staff send (their home, or the target's for header-scoped routes). */
async function clientFor(actor: ActorName, w: World, own: 'A' | 'B', scope: Scope): Promise<supertest.Agent> {
  const other = own === 'A' ? 'B' : 'A';
  const headerFor = (home: 'A' | 'B') => w[scope === 'header' ? own : home];
  switch (actor) {
    case 'anon':
      return ctx.http();
    case 'platform':
      return signIn(ctx, { staff: w.platformAdmin });
    case 'admin':
      return signIn(ctx, { staff: w.admin[own], structure: headerFor(own) });
    case 'ref':
      return signIn(ctx, { staff: w.referent[own], structure: headerFor(own) });
    case 'adminX':
      return signIn(ctx, { staff: w.admin[other], structure: headerFor(other) });
    case 'refX':
      return signIn(ctx, { staff: w.referent[other], structure: headerFor(other) });
    case 'benef':
      return signIn(ctx, { beneficiary: w.beneficiary });
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  shared = await makeWorld();
});
afterAll(() => ctx.close());

const cases = matrix.flatMap((r) =>
  (['A', 'B'] as const).flatMap((own) => actors.map((actor) => ({ ...r, actor, own, status: r.expect[actor] }))),
);

describe('staff authorization matrix', () => {
  it('covers every route of issue #3', () => {
    const all = [...staffAuthRoutes, ...structureRoutes, ...staffRoutes, ...auditRoutes].map((r) => r.operationId);
    const covered = [...matrix.map((r) => r.operationId), ...publicRoutes.map((r) => r.operationId)];
    expect(new Set(covered)).toEqual(new Set(all));
  });

  it.each(cases)(
    '$operationId as $actor, target in $own → $status',
    async ({ actor, own, scope, request, status, freshWorld }) => {
      const w = freshWorld ? await makeWorld() : shared;
      const structure = w[own];
      const staff = await makeStaff(ctx, { structure, role: 'referent' });
      const client = await clientFor(actor, w, own, scope);
      const { method, path, body } = request({ structure, staff, n: ++counter });
      const res = body ? await client[method](path).send(body) : await client[method](path);
      expect(res.status, JSON.stringify(res.body)).toBe(status);

      if (status === 404 && scope === 'staff') {
        // Attempts on another structure's staff are audited (issue #3, "Bad input").
        const denied = await ctx.deps.db
          .getRepository(AuditEventEntity)
          .findOneBy({ action: 'staff.access_denied', targetId: staff.id });
        expect(denied).toMatchObject({ result: 'denied', actorKind: 'staff' });
      }
    },
  );

  it.each(publicRoutes.flatMap((r) => actors.map((actor) => ({ ...r, actor }))))(
    '$operationId answers $status to $actor',
    async ({ actor, request, status, code }) => {
      const client = await clientFor(actor, shared, 'A', 'none');
      const { method, path, body } = request(++counter);
      const res = body ? await client[method](path).send(body) : await client[method](path);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      if (code) expect(res.body.code).toBe(code);
    },
  );
});

describe('bodies and lists cannot reach another structure (AUTHZ-7)', () => {
  it('refuses a structureId in an invitation body and invites into the acting structure only', async () => {
    const admin = await signIn(ctx, { staff: shared.admin.A, structure: shared.A });
    const refused = await admin
      .post('/api/staff/invitations')
      .send({ email: 'sneaky@matrix.example', displayName: 'Sneaky', role: 'admin', structureId: shared.B.id })
      .expect(400);
    expect(refused.body.code).toBe('validation_failed');
    const listB = await (
      await signIn(ctx, { staff: shared.admin.B, structure: shared.B })
    ).get('/api/staff?perPage=100');
    expect((listB.body.data as { email: string }[]).map((s) => s.email)).not.toContain('sneaky@matrix.example');
  });

  it('refuses extra fields when changing a role', async () => {
    const target = await makeStaff(ctx, { structure: shared.A });
    const admin = await signIn(ctx, { staff: shared.admin.A, structure: shared.A });
    await admin.patch(`/api/staff/${target.id}`).send({ role: 'admin', platformAdmin: true }).expect(400);
    await admin.patch(`/api/staff/${target.id}`).send({ role: 'owner' }).expect(400);
  });

  it('lists only the staff of the acting structure', async () => {
    const admin = await signIn(ctx, { staff: shared.admin.A, structure: shared.A });
    const res = await admin.get('/api/staff?perPage=100').expect(200);
    const ids = (res.body.data as { id: string }[]).map((s) => s.id);
    expect(ids).toContain(shared.referent.A.id);
    expect(ids).not.toContain(shared.referent.B.id);
    expect(ids).not.toContain(shared.admin.B.id);
  });

  it('lists only the audit events of the acting structure', async () => {
    const admin = await signIn(ctx, { staff: shared.admin.B, structure: shared.B });
    const res = await admin.get('/api/audit-events?perPage=100').expect(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    const structures = await ctx.deps.db
      .getRepository(AuditEventEntity)
      .findBy((res.body.data as { id: string }[]).map((e) => ({ id: e.id })));
    expect(structures.every((e) => e.structureId === shared.B.id)).toBe(true);
  });

  it('answers 400 for a malformed staff id and 404 for an unknown one', async () => {
    const admin = await signIn(ctx, { staff: shared.admin.A, structure: shared.A });
    await admin.post('/api/staff/not-a-uuid/deactivate').expect(400);
    await admin.post(`/api/staff/${crypto.randomUUID()}/deactivate`).expect(404);
  });
});
