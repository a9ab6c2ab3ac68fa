import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeBeneficiary, signIn } from '../../test/support/factories.js';
import { createTestContext, type TestContext } from '../../test/support/test-context.js';
import { commands } from '../cli/commands.js';
import { HOUR } from '../shared/clock.js';
import { DocumentUploadEntity } from './document.entity.js';
import { createDocumentFromFile } from './document-store.js';
import { DocumentEntity } from './document.entity.js';
import { purgeDocuments, scrubStorage } from './maintenance.js';
import { simplePdf } from './media/test-support/hostile-files.js';
import { blobKey } from './storage-keys.js';
import { upload } from './test-support/vault.js';

/** The operator commands (`npm run cli -- …`) and the crash half of REL-1. */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function run(name: string, options: Record<string, string | boolean | undefined> = {}) {
  const command = commands.find((c) => c.name === name);
  if (!command) throw new Error(`no command ${name}`);
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(String(line)));
  try {
    return { code: await command.run(ctx.deps, options), output: lines.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

describe('operator commands', () => {
  it('storage:scrub exits 0 on a healthy store and 1 with the damaged keys listed', async () => {
    const beneficiary = await makeBeneficiary(ctx);
    const agent = await signIn(ctx, { beneficiary });
    const doc = await upload(agent, '/documents', simplePdf());
    expect((await run('storage:scrub')).code).toBe(0);
    await ctx.deps.storage.delete(blobKey(doc.body.id as string, 'thumbnail'));
    const damaged = await run('storage:scrub');
    expect(damaged.code).toBe(1);
    expect(damaged.output).toContain(`MISSING   ${blobKey(doc.body.id as string, 'thumbnail')}`);
    expect(damaged.output).toMatch(/PROBLEMS: \d+ documents/);
  });

  it('keys:rotate reports what it re-wrapped', async () => {
    const result = await run('keys:rotate');
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/data keys re-wrapped/);
  });

  it('documents:purge reports what it cleaned', async () => {
    const result = await run('documents:purge');
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/^Purged \d+ documents/);
  });
});

describe('REL-1: a crash between the blobs and the row', () => {
  it('is an upload in flight for an hour, then an orphan the purge removes', async () => {
    const beneficiary = await makeBeneficiary(ctx);
    const id = randomUUID();
    // What a crash right after writing the blobs leaves: a pending reservation and two objects.
    await ctx.deps.db.getRepository(DocumentUploadEntity).insert({
      id,
      beneficiaryId: beneficiary.id,
      actorKey: `beneficiary:${beneficiary.id}`,
      bytes: 100,
      status: 'pending',
      finishedAt: null,
      createdAt: ctx.clock.now(),
    });
    for (const part of ['original', 'thumbnail'] as const) {
      await ctx.deps.storage.put(blobKey(id, part), Readable.from([Buffer.from('sealed bytes')]));
    }
    const orphansOf = async () =>
      (await scrubStorage(ctx.deps)).findings.filter((f) => f.problem === 'orphan' && f.documentId === id);
    expect(await orphansOf()).toEqual([]);

    ctx.clock.advance(2 * HOUR);
    expect(await orphansOf()).toHaveLength(2);
    const report = await purgeDocuments(ctx.deps);
    expect(report.abandonedUploads).toBe(1);
    expect(await orphansOf()).toEqual([]);
    expect(await ctx.deps.storage.stat(blobKey(id, 'original'))).toBeNull();
    expect((await ctx.deps.db.getRepository(DocumentUploadEntity).findOneByOrFail({ id })).status).toBe('abandoned');
  });
});

describe('createDocumentFromFile (for the demo seed)', () => {
  it('stores a file from disk through the same pipeline, typed by code, and leaves the file alone', async () => {
    const beneficiary = await makeBeneficiary(ctx);
    const dir = await mkdtemp(join(tmpdir(), 'consigne-seed-'));
    try {
      const path = join(dir, 'Attestation CAF.pdf');
      await writeFile(path, simplePdf());
      const { id } = await createDocumentFromFile(ctx.deps, {
        beneficiaryId: beneficiary.id,
        path,
        typeCode: 'attestation-caf',
        visibility: 'shared',
      });
      const row = await ctx.deps.db.getRepository(DocumentEntity).findOneByOrFail({ id });
      expect(row).toMatchObject({ title: 'Attestation CAF', visibility: 'shared', uploadedByKind: 'beneficiary' });
      expect((await scrubStorage(ctx.deps)).findings.filter((f) => f.documentId === id)).toEqual([]);
      await expect(
        createDocumentFromFile(ctx.deps, { beneficiaryId: beneficiary.id, path, typeCode: 'nope' }),
      ).rejects.toMatchObject({ code: 'unknown_document_type' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
