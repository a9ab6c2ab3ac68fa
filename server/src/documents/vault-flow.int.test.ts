import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBeneficiary, makeStaff, makeStructure, signIn } from '../../test/support/factories.js';
import { createTestContext, type TestContext } from '../../test/support/test-context.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { settleBackground } from '../auth/background.js';
import type { Beneficiary } from '../beneficiaries/beneficiary.entity.js';
import { DAY } from '../shared/clock.js';
import { MasterKeyRing } from '../storage/master-keys.js';
import type { Structure } from '../structures/structure.entity.js';
import { DocumentEntity } from './document.entity.js';
import { dataKeyOf } from './document-keys.js';
import { purgeDocuments, rotateKeys, scrubStorage } from './maintenance.js';
import { simplePdf } from './media/test-support/hostile-files.js';
import { noisyPhoto } from './media/test-support/sample-images.js';
import { blobKey } from './storage-keys.js';
import {
  beneficiaryCookie,
  download,
  entropy,
  largePdf,
  listen,
  rawGet,
  storageLegs,
  storedKeys,
  tempFiles,
  upload,
} from './test-support/vault.js';

/**
 * The vault end to end (issue #5), on both storage drivers: the "done when" flow, downloads
 * (DL-1, Range), encryption at rest (ENC-1..5) and integrity (INT-1).
 */
describe.each(storageLegs)('document vault on $name storage', (leg) => {
  let ctx: TestContext;
  let closeStorage: () => Promise<void>;
  let a: Structure;
  let b: Structure;
  let owner: Beneficiary;
  let ownerAgent: supertest.Agent;
  let referentA: supertest.Agent;
  let referentB: supertest.Agent;

  beforeAll(async () => {
    const storage = await leg.start();
    closeStorage = () => storage.close();
    ctx = await createTestContext(storage.env);
    a = await makeStructure(ctx, { name: 'CCAS de Lyon' });
    b = await makeStructure(ctx, { name: 'Association B' });
    owner = await makeBeneficiary(ctx, { followedBy: [a] });
    ownerAgent = await signIn(ctx, { beneficiary: owner });
    referentA = await signIn(ctx, { staff: await makeStaff(ctx, { structure: a }), structure: a });
    referentB = await signIn(ctx, { staff: await makeStaff(ctx, { structure: b }), structure: b });
  });
  afterAll(async () => {
    await settleBackground();
    await ctx.close();
    await closeStorage();
  });

  async function uploadPdf(content = simplePdf(), fields: Record<string, string> = {}) {
    const res = await upload(ownerAgent, '/documents', content, { name: 'Attestation CAF.pdf', fields });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; sha256: string; sizeBytes: number; visibility: string; title: string };
  }

  async function rawObject(documentId: string, part: 'original' | 'thumbnail' = 'original') {
    return buffer(await ctx.deps.storage.get(blobKey(documentId, part)));
  }

  async function replaceObject(documentId: string, content: Buffer, part: 'original' | 'thumbnail' = 'original') {
    await ctx.deps.storage.put(blobKey(documentId, part), Readable.from([content]));
  }

  it('runs the issue flow: upload private → share → referent downloads → unshare → no trace → the trace shows it', async () => {
    const pdf = largePdf(150_000);
    const doc = await uploadPdf(pdf);
    expect(doc.visibility).toBe('private');
    expect(doc.sizeBytes).toBe(pdf.length);

    const before = await referentA.get(`/api/beneficiaries/${owner.id}/documents`);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ data: [], total: 0 });
    expect((await referentA.get(`/api/documents/${doc.id}/content`)).status).toBe(404);

    const shared = await ownerAgent.put(`/api/documents/${doc.id}/visibility`).send({ visibility: 'shared' });
    expect(shared.status).toBe(200);
    expect(shared.body.visibility).toBe('shared');

    const listed = await referentA.get(`/api/beneficiaries/${owner.id}/documents`);
    expect(listed.body.total).toBe(1);
    expect(listed.body.data[0].id).toBe(doc.id);
    const downloaded = await download(referentA, `/documents/${doc.id}/content`);
    expect(downloaded.status).toBe(200);
    expect(Buffer.compare(downloaded.body as Buffer, pdf)).toBe(0);

    // A structure that does not follow the owner sees nothing, shared or not.
    expect((await referentB.get(`/api/beneficiaries/${owner.id}/documents`)).status).toBe(404);
    expect((await referentB.get(`/api/documents/${doc.id}/content`)).status).toBe(404);

    const unshared = await ownerAgent.put(`/api/documents/${doc.id}/visibility`).send({ visibility: 'private' });
    expect(unshared.body.visibility).toBe('private');
    const after = await referentA.get(`/api/beneficiaries/${owner.id}/documents`);
    expect(after.body).toEqual({ data: [], total: 0 });
    expect(JSON.stringify(after.body)).not.toContain(doc.id);
    for (const path of ['', '/content', '/thumbnail']) {
      const res = await referentA.get(`/api/documents/${doc.id}${path}`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(doc.sha256);
    }

    const log = await ownerAgent.get('/api/me/access-log');
    expect(log.status).toBe(200);
    const downloadEntry = (log.body.data as { action: string; document: { id: string; title: string } | null }[]).find(
      (e) => e.action === 'document.downloaded',
    );
    expect(downloadEntry).toMatchObject({
      structure: { id: a.id, name: 'CCAS de Lyon' },
      staff: { displayName: expect.stringMatching(/^Agent/) },
      document: { id: doc.id, title: 'Attestation CAF' },
    });
  });

  it('downloads with the DL-1 headers, supports Range (206, 416) and inline previews', async () => {
    const pdf = largePdf(200_000);
    const doc = await uploadPdf(pdf, { title: 'Relevé « été » 2025' });
    const res = await download(ownerAgent, `/documents/${doc.id}/content`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Releve _ ete _ 2025.pdf"; filename*=UTF-8''Relev%C3%A9%20%C2%AB%20%C3%A9t%C3%A9%20%C2%BB%202025.pdf`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toMatch(/^sandbox/);
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-length']).toBe(String(pdf.length));

    // A range across a segment boundary (segments are 64 KiB).
    const ranged = await download(ownerAgent, `/documents/${doc.id}/content`, { Range: 'bytes=65530-131080' });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes 65530-131080/${pdf.length}`);
    expect(Buffer.compare(ranged.body as Buffer, pdf.subarray(65530, 131081))).toBe(0);
    const suffix = await download(ownerAgent, `/documents/${doc.id}/content`, { Range: 'bytes=-100' });
    expect(Buffer.compare(suffix.body as Buffer, pdf.subarray(pdf.length - 100))).toBe(0);
    const outside = await ownerAgent.get(`/api/documents/${doc.id}/content`).set('Range', `bytes=${pdf.length}-`);
    expect(outside.status).toBe(416);
    expect(outside.headers['content-range']).toBe(`bytes */${pdf.length}`);

    const inline = await download(ownerAgent, `/documents/${doc.id}/content?inline=1`);
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
    expect(inline.headers['content-security-policy']).toMatch(/^sandbox/);

    const thumbnail = await download(ownerAgent, `/documents/${doc.id}/thumbnail`);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    expect((thumbnail.body as Buffer).subarray(8, 12).toString('latin1')).toBe('WEBP');
  });

  it('records every staff content request, ranged ones included (a range can be the whole file)', async () => {
    const doc = await uploadPdf();
    await ownerAgent.put(`/api/documents/${doc.id}/visibility`).send({ visibility: 'shared' }).expect(200);
    const staffReads = () =>
      ctx.deps.db
        .getRepository(AuditEventEntity)
        .countBy({ targetId: doc.id, action: 'document.downloaded', actorKind: 'staff' });
    for (const range of ['bytes=00-', 'bytes=1-', 'bytes=0-10']) {
      const res = await download(referentA, `/documents/${doc.id}/content`, { Range: range });
      expect(res.status).toBe(206);
    }
    expect(await staffReads()).toBe(3);
  });

  it('ENC-1/ENC-2: one wrapped 256-bit key per document; stored objects show no magic and look random', async () => {
    const pdf = largePdf(300_000);
    const first = await uploadPdf(pdf);
    const photo = await upload(ownerAgent, '/documents', await noisyPhoto(800, 600), { name: 'photo.jpg' });
    expect(photo.status).toBe(201);
    const repo = ctx.deps.db.getRepository(DocumentEntity);
    const rows = await repo.findBy([{ id: first.id }, { id: photo.body.id as string }]);
    const keys = rows.map((row) => dataKeyOf(ctx.deps.keys, row));
    expect(keys.map((k) => k.length)).toEqual([32, 32]);
    expect(keys[0]!.equals(keys[1]!)).toBe(false);
    for (const row of rows) {
      expect(row.keyId).toBe(ctx.deps.keys.currentKid);
      expect(JSON.stringify(row)).not.toContain(keys[0]!.toString('base64'));
    }

    const stored = await rawObject(first.id);
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
    expect(entropy(stored)).toBeGreaterThan(7.9);
    const storedPhoto = await rawObject(photo.body.id as string);
    expect(storedPhoto.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    expect(entropy(await rawObject(photo.body.id as string, 'thumbnail'))).toBeGreaterThan(7.5);
    expect((await rawObject(photo.body.id as string, 'thumbnail')).includes(Buffer.from('WEBP'))).toBe(false);
  });

  it('ENC-3: a flipped byte in the first segment answers integrity_error with zero plaintext, audited', async () => {
    const pdf = largePdf(1000);
    const doc = await uploadPdf(pdf);
    const stored = await rawObject(doc.id);
    stored[40]! ^= 0x01;
    await replaceObject(doc.id, stored);
    const res = await download(ownerAgent, `/documents/${doc.id}/content`);
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = (res.body as Buffer).toString('utf8');
    expect(JSON.parse(body)).toMatchObject({ code: 'integrity_error' });
    expect(body).not.toContain('%PDF');
    const audited = await ctx.deps.db
      .getRepository(AuditEventEntity)
      .findOneBy({ action: 'document.integrity_failed', targetId: doc.id });
    expect(audited).toMatchObject({ result: 'failure', beneficiaryId: owner.id });
  });

  it('ENC-3: damage in a later segment stops the stream before the damaged segment, never sending it', async () => {
    const pdf = largePdf(400_000);
    const doc = await uploadPdf(pdf);
    const stored = await rawObject(doc.id);
    stored[stored.length - 100]! ^= 0x80; // inside the last segment
    await replaceObject(doc.id, stored);
    let received: Buffer;
    const server = await listen(ctx);
    try {
      const res = await rawGet(server.port, `/documents/${doc.id}/content`, await beneficiaryCookie(ctx, owner.id));
      expect(res.status).toBe(200);
      expect(res.complete).toBe(false);
      received = res.body;
    } finally {
      await server.close();
    }
    // Only whole, authenticated segments of the genuine file went out; the damaged last one did not.
    expect(received.length).toBeLessThan(pdf.length);
    expect(received.length % (64 * 1024)).toBe(0);
    expect(Buffer.compare(received, pdf.subarray(0, received.length))).toBe(0);
  });

  it('ENC-3: swapping two documents’ objects fails authentication', async () => {
    const first = await uploadPdf(largePdf(2000));
    const second = await uploadPdf(largePdf(2000));
    const original = await rawObject(first.id);
    await replaceObject(first.id, await rawObject(second.id));
    expect((await download(ownerAgent, `/documents/${first.id}/content`)).status).toBe(500);
    // The original and the thumbnail of one document share a key; their contexts differ.
    await replaceObject(first.id, await rawObject(first.id, 'thumbnail'));
    expect((await download(ownerAgent, `/documents/${first.id}/content`)).status).toBe(500);
    await replaceObject(first.id, original);
    expect((await download(ownerAgent, `/documents/${first.id}/content`)).status).toBe(200);
  });

  it('INT-1: the scrub finds every missing, orphan, truncated and altered object, and nothing else', async () => {
    const damaged = await Promise.all([1, 2, 3, 4].map(() => uploadPdf(largePdf(140_000))));
    // Earlier tests damaged objects on purpose: those findings are the baseline.
    const baseline = await scrubStorage(ctx.deps);
    const known = new Set(baseline.findings.map((f) => `${f.problem} ${f.key}`));
    expect(baseline.findings.some((f) => damaged.some((d) => d.id === f.documentId))).toBe(false);

    const [missing, truncated, altered, wrongDigest] = damaged as [
      (typeof damaged)[0],
      (typeof damaged)[0],
      (typeof damaged)[0],
      (typeof damaged)[0],
    ];
    await ctx.deps.storage.delete(blobKey(missing.id, 'original'));
    const full = await rawObject(truncated.id);
    await replaceObject(truncated.id, full.subarray(0, 16 + 65536 + 16)); // cut at a segment boundary
    const flipped = await rawObject(altered.id, 'thumbnail');
    flipped[flipped.length - 1]! ^= 0x01;
    await replaceObject(altered.id, flipped, 'thumbnail');
    // An authentic object with a different recorded digest (e.g. the row was edited).
    await ctx.deps.db.getRepository(DocumentEntity).update({ id: wrongDigest.id }, { sha256: 'f'.repeat(64) });
    const orphanKey = 'documents/00000000-0000-4000-8000-000000000001/original';
    await ctx.deps.storage.put(orphanKey, Readable.from([Buffer.from('left behind')]));

    const report = await scrubStorage(ctx.deps);
    expect(report.ok).toBe(false);
    expect(report.documents).toBe(baseline.documents);
    const found = report.findings.map((f) => `${f.problem} ${f.key}`).filter((f) => !known.has(f));
    expect(found.sort()).toEqual(
      [
        `missing ${blobKey(missing.id, 'original')}`,
        `truncated ${blobKey(truncated.id, 'original')}`,
        `altered ${blobKey(altered.id, 'thumbnail')}`,
        `altered ${blobKey(wrongDigest.id, 'original')}`,
        `orphan ${orphanKey}`,
      ].sort(),
    );
    const server = await listen(ctx);
    try {
      const cookie = await beneficiaryCookie(ctx, owner.id);
      // The digest is checked before the last segment leaves: the response is cut, never completed.
      const cut = await rawGet(server.port, `/documents/${wrongDigest.id}/content`, cookie);
      expect(cut.complete).toBe(false);
      expect(cut.body.length).toBeLessThan(wrongDigest.sizeBytes);
      expect((await rawGet(server.port, `/documents/${truncated.id}/content`, cookie)).status).toBe(500);
      expect((await rawGet(server.port, `/documents/${missing.id}/content`, cookie)).status).toBe(500);
    } finally {
      await server.close();
    }
  });

  it('ENC-4: rotation re-wraps every data key with the new master key; old documents still open', async () => {
    const doc = await uploadPdf(largePdf(5000));
    const original = ctx.deps.keys;
    const oldKeys = ctx.deps.config.MASTER_KEYS;
    const newKey = `k2026:${Buffer.alloc(32, 7).toString('base64')}`;
    try {
      ctx.deps.keys = MasterKeyRing.parse(`${newKey},${oldKeys}`);
      expect((await download(ownerAgent, `/documents/${doc.id}/content`)).status).toBe(200);
      const report = await rotateKeys(ctx.deps);
      expect(report.rewrapped).toBeGreaterThan(0);
      expect((await rotateKeys(ctx.deps)).rewrapped).toBe(0);
      // The old master key is gone: everything still opens, so everything was re-wrapped.
      ctx.deps.keys = MasterKeyRing.parse(newKey);
      const row = await ctx.deps.db.getRepository(DocumentEntity).findOneByOrFail({ id: doc.id });
      expect(row.keyId).toBe('k2026');
      const res = await download(ownerAgent, `/documents/${doc.id}/content`);
      expect(res.status).toBe(200);
      expect(createHashHex(res.body as Buffer)).toBe(doc.sha256);
    } finally {
      ctx.deps.keys = MasterKeyRing.parse(`${oldKeys},${newKey}`);
      await rotateKeys(ctx.deps);
      ctx.deps.keys = original;
    }
  });

  it('ENC-5: delete → trash (restorable) → purge after 30 days destroys the key and the blobs', async () => {
    const doc = await uploadPdf(largePdf(3000));
    expect((await ownerAgent.delete(`/api/documents/${doc.id}`)).status).toBe(204);
    const trash = await ownerAgent.get('/api/documents?trash=true');
    expect(trash.body.data.map((d: { id: string }) => d.id)).toContain(doc.id);
    expect((await ownerAgent.get('/api/documents')).body.data.map((d: { id: string }) => d.id)).not.toContain(doc.id);
    expect((await ownerAgent.post(`/api/documents/${doc.id}/restore`)).body.deletedAt).toBeNull();
    await ownerAgent.delete(`/api/documents/${doc.id}`);

    ctx.clock.advance(29 * DAY);
    expect((await purgeDocuments(ctx.deps)).purgedDocuments).toBe(0);
    ctx.clock.advance(2 * DAY);
    expect((await purgeDocuments(ctx.deps)).purgedDocuments).toBeGreaterThanOrEqual(1);
    expect(await ctx.deps.db.getRepository(DocumentEntity).findOneBy({ id: doc.id })).toBeNull();
    expect((await storedKeys(ctx)).filter((k) => k.includes(doc.id))).toEqual([]);
    const freshAgent = await signIn(ctx, { beneficiary: owner });
    expect((await freshAgent.get(`/api/documents/${doc.id}/content`)).status).toBe(404);
    const purged = await ctx.deps.db
      .getRepository(AuditEventEntity)
      .findOneBy({ action: 'document.purged', targetId: doc.id });
    expect(purged).not.toBeNull();
    expect(await tempFiles(ctx)).toEqual([]);
  });
});

function createHashHex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
