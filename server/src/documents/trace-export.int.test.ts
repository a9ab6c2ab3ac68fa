import { createHash } from 'node:crypto';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBeneficiary, makeStaff, makeStructure, signIn } from '../../test/support/factories.js';
import { createTestContext, type TestContext } from '../../test/support/test-context.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { settleBackground } from '../auth/background.js';
import type { Beneficiary } from '../beneficiaries/beneficiary.entity.js';
import type { Structure } from '../structures/structure.entity.js';
import { documentTypeId } from '@consigne/database/seeds/document-types';
import { noisyPhoto } from './media/test-support/sample-images.js';
import { download, largePdf, upload } from './test-support/vault.js';
import { readZip } from './test-support/zip-reader.js';

/** LOG-2 (the beneficiary's own trace) and EXP-1 (the whole vault as one ZIP). */

let ctx: TestContext;
let structure: Structure;
let owner: Beneficiary;
let ownerAgent: supertest.Agent;
let referent: supertest.Agent;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  ctx = await createTestContext();
  structure = await makeStructure(ctx, { name: 'CCAS de Nantes' });
  owner = await makeBeneficiary(ctx, { followedBy: [structure] });
  ownerAgent = await signIn(ctx, { beneficiary: owner });
  const staff = await makeStaff(ctx, { structure });
  referent = await signIn(ctx, { staff, structure });
});
afterAll(async () => {
  await settleBackground();
  await ctx.close();
});

describe('LOG-2: my trace', () => {
  it('shows who saw what and when: structure, referent, action, paper — and nothing of other vaults', async () => {
    const doc = await upload(ownerAgent, '/documents', largePdf(2000), { name: 'Avis impots.pdf' });
    await ownerAgent.put(`/api/documents/${doc.body.id}/visibility`).send({ visibility: 'shared' });
    await referent.get(`/api/beneficiaries/${owner.id}/documents`);
    await referent.get(`/api/documents/${doc.body.id}`);
    await download(referent, `/documents/${doc.body.id}/content?inline=1`);
    await download(referent, `/documents/${doc.body.id}/content`);

    const someoneElse = await makeBeneficiary(ctx, { followedBy: [structure] });
    await referent.get(`/api/beneficiaries/${someoneElse.id}/documents`);

    const res = await ownerAgent.get('/api/me/access-log');
    expect(res.status).toBe(200);
    const entries = res.body.data as {
      at: string;
      action: string;
      structure: { name: string } | null;
      staff: { displayName: string } | null;
      document: { id: string; title: string | null } | null;
    }[];
    expect(entries.map((e) => e.action)).toEqual([
      'document.downloaded',
      'document.viewed',
      'document.viewed',
      'document.viewed',
    ]);
    expect(res.body.total).toBe(4);
    for (const entry of entries) {
      expect(entry.structure?.name).toBe('CCAS de Nantes');
      expect(entry.staff?.displayName).toMatch(/^Agent/);
      expect(entry.at).toBe(ctx.clock.now().toISOString());
    }
    expect(entries[0]!.document).toEqual({ id: doc.body.id, title: 'Avis impots' });
    // The list view is one entry without a document.
    expect(entries[3]!.document).toBeNull();
    const audited = await ctx.deps.db
      .getRepository(AuditEventEntity)
      .countBy({ beneficiaryId: owner.id, action: 'document.downloaded' });
    expect(audited).toBe(1);
  });
});

describe('EXP-1: export of the whole vault', () => {
  it('streams a ZIP of every original, private and shared, with a manifest (SHA-256) and the trace', async () => {
    const beneficiary = await makeBeneficiary(ctx, { followedBy: [structure] });
    const agent = await signIn(ctx, { beneficiary });
    const pdf = largePdf(180_000);
    const first = await upload(agent, '/documents', pdf, {
      name: 'Carte identité.pdf',
      fields: {
        typeId: documentTypeId('cni'),
        typeFields: JSON.stringify({ number: 'X123' }),
        issueDate: '2020-05-04',
      },
    });
    ctx.clock.advance(1000);
    const second = await upload(agent, '/documents', await noisyPhoto(640, 480), { name: 'RIB.jpg' });
    ctx.clock.advance(1000);
    const third = await upload(agent, '/documents', largePdf(500), { name: 'Vieux.pdf' });
    await agent.put(`/api/documents/${second.body.id}/visibility`).send({ visibility: 'shared' });
    await agent.delete(`/api/documents/${third.body.id}`);
    await download(referent, `/documents/${second.body.id}/content`);
    const photo = (await download(agent, `/documents/${second.body.id}/content`)).body as Buffer;

    const res = await download(agent, '/me/export');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="consigne-export-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const entries = readZip(res.body as Buffer);
    const byName = new Map(entries.map((e) => [e.name, e.data]));
    expect([...byName.keys()].sort()).toEqual(
      [
        'documents/001-Carte identite.pdf',
        'documents/002-RIB.jpg',
        'documents/003-Vieux.pdf',
        'manifest.json',
        'trace.json',
      ].sort(),
    );
    expect(byName.get('documents/001-Carte identite.pdf')!.equals(pdf)).toBe(true);
    expect(byName.get('documents/002-RIB.jpg')!.equals(photo)).toBe(true);

    const manifest = JSON.parse(byName.get('manifest.json')!.toString('utf8'));
    expect(manifest.documents).toHaveLength(3);
    for (const item of manifest.documents as { file: string; sha256: string }[]) {
      expect(sha256(byName.get(item.file)!)).toBe(item.sha256);
    }
    expect(manifest.documents[0]).toMatchObject({
      id: first.body.id,
      title: 'Carte identité',
      type: { code: 'cni', label: "Carte nationale d'identité", theme: 'identite' },
      typeFields: { number: 'X123' },
      issueDate: '2020-05-04',
      expiryDate: '2035-05-04',
      visibility: 'private',
      inTrash: false,
    });
    expect(manifest.documents[2]).toMatchObject({ id: third.body.id, inTrash: true });
    const trace = JSON.parse(byName.get('trace.json')!.toString('utf8'));
    expect(trace.events.map((e: { action: string }) => e.action)).toContain('document.downloaded');

    const audited = await ctx.deps.db
      .getRepository(AuditEventEntity)
      .countBy({ beneficiaryId: beneficiary.id, action: 'vault.exported' });
    expect(audited).toBe(1);
    // Free and repeatable.
    expect((await download(agent, '/me/export')).status).toBe(200);
  });
});
