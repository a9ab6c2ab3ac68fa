import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { DiskBlobStore } from './disk-blob-store.js';
import { blobStoreContract, TRAVERSAL_KEYS } from './test-support/blob-store-contract.js';
import { failingStream, patternedBytes } from './test-support/data.js';

describe('DiskBlobStore', () => {
  let parent: string;
  let store: DiskBlobStore;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'consigne-disk-'));
    store = new DiskBlobStore(join(parent, 'blobs'));
  });
  afterAll(() => rm(parent, { recursive: true, force: true }));

  blobStoreContract(() => store);

  it('writes nothing outside its root whatever the key', async () => {
    for (const key of TRAVERSAL_KEYS) await store.put(key, Readable.from([Buffer.from('x')])).catch(() => undefined);
    expect(await readdir(parent)).toEqual(['blobs']);
  });

  it('leaves no temp file behind after a failed upload', async () => {
    await expect(store.put('documents/failed/original', failingStream([patternedBytes(70_000)]))).rejects.toThrow();
    expect(await readdir(join(store.root, '.incoming'))).toEqual([]);
  });

  it('removes the emptied document directory on delete, so no id lingers', async () => {
    await store.put('documents/6f1c0d2e/original', Readable.from([Buffer.from('x')]));
    await store.put('documents/6f1c0d2e/thumbnail', Readable.from([Buffer.from('y')]));
    await store.delete('documents/6f1c0d2e/original');
    expect(await readdir(join(store.root, 'documents'))).toContain('6f1c0d2e');
    await store.delete('documents/6f1c0d2e/thumbnail');
    expect(await readdir(join(store.root, 'documents'))).not.toContain('6f1c0d2e');
  });

  it('fails the readiness ping with a 503 when its root is unusable', async () => {
    const notADirectory = join(parent, 'a-file');
    await writeFile(notADirectory, 'x');
    const error = await new DiskBlobStore(join(notADirectory, 'blobs')).ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 503, code: 'storage_unavailable' });
  });
});
