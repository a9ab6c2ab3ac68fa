import { documentThemes, documentTypeId } from '@consigne/database/seeds/document-types';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBeneficiary, makeStaff, makeStructure, signIn } from '../../test/support/factories.js';
import { createTestContext, type TestContext } from '../../test/support/test-context.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { simplePdf } from '../documents/media/test-support/hostile-files.js';
import { upload } from '../documents/test-support/vault.js';

let ctx: TestContext;
let platformAdmin: supertest.Agent;
let referent: supertest.Agent;
let beneficiary: supertest.Agent;

beforeAll(async () => {
  ctx = await createTestContext();
  const structure = await makeStructure(ctx);
  platformAdmin = await signIn(ctx, { staff: await makeStaff(ctx, { platformAdmin: true }) });
  referent = await signIn(ctx, { staff: await makeStaff(ctx, { structure }), structure });
  beneficiary = await signIn(ctx, { beneficiary: await makeBeneficiary(ctx, { followedBy: [structure] }) });
});
afterAll(() => ctx.close());

describe('document types referential', () => {
  it('is seeded on a fresh install: about 40 French papers in the 10 themes, with fields and validity', async () => {
    const res = await referent.get('/api/document-types');
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThanOrEqual(40);
    expect(res.body.themes.map((t: { code: string }) => t.code)).toEqual(documentThemes.map((t) => t.code));
    for (const theme of res.body.themes as { count: number }[]) expect(theme.count).toBeGreaterThan(0);
    const cni = res.body.data.find((t: { code: string }) => t.code === 'cni');
    expect(cni).toMatchObject({ id: documentTypeId('cni'), theme: 'identite', validityMonths: 180 });
    expect(cni.fields.map((f: { key: string }) => f.key)).toEqual(['number', 'authority']);
    // No type asks for the social security number (RET-3).
    expect(JSON.stringify(res.body)).not.toMatch(/NIR|sécurité sociale/i);
  });

  it('filters by theme, for beneficiaries too', async () => {
    const res = await beneficiary.get('/api/document-types?theme=ressources');
    expect(res.status).toBe(200);
    expect(new Set(res.body.data.map((t: { theme: string }) => t.theme))).toEqual(new Set(['ressources']));
    expect((await beneficiary.get('/api/document-types?theme=nope')).status).toBe(400);
  });

  it('lets the platform admin edit a type, audited; refuses unknown fields', async () => {
    const id = documentTypeId('attestation-caf');
    const res = await platformAdmin.patch(`/api/document-types/${id}`).send({
      label: 'Attestation de paiement CAF / MSA',
      validityMonths: 6,
      fields: [{ key: 'number', label: 'Numéro allocataire', kind: 'text' }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ label: 'Attestation de paiement CAF / MSA', validityMonths: 6 });
    expect(res.body.fields).toHaveLength(1);
    expect(
      await ctx.deps.db.getRepository(AuditEventEntity).countBy({ action: 'document_type.updated', targetId: id }),
    ).toBe(1);
    expect((await platformAdmin.patch(`/api/document-types/${id}`).send({ code: 'x' })).status).toBe(400);
    expect((await referent.patch(`/api/document-types/${id}`).send({ label: 'x' })).status).toBe(403);
    expect((await platformAdmin.patch(`/api/document-types/${crypto.randomUUID()}`).send({ label: 'x' })).status).toBe(
      404,
    );
  });

  it('checks type fields against the type and fills the expiry date from its validity', async () => {
    const bad = await upload(beneficiary, '/documents', simplePdf(), {
      fields: { typeId: documentTypeId('passeport'), typeFields: JSON.stringify({ caf: '1' }) },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('invalid_type_fields');
    const unknownType = await upload(beneficiary, '/documents', simplePdf(), {
      fields: { typeId: crypto.randomUUID() },
    });
    expect(unknownType.status).toBe(422);
    const ok = await upload(beneficiary, '/documents', simplePdf(), {
      name: 'scan.pdf',
      fields: { typeId: documentTypeId('passeport'), typeFields: '{"number":"12AB34567"}', issueDate: '2021-03-01' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ expiryDate: '2031-03-01', typeFields: { number: '12AB34567' } });
    expect(ok.body.type).toMatchObject({ code: 'passeport', theme: 'identite' });

    const retyped = await beneficiary.patch(`/api/documents/${ok.body.id}`).send({ typeId: documentTypeId('cv') });
    expect(retyped.status).toBe(200);
    expect(retyped.body).toMatchObject({ type: { code: 'cv' }, typeFields: null });
    const filtered = await beneficiary.get('/api/documents?theme=emploi');
    expect(filtered.body.data.map((d: { id: string }) => d.id)).toEqual([ok.body.id]);
  });
});
