import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStaff, makeStructure, signIn } from '../../test/support/factories.js';
import { createTestContext, type TestContext } from '../../test/support/test-context.js';
import type { StaffMember } from '../staff/staff.entity.js';

let ctx: TestContext;
let platformAdmin: StaffMember;
beforeAll(async () => {
  ctx = await createTestContext();
  platformAdmin = await makeStaff(ctx, { platformAdmin: true });
});
afterAll(() => ctx.close());

describe('structures', () => {
  it('creates a structure with a valid SIRET and refuses a wrong check digit in French', async () => {
    const client = await signIn(ctx, { staff: platformAdmin });
    const created = await client
      .post('/api/structures')
      .send({ name: 'CIAS du Val', kind: 'cias', siret: '216 901 231 00011', contactPhone: '04 00 00 00 00' })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'CIAS du Val',
      kind: 'cias',
      siret: '21690123100011',
      archivedAt: null,
    });
    expect(created.body.contactPhone).toBe('0400000000');

    const bad = await client
      .post('/api/structures')
      .send({ name: 'Mauvais SIRET', kind: 'ccas', siret: '21690123100012' })
      .expect(400);
    expect(JSON.stringify(bad.body.errors)).toContain('clé de contrôle');
    await client.post('/api/structures').send({ name: 'Autre', kind: 'mairie' }).expect(400);
    await client.post('/api/structures').send({ name: 'Autre', kind: 'ccas', archivedAt: null }).expect(400);
  });

  it('lists every structure for a platform admin, paginated, searchable, sortable', async () => {
    for (const name of ['Zèbre solidaire', 'Abri de nuit', 'Accueil du Port']) await makeStructure(ctx, { name });
    const client = await signIn(ctx, { staff: platformAdmin });
    const search = await client.get('/api/structures?q=ACCUEIL').expect(200);
    expect(search.body.data.map((s: { name: string }) => s.name)).toEqual(['Accueil du Port']);
    const page = await client.get('/api/structures?perPage=2&page=1&sort=name').expect(200);
    expect(page.body.data.map((s: { name: string }) => s.name)).toEqual(['Abri de nuit', 'Accueil du Port']);
    expect(page.body.total).toBeGreaterThanOrEqual(4);
    const desc = await client.get('/api/structures?perPage=1&sort=-name').expect(200);
    expect(desc.body.data[0].name).toBe('Zèbre solidaire');
    await client.get('/api/structures?sort=siret').expect(400);
  });

  it('lists only their own active structures for other staff', async () => {
    const mine = await makeStructure(ctx, { name: 'Ma structure' });
    const member = await makeStaff(ctx, { structure: mine, role: 'referent' });
    const client = await signIn(ctx, { staff: member, structure: mine });
    const res = await client.get('/api/structures').expect(200);
    expect(res.body).toMatchObject({ total: 1, data: [{ id: mine.id }] });
  });

  it('archives a structure: its staff can no longer act for it', async () => {
    const structure = await makeStructure(ctx);
    const admin = await makeStaff(ctx, { structure, role: 'admin' });
    const staffClient = await signIn(ctx, { staff: admin, structure });
    await staffClient.get('/api/structure').expect(200);
    const client = await signIn(ctx, { staff: platformAdmin });
    const res = await client.post(`/api/structures/${structure.id}/archive`).expect(200);
    expect(res.body.archivedAt).not.toBeNull();
    await staffClient.get('/api/structure').expect(403);
    const archived = await client.get('/api/structures?status=archived&perPage=100').expect(200);
    expect(archived.body.data.map((s: { id: string }) => s.id)).toContain(structure.id);
    await client
      .post(`/api/structures/${structure.id}/invitations`)
      .send({ email: 'late@archived.example', displayName: 'Late' })
      .expect(409);
  });

  it('lets a structure admin edit only the contact details of their structure', async () => {
    const structure = await makeStructure(ctx, { name: 'Nom officiel' });
    const admin = await makeStaff(ctx, { structure, role: 'admin' });
    const client = await signIn(ctx, { staff: admin, structure });
    const res = await client
      .patch('/api/structure')
      .send({ address: '2 rue Neuve', contactEmail: 'contact@structure.example' })
      .expect(200);
    expect(res.body).toMatchObject({ name: 'Nom officiel', address: '2 rue Neuve' });
    await client.patch('/api/structure').send({ name: 'Nouveau nom' }).expect(400);
  });
});
