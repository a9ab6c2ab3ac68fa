import { request } from 'node:http';
import sharp from 'sharp';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBeneficiary, makeFollow, makeStructure, makeStaff, signIn } from '../../test/support/factories.js';
import { createTestContext, TEST_ORIGIN, type TestContext } from '../../test/support/test-context.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { settleBackground } from '../auth/background.js';
import type { Beneficiary } from '../beneficiaries/beneficiary.entity.js';
import { DocumentEntity, DocumentUploadEntity } from './document.entity.js';
import { scrubStorage } from './maintenance.js';
import { startFakeClamd, unusedPort, type FakeClamd } from './media/test-support/fake-clamd.js';
import {
  eicar,
  encryptedPdf,
  htmlPage,
  pdfWithEmbeddedFile,
  pdfWithEscapedJavaScriptNameTree,
  pdfWithFileAttachmentAnnotation,
  pdfWithJavaScriptHiddenInStream,
  pdfWithJavaScriptInObjectStream,
  pdfWithLaunchAction,
  pdfWithOpenActionJavaScript,
  pixelBombPng,
  simplePdf,
  svgImage,
  truncatedJpeg,
  truncatedPdf,
  windowsExecutable,
  zipArchive,
} from './media/test-support/hostile-files.js';
import { noisyPhoto, SECRET_MARKERS, sidewaysJpegWithMetadata, tinyHeic } from './media/test-support/sample-images.js';
import { UPLOADS_PER_HOUR } from './upload-limits.js';
import { beneficiaryCookie, download, largePdf, listen, storedKeys, tempFiles, upload } from './test-support/vault.js';

/**
 * The upload pipeline through the API (UP-1..8, REL-1): every refusal is a French problem+json
 * with the right status, and leaves no row, no blob and no temp file behind.
 */

const MAX_BYTES = 600_000;
const QUOTA = 1_500_000;

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ UPLOAD_MAX_BYTES: String(MAX_BYTES), VAULT_QUOTA_BYTES: String(QUOTA) });
});
afterAll(async () => {
  await settleBackground();
  await ctx.close();
});

async function freshOwner(): Promise<{ beneficiary: Beneficiary; agent: supertest.Agent }> {
  const beneficiary = await makeBeneficiary(ctx);
  return { beneficiary, agent: await signIn(ctx, { beneficiary }) };
}

/** Nothing of a refused upload remains: no row, no object, no temp file, no pending reservation. */
async function expectNothingStored(beneficiaryId: string) {
  expect(await ctx.deps.db.getRepository(DocumentEntity).countBy({ beneficiaryId })).toBe(0);
  expect(await ctx.deps.db.getRepository(DocumentUploadEntity).countBy({ beneficiaryId, status: 'pending' })).toBe(0);
  expect(await tempFiles(ctx)).toEqual([]);
  expect((await scrubStorage(ctx.deps)).findings).toEqual([]);
}

describe('UP-1: the type comes from the content, never from the name', () => {
  it.each([
    ['an SVG with a script named photo.jpg', svgImage(), 'photo.jpg'],
    ['an HTML page named releve.pdf', htmlPage(), 'releve.pdf'],
    ['a Windows executable named scan.pdf', windowsExecutable(), 'scan.pdf'],
    ['a ZIP (Office) archive named attestation.pdf', zipArchive(), 'attestation.pdf'],
  ])('refuses %s with 415 and stores nothing', async (_label, content, name) => {
    const { beneficiary, agent } = await freshOwner();
    const res = await upload(agent, '/documents', content, { name });
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'unsupported_type', title: expect.stringContaining('PDF') });
    await expectNothingStored(beneficiary.id);
  });

  it('accepts a PDF, a JPEG and a HEIC photo (converted to JPEG)', async () => {
    const { agent } = await freshOwner();
    expect((await upload(agent, '/documents', simplePdf(), { name: 'a.pdf' })).body.mime).toBe('application/pdf');
    expect((await upload(agent, '/documents', await noisyPhoto(300, 200), { name: 'b.jpg' })).body.mime).toBe(
      'image/jpeg',
    );
    const heic = await upload(agent, '/documents', tinyHeic(), { name: 'IMG_0001.HEIC' });
    expect(heic.status).toBe(201);
    expect(heic.body.mime).toBe('image/jpeg');
  });
});

describe('UP-2: size cap while streaming', () => {
  it('answers 413 past UPLOAD_MAX_BYTES and keeps nothing', async () => {
    const { beneficiary, agent } = await freshOwner();
    const res = await upload(agent, '/documents', largePdf(MAX_BYTES + 10_000), { name: 'gros.pdf' });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'file_too_large', maxBytes: MAX_BYTES });
    expect(res.body.title).toMatch(/trop lourd/);
    await expectNothingStored(beneficiary.id);
  });
});

describe('UP-3: pixel cap', () => {
  it('refuses a 20000 × 20000 PNG in under 2 s with under 100 MB of memory growth', async () => {
    const { beneficiary, agent } = await freshOwner();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = performance.now();
    const res = await upload(agent, '/documents', pixelBombPng(), { name: 'photo.png' });
    const elapsed = performance.now() - started;
    clearInterval(sampler);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('image_too_large');
    expect(elapsed).toBeLessThan(2000);
    expect(peak - baseline).toBeLessThan(100 * 1024 * 1024);
    await expectNothingStored(beneficiary.id);
  });
});

describe('UP-4: dangerous or damaged PDFs and images', () => {
  it.each([
    ['JavaScript run on open', pdfWithOpenActionJavaScript(), 'pdf_javascript'],
    ['JavaScript in an escaped name tree', pdfWithEscapedJavaScriptNameTree(), 'pdf_javascript'],
    ['JavaScript in an object stream', pdfWithJavaScriptInObjectStream(), 'pdf_javascript'],
    ['JavaScript hidden inside another stream', pdfWithJavaScriptHiddenInStream(), 'pdf_javascript'],
    ['a launch action', pdfWithLaunchAction(), 'pdf_launch_action'],
    ['an embedded file', pdfWithEmbeddedFile(), 'pdf_embedded_file'],
    ['a file attachment annotation', pdfWithFileAttachmentAnnotation(), 'pdf_embedded_file'],
    ['a password', encryptedPdf(), 'pdf_encrypted'],
    ['a truncated body', truncatedPdf(), 'pdf_corrupt'],
  ])('refuses a PDF with %s (422) and stores nothing', async (_label, content, code) => {
    const { beneficiary, agent } = await freshOwner();
    const res = await upload(agent, '/documents', content, { name: 'document.pdf' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe(code);
    await expectNothingStored(beneficiary.id);
    const audit = await ctx.deps.db
      .getRepository(AuditEventEntity)
      .findOneBy({ beneficiaryId: beneficiary.id, action: 'document.uploaded', result: 'failure' });
    expect(audit?.details).toContain(code);
  });

  it('refuses a truncated JPEG (422) and stores nothing', async () => {
    const { beneficiary, agent } = await freshOwner();
    const res = await upload(agent, '/documents', await truncatedJpeg(), { name: 'photo.jpg' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('image_corrupt');
    await expectNothingStored(beneficiary.id);
  });

  it('combines several photos of one paper into one PDF, and refuses several files without combine', async () => {
    const { agent } = await freshOwner();
    const files = [
      { content: await noisyPhoto(400, 300), name: 'recto.jpg' },
      { content: await noisyPhoto(400, 300), name: 'verso.jpg' },
    ];
    const refused = await upload(agent, '/documents', null, { files });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('one_file_at_a_time');
    const combined = await upload(agent, '/documents', null, { files, fields: { combine: 'true' } });
    expect(combined.status).toBe(201);
    expect(combined.body).toMatchObject({ mime: 'application/pdf', pages: 2, title: 'recto' });
  });

  it('refuses an upload without a file, and unknown form fields', async () => {
    const { agent } = await freshOwner();
    expect((await upload(agent, '/documents', null, { fields: { title: 'x' } })).status).toBe(422);
    const unknown = await upload(agent, '/documents', simplePdf(), { fields: { visibility: 'shared' } });
    expect(unknown.status).toBe(400);
    const wrongField = await agent.post('/api/documents').attach('file', simplePdf(), 'a.pdf');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.code).toBe('malformed_upload');
    expect(await tempFiles(ctx)).toEqual([]);
  });
});

describe('UP-5: names are metadata only', () => {
  it('stores under a server key and keeps a cleaned title', async () => {
    const { beneficiary, agent } = await freshOwner();
    const res = await upload(agent, '/documents', simplePdf(), { name: '../../etc/avis\u202Efdp.exe.pdf' });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe('avisfdp.exe');
    const keys = (await storedKeys(ctx)).filter((k) => k.includes(res.body.id as string));
    expect(keys).toEqual([`documents/${res.body.id}/original`, `documents/${res.body.id}/thumbnail`]);
    expect(res.body).not.toHaveProperty('path');
    expect(await ctx.deps.db.getRepository(DocumentEntity).countBy({ beneficiaryId: beneficiary.id })).toBe(1);
  });
});

describe('UP-6: metadata stripped, photos upright', () => {
  it('removes EXIF, GPS and XMP and turns a sideways photo', async () => {
    const { agent } = await freshOwner();
    const res = await upload(agent, '/documents', await sidewaysJpegWithMetadata(), { name: 'photo.jpg' });
    expect(res.status).toBe(201);
    const file = (await download(agent, `/documents/${res.body.id}/content`)).body as Buffer;
    const metadata = await sharp(file).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect([metadata.width, metadata.height]).toEqual([100, 200]);
    for (const marker of SECRET_MARKERS) expect(file.toString('latin1')).not.toContain(marker);
  });
});

describe('UP-7: quota and rate', () => {
  it('refuses an upload past the vault quota with a clear 413, counting the trash', async () => {
    const { beneficiary, agent } = await freshOwner();
    const first = await upload(agent, '/documents', largePdf(500_000));
    expect(first.status).toBe(201);
    expect((await upload(agent, '/documents', largePdf(500_000))).status).toBe(201);
    await agent.delete(`/api/documents/${first.body.id}`);
    const refused = await upload(agent, '/documents', largePdf(500_000));
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ code: 'quota_exceeded', quotaBytes: QUOTA });
    expect(refused.body.title).toMatch(/coffre-fort est plein/);
    expect(await ctx.deps.db.getRepository(DocumentEntity).countBy({ beneficiaryId: beneficiary.id })).toBe(2);
    expect(await tempFiles(ctx)).toEqual([]);
  });

  it(`refuses the upload after ${UPLOADS_PER_HOUR} in an hour with 429 and Retry-After`, async () => {
    const { beneficiary, agent } = await freshOwner();
    const now = ctx.clock.now().getTime();
    await ctx.deps.db.getRepository(DocumentUploadEntity).insert(
      Array.from({ length: UPLOADS_PER_HOUR }, (_, i) => ({
        id: crypto.randomUUID(),
        beneficiaryId: beneficiary.id,
        actorKey: `beneficiary:${beneficiary.id}`,
        bytes: 1000,
        status: 'stored' as const,
        finishedAt: new Date(now - 59 * 60_000 + i),
        createdAt: new Date(now - 59 * 60_000 + i),
      })),
    );
    const refused = await upload(agent, '/documents', simplePdf());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.code).toBe('upload_rate_exceeded');
    expect(refused.body.title).toMatch(/par heure/);
    ctx.clock.advance(2 * 60_000);
    expect((await upload(agent, '/documents', simplePdf())).status).toBe(201);
  });
});

describe('UP-8: antivirus (clamd)', () => {
  let clamd: FakeClamd;
  let avCtx: TestContext;
  let downCtx: TestContext;

  beforeAll(async () => {
    clamd = await startFakeClamd();
    avCtx = await createTestContext({ CLAMAV_URL: clamd.url });
    downCtx = await createTestContext({ CLAMAV_URL: `tcp://127.0.0.1:${await unusedPort()}` });
  });
  afterAll(async () => {
    await avCtx.close();
    await downCtx.close();
    await clamd.close();
  });

  it('refuses EICAR (422) and scans clean files before storing them', async () => {
    const beneficiary = await makeBeneficiary(avCtx);
    const agent = await signIn(avCtx, { beneficiary });
    const infected = await upload(agent, '/documents', eicar(), { name: 'facture.pdf' });
    expect(infected.status).toBe(422);
    expect(infected.body.code).toBe('virus_found');
    const clean = await upload(agent, '/documents', simplePdf());
    expect(clean.status).toBe(201);
    expect(clamd.received.some((stream) => stream.equals(simplePdf()))).toBe(true);
    expect(await avCtx.deps.db.getRepository(DocumentEntity).countBy({ beneficiaryId: beneficiary.id })).toBe(1);
  });

  it('fails closed (503) when clamd is configured but down', async () => {
    const beneficiary = await makeBeneficiary(downCtx);
    const agent = await signIn(downCtx, { beneficiary });
    const res = await upload(agent, '/documents', simplePdf());
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('antivirus_unavailable');
    expect(await downCtx.deps.db.getRepository(DocumentEntity).countBy({ beneficiaryId: beneficiary.id })).toBe(0);
  });
});

describe('REL-1: aborted uploads leave neither half', () => {
  function multipartHead(boundary: string) {
    return Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="scan.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    );
  }

  /** Sends the headers and `sendBytes` of the body, then cuts the connection. */
  function abortedUpload(port: number, cookie: string, file: Buffer, sendBytes: number | 'all'): Promise<void> {
    const boundary = `----consigne${Math.random().toString(16).slice(2)}`;
    const head = multipartHead(boundary);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const body = Buffer.concat([head, file, tail]);
    return new Promise((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/documents',
        headers: {
          Cookie: cookie,
          Origin: TEST_ORIGIN,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(body.length),
        },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.on('response', (res) => res.resume());
      const part = sendBytes === 'all' ? body : body.subarray(0, head.length + sendBytes);
      req.write(part, () => {
        // Give the server a moment to start on it, then vanish mid-request.
        setTimeout(() => req.destroy(), sendBytes === 'all' ? 5 : 2);
      });
    });
  }

  it('100 aborted uploads: no row without its blobs, no orphan blob, no temp file', async () => {
    const beneficiary = await makeBeneficiary(ctx);
    const cookie = await beneficiaryCookie(ctx, beneficiary.id);
    const server = await listen(ctx);
    const file = largePdf(400_000);
    try {
      for (let round = 0; round < 10; round++) {
        await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            abortedUpload(server.port, cookie, file, i === 9 ? 'all' : 50_000 + 30_000 * i),
          ),
        );
      }
      // Let the server finish reacting to the aborts (slow under load: the loop exits as soon as all settled).
      const deadline = Date.now() + 30_000;
      const repo = ctx.deps.db.getRepository(DocumentUploadEntity);
      while (Date.now() < deadline) {
        const pending = await repo.countBy({ beneficiaryId: beneficiary.id, status: 'pending' });
        if (pending === 0 && (await tempFiles(ctx)).length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await server.close();
    }
    expect(await tempFiles(ctx)).toEqual([]);
    expect(
      await ctx.deps.db
        .getRepository(DocumentUploadEntity)
        .countBy({ beneficiaryId: beneficiary.id, status: 'pending' }),
    ).toBe(0);
    const report = await scrubStorage(ctx.deps);
    expect(report.findings.filter((f) => f.problem === 'orphan')).toEqual([]);
    expect(report.findings).toEqual([]);
    // Any upload that did commit before noticing the abort is whole (the scrub verified it).
    const rows = await ctx.deps.db.getRepository(DocumentEntity).countBy({ beneficiaryId: beneficiary.id });
    expect(rows).toBeLessThanOrEqual(10);
  }, 60_000);
});

describe('depositDocument', () => {
  it('lets a referent deposit a shared paper; the beneficiary is told by SMS and can make it private', async () => {
    const structure = await makeStructure(ctx, { name: 'CCAS Dépôt' });
    const beneficiary = await makeBeneficiary(ctx, { followedBy: [structure] });
    const referent = await signIn(ctx, { staff: await makeStaff(ctx, { structure }), structure });
    const res = await upload(referent, `/beneficiaries/${beneficiary.id}/documents`, simplePdf(), {
      name: 'Courrier.pdf',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      visibility: 'shared',
      uploadedBy: { kind: 'staff', structure: { id: structure.id, name: 'CCAS Dépôt' } },
    });
    await settleBackground();
    const sms = ctx.deps.outbox!.list({ to: beneficiary.phone, channel: 'sms' })[0];
    expect(sms?.text).toMatch(/nouveau document/);
    expect(sms?.text).not.toContain('Courrier');
    expect(sms?.text).not.toContain('CCAS');

    const owner = await signIn(ctx, { beneficiary });
    const mine = await owner.get('/api/documents');
    expect(mine.body.data[0]).toMatchObject({ id: res.body.id, visibility: 'shared' });
    await owner.put(`/api/documents/${res.body.id}/visibility`).send({ visibility: 'private' });
    expect((await referent.get(`/api/beneficiaries/${beneficiary.id}/documents`)).body.total).toBe(0);
    const log = await owner.get('/api/me/access-log');
    expect(log.body.data.map((e: { action: string }) => e.action)).toContain('document.deposited');
  });

  it('does not hold deposits to the vault quota, so a refusal cannot reveal the size of private papers', async () => {
    const { beneficiary, agent } = await freshOwner();
    expect((await upload(agent, '/documents', largePdf(500_000))).status).toBe(201);
    expect((await upload(agent, '/documents', largePdf(500_000))).status).toBe(201);
    expect((await upload(agent, '/documents', largePdf(500_000))).status).toBe(413);
    const structure = await makeStructure(ctx);
    await makeFollow(ctx, structure, beneficiary);
    const referent = await signIn(ctx, { staff: await makeStaff(ctx, { structure }), structure });
    const deposit = await upload(referent, `/beneficiaries/${beneficiary.id}/documents`, largePdf(500_000));
    expect(deposit.status).toBe(201);
  });

  it('refuses a deposit into a vault the structure does not follow (404), before reading the file', async () => {
    const structure = await makeStructure(ctx);
    const stranger = await makeBeneficiary(ctx);
    const referent = await signIn(ctx, { staff: await makeStaff(ctx, { structure }), structure });
    const res = await upload(referent, `/beneficiaries/${stranger.id}/documents`, simplePdf());
    expect(res.status).toBe(404);
    await expectNothingStored(stranger.id);
  });
});
