import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';

import { FollowEntity, type Beneficiary } from '../beneficiaries/beneficiary.entity.js';
import { freshPhone, makeReferent, twilioTestContext } from '../beneficiaries/test-support/accounts.js';
import { SECOND } from '../shared/clock.js';
import { StaffMembershipEntity } from '../staff/staff.entity.js';
import type { Structure } from '../structures/structure.entity.js';
import { makeBeneficiary, makeStaff, makeStructure, signIn } from '../../test/support/factories.js';
import { TEST_ORIGIN, type TestContext } from '../../test/support/test-context.js';

/**
 * AUTHZ-1/2/7/8 for every beneficiary route: who gets what, exactly. The fixture of each row is a
 * fresh beneficiary X followed by structure A only (so one row's changes never leak into another).
 * 401 anonymous · 403 wrong kind of actor or role · 404 anything of X for whoever may not see it ·
 * 2xx only for who is allowed.
 */

type ActorName =
  'anonymous' | 'platformAdmin' | 'adminOfA' | 'referentOfB' | 'beneficiary' | 'otherBeneficiary' | 'referentOfA';

/** Mutating actors last, so that a revoke or a phone change cannot change what the others see. */
const ACTORS: ActorName[] = [
  'anonymous',
  'platformAdmin',
  'adminOfA',
  'referentOfB',
  'otherBeneficiary',
  'beneficiary',
  'referentOfA',
];

let ctx: TestContext;
let a: Structure;
let b: Structure;
let staffAgents: Record<'platformAdmin' | 'adminOfA' | 'referentOfB', supertest.Agent>;
let referentOfA: Awaited<ReturnType<typeof makeReferent>>;
let other: { beneficiary: Beneficiary; agent: supertest.Agent };

const env = twilioTestContext();
beforeAll(async () => {
  ({ ctx } = env);
  a = await makeStructure(ctx, { name: 'Structure A' });
  b = await makeStructure(ctx, { name: 'Structure B' });
  const platformAdmin = await makeStaff(ctx, { platformAdmin: true });
  const adminOfA = await makeStaff(ctx, { structure: a, role: 'admin' });
  referentOfA = await makeReferent(ctx, a);
  const referentOfB = await makeReferent(ctx, b);
  staffAgents = {
    platformAdmin: await signIn(ctx, { staff: platformAdmin }),
    adminOfA: await signIn(ctx, { staff: adminOfA, structure: a }),
    referentOfB: referentOfB.agent,
  };
  const otherBeneficiary = await makeBeneficiary(ctx, { followedBy: [b], overrides: { phone: freshPhone() } });
  other = { beneficiary: otherBeneficiary, agent: await signIn(ctx, { beneficiary: otherBeneficiary }) };
});

/** Referent A's TOTP code of the next 30-second step: a code is accepted once (STAFF-3). */
function freshTotp(): string {
  ctx.clock.advance(30 * SECOND);
  return referentOfA.totp();
}

interface Fixture {
  x: Beneficiary;
  /** A's active follow of X. */
  followOfA: string;
  /** A pending desk-code follow of X by a third structure C. */
  pendingOfC: string;
  agents: Record<ActorName, supertest.Agent>;
}

async function fixture(): Promise<Fixture> {
  const x = await makeBeneficiary(ctx, { followedBy: [a], overrides: { phone: freshPhone() } });
  const c = await makeStructure(ctx);
  await ctx.deps.db.getRepository(FollowEntity).insert({
    id: randomUUID(),
    structureId: c.id,
    beneficiaryId: x.id,
    status: 'pending',
    requestedByStaffId: null,
    consentChannel: 'desk_code',
    endedAt: null,
    createdAt: ctx.clock.now(),
    updatedAt: ctx.clock.now(),
  });
  const follows = await ctx.deps.db.getRepository(FollowEntity).findBy({ beneficiaryId: x.id });
  return {
    x,
    followOfA: follows.find((f) => f.structureId === a.id)!.id,
    pendingOfC: follows.find((f) => f.structureId === c.id)!.id,
    agents: {
      anonymous: supertest.agent(ctx.app).set('Origin', TEST_ORIGIN),
      ...staffAgents,
      referentOfA: referentOfA.agent,
      beneficiary: await signIn(ctx, { beneficiary: x }),
      otherBeneficiary: other.agent,
    },
  };
}

interface Row {
  operationId: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  path: (f: Fixture) => string;
  body?: (f: Fixture) => object;
  expected: Record<ActorName, number>;
}

const staffOnly = (referentOfA: number, referentOfB: number): Record<ActorName, number> => ({
  anonymous: 401,
  platformAdmin: 403,
  adminOfA: 403,
  referentOfB,
  otherBeneficiary: 403,
  beneficiary: 403,
  referentOfA,
});

const rows: Row[] = [
  {
    operationId: 'createBeneficiary',
    method: 'post',
    path: () => '/beneficiaries',
    body: () => ({
      firstName: 'Nouvelle',
      lastName: `Personne ${randomUUID()}`,
      birthDate: '1992-02-02',
      phone: freshPhone(),
    }),
    expected: staffOnly(201, 201),
  },
  { operationId: 'listBeneficiaries', method: 'get', path: () => '/beneficiaries', expected: staffOnly(200, 200) },
  {
    operationId: 'getBeneficiary',
    method: 'get',
    path: (f) => `/beneficiaries/${f.x.id}`,
    expected: staffOnly(200, 404),
  },
  {
    operationId: 'updateBeneficiary',
    method: 'patch',
    path: (f) => `/beneficiaries/${f.x.id}`,
    body: () => ({ firstName: 'Corrigé' }),
    expected: staffOnly(200, 404),
  },
  {
    operationId: 'unlockBeneficiary',
    method: 'post',
    path: (f) => `/beneficiaries/${f.x.id}/unlock`,
    expected: staffOnly(200, 404),
  },
  {
    operationId: 'revokeBeneficiarySessions',
    method: 'post',
    path: (f) => `/beneficiaries/${f.x.id}/sessions/revoke`,
    expected: staffOnly(200, 404),
  },
  {
    operationId: 'changeBeneficiaryPhone',
    method: 'post',
    path: (f) => `/beneficiaries/${f.x.id}/phone`,
    body: () => ({ phone: freshPhone(), totp: referentOfA.totp() }),
    expected: staffOnly(200, 404),
  },
  {
    operationId: 'issueEmergencyCard',
    method: 'post',
    path: (f) => `/beneficiaries/${f.x.id}/emergency-card`,
    // A referent re-enters their TOTP (AUTHZ-3); a beneficiary's `totp` is ignored (their own card needs none).
    body: () => ({ totp: freshTotp() }),
    expected: { ...staffOnly(200, 404), beneficiary: 200, otherBeneficiary: 404 },
  },
  {
    operationId: 'requestFollow',
    method: 'post',
    path: () => '/beneficiaries/follow-requests',
    body: (f) => ({ beneficiaryId: f.x.id, channel: 'desk_code' }),
    // A already follows X (409); B never matched X, so the id alone opens nothing (404).
    expected: staffOnly(409, 404),
  },
  {
    operationId: 'confirmFollowWithCode',
    method: 'post',
    path: (f) => `/beneficiaries/follow-requests/${f.pendingOfC}/confirm`,
    body: () => ({ code: '123456' }),
    expected: staffOnly(404, 404),
  },
  {
    operationId: 'listMyFollows',
    method: 'get',
    path: () => '/me/follows',
    expected: {
      anonymous: 401,
      platformAdmin: 403,
      adminOfA: 403,
      referentOfB: 403,
      otherBeneficiary: 200,
      beneficiary: 200,
      referentOfA: 403,
    },
  },
  {
    operationId: 'answerFollowRequest',
    method: 'post',
    path: (f) => `/me/follows/${f.pendingOfC}/answer`,
    body: () => ({ accept: false }),
    expected: {
      anonymous: 401,
      platformAdmin: 403,
      adminOfA: 403,
      referentOfB: 403,
      otherBeneficiary: 404,
      beneficiary: 200,
      referentOfA: 403,
    },
  },
  {
    operationId: 'unfollowStructure',
    method: 'delete',
    path: (f) => `/me/follows/${f.followOfA}`,
    expected: {
      anonymous: 401,
      platformAdmin: 403,
      adminOfA: 403,
      referentOfB: 403,
      otherBeneficiary: 404,
      beneficiary: 204,
      referentOfA: 403,
    },
  },
];

describe('beneficiary routes × actors (beneficiary X followed by A only)', () => {
  it.each(rows)('$operationId: $method', async (row) => {
    const f = await fixture();
    const actual = {} as Record<ActorName, number>;
    for (const actor of ACTORS) {
      const req = f.agents[actor][row.method](`/api${row.path(f)}`);
      const res = await (row.body ? req.send(row.body(f)) : req);
      actual[actor] = res.status;
      if (res.status === 404) expect(JSON.stringify(res.body)).not.toContain(f.x.lastName);
    }
    expect(actual).toEqual(row.expected);
  });

  it('covers every beneficiary-related operation of the API', () => {
    const covered = new Set(rows.map((r) => r.operationId));
    for (const id of [
      'createBeneficiary',
      'listBeneficiaries',
      'getBeneficiary',
      'updateBeneficiary',
      'requestFollow',
      'confirmFollowWithCode',
      'answerFollowRequest',
      'listMyFollows',
      'unfollowStructure',
      'changeBeneficiaryPhone',
      'issueEmergencyCard',
      'unlockBeneficiary',
      'revokeBeneficiarySessions',
    ])
      expect(covered).toContain(id);
  });
});

describe('AUTHZ-2 through filters and bodies', () => {
  it('never shows X to B in a list, whatever the search or the filters', async () => {
    const f = await fixture();
    for (const query of [
      `q=${encodeURIComponent(f.x.lastName)}`,
      `q=${encodeURIComponent(f.x.phone)}`,
      `birthDate=${f.x.birthDate}`,
      'status=active',
      'perPage=100',
    ]) {
      const res = await f.agents.referentOfB.get(`/api/beneficiaries?${query}`);
      expect(res.status).toBe(200);
      expect(res.body.data.map((d: { id: string }) => d.id)).not.toContain(f.x.id);
    }
    const mine = await f.agents.referentOfA.get(`/api/beneficiaries?q=${encodeURIComponent(f.x.lastName)}`);
    expect(mine.body.data.map((d: { id: string }) => d.id)).toEqual([f.x.id]);
  });

  it("tells B only that it may ask to follow when it types X's phone, never X's identity", async () => {
    const f = await fixture();
    const res = await f.agents.referentOfB
      .post('/api/beneficiaries')
      .send({ firstName: 'Quelqu', lastName: 'Un', birthDate: '1980-01-01', phone: f.x.phone });
    expect(res.status).toBe(409);
    expect(Object.keys(res.body).sort()).toEqual(
      ['canRequestFollow', 'code', 'matchId', 'matchedOn', 'requestId', 'status', 'title', 'type'].sort(),
    );
    expect(JSON.stringify(res.body)).not.toContain(f.x.lastName);
    expect(JSON.stringify(res.body)).not.toContain(f.x.birthDate);
  });
});

describe('AUTHZ-7: structureId, ownerId, role in bodies or queries never escalate', () => {
  it('refuses those fields everywhere with 400 and changes nothing', async () => {
    const f = await fixture();
    const refB = f.agents.referentOfB;
    const refA = f.agents.referentOfA;
    const extra = { structureId: b.id, ownerId: randomUUID(), role: 'admin' };
    const base = { firstName: 'A', lastName: `B${randomUUID()}`, birthDate: '1990-01-01', phone: freshPhone() };
    expect((await refB.post('/api/beneficiaries').send({ ...base, ...extra })).status).toBe(400);
    expect((await refB.patch(`/api/beneficiaries/${f.x.id}`).send({ firstName: 'Z', structureId: b.id })).status).toBe(
      400,
    );
    expect((await refA.patch(`/api/beneficiaries/${f.x.id}`).send({ firstName: 'Z', role: 'admin' })).status).toBe(400);
    expect(
      (
        await refB
          .post('/api/beneficiaries/follow-requests')
          .send({ beneficiaryId: f.x.id, channel: 'app', structureId: a.id })
      ).status,
    ).toBe(400);
    expect((await refB.get(`/api/beneficiaries?structureId=${a.id}`)).status).toBe(400);
    expect(
      (await f.agents.beneficiary.post(`/api/me/follows/${f.pendingOfC}/answer`).send({ accept: true, role: 'x' }))
        .status,
    ).toBe(400);
    expect((await refB.get(`/api/beneficiaries/${f.x.id}`)).status).toBe(404);
  });

  it('ignores an X-Structure-Id the staff member does not belong to', async () => {
    const f = await fixture();
    const res = await f.agents.referentOfB.get(`/api/beneficiaries/${f.x.id}`).set('X-Structure-Id', a.id);
    expect(res.status).toBe(403);
  });

  it('gives an admin of A who is a referent of B nothing of X when acting for A', async () => {
    const f = await fixture();
    const both = await makeStaff(ctx, { structure: a, role: 'admin' });
    await ctx.deps.db.getRepository(StaffMembershipEntity).insert({
      id: randomUUID(),
      staffId: both.id,
      structureId: b.id,
      role: 'referent',
      deactivatedAt: null,
      createdAt: ctx.clock.now(),
      updatedAt: ctx.clock.now(),
    });
    const asAdminOfA = await signIn(ctx, { staff: both, structure: a });
    expect((await asAdminOfA.get(`/api/beneficiaries/${f.x.id}`)).status).toBe(403);
    const asReferentOfB = await signIn(ctx, { staff: both, structure: b });
    expect((await asReferentOfB.get(`/api/beneficiaries/${f.x.id}`)).status).toBe(404);
  });
});

describe('AUTHZ-8: malformed ids', () => {
  it.each([
    ['get', '/beneficiaries/not-a-uuid'],
    ['patch', '/beneficiaries/not-a-uuid'],
    ['post', '/beneficiaries/not-a-uuid/unlock'],
    ['post', '/beneficiaries/not-a-uuid/sessions/revoke'],
    ['post', '/beneficiaries/not-a-uuid/emergency-card'],
    ['post', '/beneficiaries/follow-requests/not-a-uuid/confirm'],
  ] as const)('%s %s: 401 anonymous, 400 for a referent', async (method, path) => {
    const anonymous = supertest.agent(ctx.app).set('Origin', TEST_ORIGIN);
    expect((await anonymous[method](`/api${path}`)).status).toBe(401);
    const res = await referentOfA.agent[method](`/api${path}`).send({ firstName: 'x', code: '123456' });
    expect(res.status).toBe(400);
  });
});
