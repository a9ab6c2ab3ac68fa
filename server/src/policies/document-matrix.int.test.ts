import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBeneficiary, makeFollow, makeStaff, makeStructure, signIn } from '../../test/support/factories.js';
import { createTestContext, type TestContext } from '../../test/support/test-context.js';
import { settleBackground } from '../auth/background.js';
import { documentTypeId } from '@consigne/database/seeds/document-types';
import { simplePdf } from '../documents/media/test-support/hostile-files.js';
import { largePdf, upload } from '../documents/test-support/vault.js';

/**
 * The document authorization matrix (AUTHZ-2..8): every document route × every kind of actor ×
 * a private and a shared document of beneficiary X, followed by structure A only.
 *
 *   401 anonymous · 403 the route is not for this kind of actor or role (nothing is looked up) ·
 *   404 a record the actor may not see, exactly like one that does not exist · 2xx the allowed.
 *
 * Structure and platform admins hold no referent role: papers are not theirs to see (AUTHZ-4).
 * The referent of C, whose follow of X ended, is a stranger again. After every request by staff,
 * the body is searched for any trace of the private document (AUTHZ-3).
 */

type ActorName =
  | 'anonymous'
  | 'platformAdmin'
  | 'adminOfA'
  | 'adminOfB'
  | 'referentOfB'
  | 'referentOfEndedC'
  | 'otherBeneficiary'
  | 'referentOfA'
  | 'owner';

const ACTORS: ActorName[] = [
  'anonymous',
  'platformAdmin',
  'adminOfA',
  'adminOfB',
  'referentOfB',
  'referentOfEndedC',
  'otherBeneficiary',
  'referentOfA',
  'owner',
];
const STAFF: ActorName[] = ['platformAdmin', 'adminOfA', 'adminOfB', 'referentOfB', 'referentOfEndedC', 'referentOfA'];

interface Fixture {
  beneficiaryId: string;
  privateDoc: { id: string; title: string; sha256: string; sizeBytes: number };
  sharedDoc: { id: string };
}

interface Row {
  name: string;
  request: (agent: supertest.Agent, f: Fixture) => supertest.Test;
  expect: Partial<Record<ActorName, number>> & { default: number };
}

let ctx: TestContext;
let fixture: Fixture;
const agents = {} as Record<ActorName, supertest.Agent>;

beforeAll(async () => {
  ctx = await createTestContext();
  const a = await makeStructure(ctx, { name: 'Structure A' });
  const b = await makeStructure(ctx, { name: 'Structure B' });
  const c = await makeStructure(ctx, { name: 'Structure C' });
  const x = await makeBeneficiary(ctx, { followedBy: [a] });
  await makeFollow(ctx, c, x, 'ended');
  const other = await makeBeneficiary(ctx, { followedBy: [a, b] });
  agents.anonymous = ctx.http();
  agents.platformAdmin = await signIn(ctx, { staff: await makeStaff(ctx, { platformAdmin: true }) });
  agents.adminOfA = await signIn(ctx, { staff: await makeStaff(ctx, { structure: a, role: 'admin' }), structure: a });
  agents.adminOfB = await signIn(ctx, { staff: await makeStaff(ctx, { structure: b, role: 'admin' }), structure: b });
  agents.referentOfA = await signIn(ctx, { staff: await makeStaff(ctx, { structure: a }), structure: a });
  agents.referentOfB = await signIn(ctx, { staff: await makeStaff(ctx, { structure: b }), structure: b });
  agents.referentOfEndedC = await signIn(ctx, { staff: await makeStaff(ctx, { structure: c }), structure: c });
  agents.owner = await signIn(ctx, { beneficiary: x });
  agents.otherBeneficiary = await signIn(ctx, { beneficiary: other });

  const privateDoc = await upload(agents.owner, '/documents', largePdf(4000), {
    name: 'Secret médical.pdf',
    fields: { typeId: documentTypeId('ordonnance') },
  });
  const sharedDoc = await upload(agents.owner, '/documents', simplePdf(), { name: 'Attestation CAF.pdf' });
  expect([privateDoc.status, sharedDoc.status]).toEqual([201, 201]);
  await agents.owner.put(`/api/documents/${sharedDoc.body.id}/visibility`).send({ visibility: 'shared' });
  fixture = { beneficiaryId: x.id, privateDoc: privateDoc.body, sharedDoc: sharedDoc.body };
});
afterAll(async () => {
  await settleBackground();
  await ctx.close();
});

/** Referent-of-A-only routes: everyone else is refused by the policy (403) or not signed in (401). */
const referentRoute = (ok: number) => ({
  default: 403,
  anonymous: 401,
  referentOfA: ok,
  referentOfB: 404,
  referentOfEndedC: 404,
});
/** Owner-only routes: staff are refused by the policy; another beneficiary finds nothing. */
const ownerRoute = (ok: number) => ({ default: 403, anonymous: 401, owner: ok, otherBeneficiary: 404 });
/** document.read routes on the shared document: its owner and the referent of A. */
const sharedRead = {
  default: 403,
  anonymous: 401,
  owner: 200,
  referentOfA: 200,
  referentOfB: 404,
  referentOfEndedC: 404,
  otherBeneficiary: 404,
};
/** document.read routes on the private document: its owner only. */
const privateRead = { ...sharedRead, referentOfA: 404 };

const rows: Row[] = [
  { name: 'GET shared document', request: (g, f) => g.get(`/api/documents/${f.sharedDoc.id}`), expect: sharedRead },
  { name: 'GET private document', request: (g, f) => g.get(`/api/documents/${f.privateDoc.id}`), expect: privateRead },
  {
    name: 'GET shared content',
    request: (g, f) => g.get(`/api/documents/${f.sharedDoc.id}/content`),
    expect: sharedRead,
  },
  {
    name: 'GET private content',
    request: (g, f) => g.get(`/api/documents/${f.privateDoc.id}/content`),
    expect: privateRead,
  },
  {
    name: 'GET private content, ranged',
    request: (g, f) => g.get(`/api/documents/${f.privateDoc.id}/content`).set('Range', 'bytes=0-9'),
    expect: { ...privateRead, owner: 206 },
  },
  {
    name: 'GET shared thumbnail',
    request: (g, f) => g.get(`/api/documents/${f.sharedDoc.id}/thumbnail`),
    expect: sharedRead,
  },
  {
    name: 'GET private thumbnail',
    request: (g, f) => g.get(`/api/documents/${f.privateDoc.id}/thumbnail`),
    expect: privateRead,
  },
  {
    name: "GET the beneficiary's document list",
    request: (g, f) => g.get(`/api/beneficiaries/${f.beneficiaryId}/documents`),
    expect: referentRoute(200),
  },
  {
    name: "GET the beneficiary's list filtered on the private document's theme",
    request: (g, f) => g.get(`/api/beneficiaries/${f.beneficiaryId}/documents?theme=sante&q=secret`),
    expect: referentRoute(200),
  },
  {
    name: 'GET a random beneficiary id',
    request: (g) => g.get(`/api/beneficiaries/${crypto.randomUUID()}/documents`),
    expect: { ...referentRoute(404) },
  },
  {
    name: 'GET my documents',
    request: (g) => g.get('/api/documents'),
    expect: { ...ownerRoute(200), otherBeneficiary: 200 },
  },
  {
    name: 'GET my trace',
    request: (g) => g.get('/api/me/access-log'),
    expect: { ...ownerRoute(200), otherBeneficiary: 200 },
  },
  {
    name: 'GET my export',
    request: (g) => g.get('/api/me/export'),
    expect: { ...ownerRoute(200), otherBeneficiary: 200 },
  },
  {
    name: 'GET document types',
    request: (g) => g.get('/api/document-types'),
    expect: { default: 200, anonymous: 401 },
  },
  {
    name: 'PATCH a document type',
    request: (g) => g.patch(`/api/document-types/${documentTypeId('autre')}`).send({ retentionMonths: 24 }),
    expect: { default: 403, anonymous: 401, platformAdmin: 200 },
  },
  {
    name: 'POST a document type',
    request: (g) =>
      g
        .post('/api/document-types')
        .send({ code: `t-${crypto.randomUUID().slice(0, 8)}`, label: 'Test', theme: 'autre' }),
    expect: { default: 403, anonymous: 401, platformAdmin: 201 },
  },
  {
    name: 'PATCH the private document',
    request: (g, f) => g.patch(`/api/documents/${f.privateDoc.id}`).send({ title: 'Secret médical' }),
    expect: ownerRoute(200),
  },
  {
    name: 'PATCH with an escalating field (AUTHZ-7)',
    request: (g, f) =>
      g.patch(`/api/documents/${f.privateDoc.id}`).send({ visibility: 'shared', ownerId: f.beneficiaryId }),
    expect: { ...ownerRoute(400), otherBeneficiary: 400 },
  },
  {
    name: 'PUT visibility of the private document (AUTHZ-6)',
    request: (g, f) => g.put(`/api/documents/${f.privateDoc.id}/visibility`).send({ visibility: 'private' }),
    expect: ownerRoute(200),
  },
  {
    name: 'PUT visibility of the shared document (AUTHZ-6)',
    request: (g, f) => g.put(`/api/documents/${f.sharedDoc.id}/visibility`).send({ visibility: 'shared' }),
    expect: ownerRoute(200),
  },
  {
    name: 'POST restore the private document',
    request: (g, f) => g.post(`/api/documents/${f.privateDoc.id}/restore`),
    expect: ownerRoute(200),
  },
  {
    name: 'POST an upload to my vault',
    request: (g) => g.post('/api/documents').attach('files', simplePdf(), 'a.pdf'),
    expect: { ...ownerRoute(201), otherBeneficiary: 201 },
  },
  {
    name: "POST a deposit into X's vault",
    request: (g, f) => g.post(`/api/beneficiaries/${f.beneficiaryId}/documents`).attach('files', simplePdf(), 'a.pdf'),
    expect: referentRoute(201),
  },
  {
    name: 'POST a deposit claiming private visibility (AUTHZ-7)',
    request: (g, f) =>
      g
        .post(`/api/beneficiaries/${f.beneficiaryId}/documents`)
        .field('visibility', 'private')
        .attach('files', simplePdf(), 'a.pdf'),
    expect: referentRoute(400),
  },
  {
    name: 'DELETE the private document',
    request: (g, f) => g.delete(`/api/documents/${f.privateDoc.id}`),
    expect: ownerRoute(204),
  },
];

/** Every way the private document could leak into a staff answer (AUTHZ-3). */
function privateTraces(f: Fixture): string[] {
  return [f.privateDoc.id, f.privateDoc.title, f.privateDoc.sha256, `"sizeBytes":${f.privateDoc.sizeBytes}`, 'Secret'];
}

describe('document routes × actors (AUTHZ-2..8)', () => {
  for (const row of rows) {
    it(`${row.name}`, async () => {
      const got: Partial<Record<ActorName, number>> = {};
      const want: Partial<Record<ActorName, number>> = {};
      for (const actor of ACTORS) {
        const res = await row.request(agents[actor], fixture);
        got[actor] = res.status;
        want[actor] = row.expect[actor] ?? row.expect.default;
        if (STAFF.includes(actor)) {
          const body = typeof res.text === 'string' ? res.text : '';
          for (const trace of privateTraces(fixture)) expect(body, `${actor} saw ${trace}`).not.toContain(trace);
        }
      }
      expect(got).toEqual(want);
    });
  }

  it("the referent of A's list counts the shared documents only", async () => {
    const res = await agents.referentOfA.get(`/api/beneficiaries/${fixture.beneficiaryId}/documents?perPage=100`);
    const ids = res.body.data.map((d: { id: string }) => d.id);
    expect(ids).toContain(fixture.sharedDoc.id);
    expect(ids).not.toContain(fixture.privateDoc.id);
    expect(res.body.total).toBe(ids.length);
    const filtered = await agents.referentOfA.get(`/api/beneficiaries/${fixture.beneficiaryId}/documents?theme=sante`);
    expect(filtered.body).toEqual({ data: [], total: 0 });
  });

  it("the structure admin's audit view holds no trace of the private document (AUTHZ-3)", async () => {
    const res = await agents.adminOfA.get('/api/audit-events?perPage=100');
    expect(res.status).toBe(200);
    for (const trace of privateTraces(fixture)) expect(res.text).not.toContain(trace);
  });

  it('every route answers 400 to a malformed id and 401 without a session (AUTHZ-8)', async () => {
    for (const path of [
      '/api/documents/not-a-uuid',
      '/api/documents/not-a-uuid/content',
      '/api/documents/1/thumbnail',
    ]) {
      expect((await agents.owner.get(path)).status).toBe(400);
      expect((await agents.referentOfA.get(path)).status).toBe(400);
      expect((await agents.anonymous.get(path)).status).toBe(401);
    }
    expect((await agents.referentOfA.get('/api/beneficiaries/x/documents')).status).toBe(400);
  });
});
