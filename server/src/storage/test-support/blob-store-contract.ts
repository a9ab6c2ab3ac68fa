import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  BlobNotFoundError,
  InvalidBlobKeyError,
  InvalidBlobRangeError,
  type BlobInfo,
  type BlobStore,
} from '../blob-store.js';
import { getDecrypted, putEncrypted } from '../encrypted-blob.js';
import { generateDataKey } from '../master-keys.js';
import { ciphertextSize, SEGMENT_SIZE } from '../segmented-cipher.js';
import { expectSameBytes, failingStream, patternedBytes, sha256 } from './data.js';

export const ROUND_TRIP_SIZES = [0, 1, 65_535, 65_536, 65_537, 3 * 1024 * 1024];

export const TRAVERSAL_KEYS = [
  '',
  '.',
  '..',
  '../outside',
  'documents/../../outside',
  '/etc/passwd',
  'documents//x',
  'documents/x/',
  'documents/./x',
  'documents/.hidden',
  'Documents/X',
  'documents\\..\\x',
  'documents/%2e%2e/x',
  'documents/a b',
  'documents/\u0000x',
  'documents/é',
  'x'.repeat(513),
];

const newKey = () => `documents/${randomUUID()}/original`;

async function collect(iterable: AsyncIterable<BlobInfo>): Promise<BlobInfo[]> {
  const out: BlobInfo[] = [];
  for await (const item of iterable) out.push(item);
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** Behaviour every `BlobStore` driver must show; `store()` is called inside each test. */
export function blobStoreContract(store: () => BlobStore): void {
  describe('BlobStore contract', () => {
    it.each(ROUND_TRIP_SIZES)('stores and returns %i bytes unchanged, reporting their size', async (size) => {
      const data = patternedBytes(size, size + 7);
      const key = newKey();
      await expect(store().put(key, Readable.from([data]))).resolves.toEqual({ size });
      expectSameBytes(await buffer(await store().get(key)), data);
      expect(await store().stat(key)).toEqual({ size });
    });

    it.each(ROUND_TRIP_SIZES)('round-trips %i bytes encrypted, with the plaintext digest', async (size) => {
      const data = patternedBytes(size, size + 11);
      const key = newKey();
      const dataKey = generateDataKey();
      const result = await putEncrypted(store(), key, Readable.from([data]), dataKey, `${key}:original`);
      expect(result).toEqual({ sha256: sha256(data), size, storedSize: ciphertextSize(size) });
      expect(await store().stat(key)).toEqual({ size: ciphertextSize(size) });
      expectSameBytes(await buffer(await getDecrypted(store(), key, dataKey, `${key}:original`)), data);
    });

    it('reads inclusive byte ranges of a stored object', async () => {
      const data = patternedBytes(200_000);
      const key = newKey();
      await store().put(key, Readable.from([data]));
      for (const [start, end] of [
        [0, 0],
        [10, 19],
        [65_535, 65_536],
        [199_999, 199_999],
        [0, 199_999],
      ] as const) {
        expectSameBytes(await buffer(await store().get(key, { start, end })), data.subarray(start, end + 1));
      }
    });

    it('reads exact plaintext ranges of an encrypted object across segment boundaries', async () => {
      const size = 3 * SEGMENT_SIZE + 5;
      const data = patternedBytes(size, 3);
      const key = newKey();
      const dataKey = generateDataKey();
      await putEncrypted(store(), key, Readable.from([data]), dataKey, 'ctx');
      const S = SEGMENT_SIZE;
      for (const [start, end] of [
        [0, 0],
        [S - 1, S],
        [S, S],
        [S - 1, 2 * S],
        [100, 2 * S + 3],
        [3 * S, size - 1],
        [size - 1, size - 1],
        [0, size - 1],
      ] as const) {
        const range = await getDecrypted(store(), key, dataKey, 'ctx', { start, end });
        expectSameBytes(await buffer(range), data.subarray(start, end + 1), `range ${start}-${end}`);
      }
    });

    it('throws BlobNotFoundError for a missing object, whole or ranged, and stat gives null', async () => {
      const key = newKey();
      await expect(store().get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
      await expect(store().get(key, { start: 0, end: 10 })).rejects.toBeInstanceOf(BlobNotFoundError);
      expect(await store().stat(key)).toBeNull();
    });

    it('refuses a range that starts past the end of the object', async () => {
      const key = newKey();
      await store().put(key, Readable.from([Buffer.from('0123456789')]));
      await expect(store().get(key, { start: 10, end: 20 })).rejects.toBeInstanceOf(InvalidBlobRangeError);
      await expect(store().get(key, { start: 5, end: 4 })).rejects.toBeInstanceOf(InvalidBlobRangeError);
    });

    it('replaces an object put again under the same key', async () => {
      const key = newKey();
      await store().put(key, Readable.from([Buffer.from('first version')]));
      await store().put(key, Readable.from([Buffer.from('second')]));
      expect((await buffer(await store().get(key))).toString()).toBe('second');
    });

    it('deletes an object, and deleting it again still succeeds', async () => {
      const key = newKey();
      await store().put(key, Readable.from([Buffer.from('to be shredded')]));
      await store().delete(key);
      expect(await store().stat(key)).toBeNull();
      await expect(store().delete(key)).resolves.toBeUndefined();
    });

    it('lists the objects under a prefix with their sizes, and only those', async () => {
      const folder = `lists/${randomUUID()}`;
      await store().put(`${folder}/a/original`, Readable.from([Buffer.alloc(3)]));
      await store().put(`${folder}/a/thumbnail`, Readable.from([Buffer.alloc(5)]));
      await store().put(`${folder}/b/original`, Readable.from([Buffer.alloc(0)]));
      await store().put(`${folder}-sibling/x`, Readable.from([Buffer.alloc(1)]));
      expect(await collect(store().list(`${folder}/`))).toEqual([
        { key: `${folder}/a/original`, size: 3 },
        { key: `${folder}/a/thumbnail`, size: 5 },
        { key: `${folder}/b/original`, size: 0 },
      ]);
      expect(await collect(store().list(`${folder}/a/t`))).toEqual([{ key: `${folder}/a/thumbnail`, size: 5 }]);
      expect(await collect(store().list(`${folder}`))).toHaveLength(4);
      expect(await collect(store().list(`${folder}/none/`))).toEqual([]);
      expect((await collect(store().list())).map((b) => b.key)).toContain(`${folder}/b/original`);
    });

    it('keeps nothing of a body that fails mid-upload, and leaves the previous version intact', async () => {
      const fresh = newKey();
      const failure = new Error('client went away');
      await expect(store().put(fresh, failingStream([patternedBytes(100_000)], failure))).rejects.toBe(failure);
      expect(await store().stat(fresh)).toBeNull();

      const existing = newKey();
      await store().put(existing, Readable.from([Buffer.from('kept')]));
      await expect(store().put(existing, failingStream([patternedBytes(100_000)]))).rejects.toThrow('client went away');
      expect((await buffer(await store().get(existing))).toString()).toBe('kept');
    });

    it('shows no object to readers while its body is still arriving', async () => {
      const key = newKey();
      const body = new PassThrough();
      const putting = store().put(key, body);
      body.write(patternedBytes(100_000));
      await sleep(50);
      expect(await store().stat(key)).toBeNull();
      await expect(store().get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
      body.end(patternedBytes(1000));
      await expect(putting).resolves.toEqual({ size: 101_000 });
    });

    it.each(TRAVERSAL_KEYS.map((key) => [JSON.stringify(key).slice(0, 40), key]))(
      'refuses the key %s on every operation',
      async (_label, key) => {
        const body = Readable.from([Buffer.from('x')]);
        await expect(store().put(key, body)).rejects.toBeInstanceOf(InvalidBlobKeyError);
        expect(body.destroyed).toBe(true);
        await expect(store().get(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
        await expect(store().stat(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
        await expect(store().delete(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      },
    );

    it('answers the readiness ping', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
    });
  });
}
