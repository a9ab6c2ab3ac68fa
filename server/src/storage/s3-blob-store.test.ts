import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { getDecrypted, putEncrypted } from './encrypted-blob.js';
import { generateDataKey } from './master-keys.js';
import { S3BlobStore } from './s3-blob-store.js';
import { blobStoreContract } from './test-support/blob-store-contract.js';
import { failingStream, patternedBytes, sha256 } from './test-support/data.js';
import { startTestS3Server, type TestS3Server } from './test-support/s3rver.js';

const MiB = 1024 * 1024;

describe('S3BlobStore against s3rver', () => {
  let server: TestS3Server;
  let store: S3BlobStore;

  beforeAll(async () => {
    server = await startTestS3Server();
    store = new S3BlobStore({ ...server.connection, bucket: server.bucket, prefix: 'consigne/test' });
  });
  afterAll(async () => {
    store.destroy();
    await server.close();
  });

  blobStoreContract(() => store);

  it('uploads a body larger than one part (multipart) and reads it back, whole and ranged', async () => {
    const data = patternedBytes(11 * MiB + 3, 5);
    await expect(
      store.put('big/raw', Readable.from([data.subarray(0, 4 * MiB), data.subarray(4 * MiB)])),
    ).resolves.toEqual({
      size: data.length,
    });
    expect(sha256(await buffer(await store.get('big/raw')))).toBe(sha256(data));
    const range = { start: 5 * MiB - 2, end: 5 * MiB + 2 };
    expect(await buffer(await store.get('big/raw', range))).toEqual(data.subarray(range.start, range.end + 1));
  });

  it('round-trips a multipart encrypted object', async () => {
    const data = patternedBytes(6 * MiB, 9);
    const dataKey = generateDataKey();
    const result = await putEncrypted(store, 'big/encrypted', Readable.from([data]), dataKey, 'big:original');
    expect(result.sha256).toBe(sha256(data));
    expect(sha256(await buffer(await getDecrypted(store, 'big/encrypted', dataKey, 'big:original')))).toBe(
      sha256(data),
    );
  });

  it('leaves no object when a multipart upload fails after its first part', async () => {
    const failure = new Error('client went away');
    const body = failingStream([patternedBytes(6 * MiB)], failure);
    await expect(store.put('big/aborted', body)).rejects.toBe(failure);
    expect(await store.stat('big/aborted')).toBeNull();
    const keys: string[] = [];
    for await (const { key } of store.list('big/')) keys.push(key);
    expect(keys).not.toContain('big/aborted');
  });

  it('keeps its objects under the configured prefix of the bucket', async () => {
    await store.put('prefixed/x', Readable.from([Buffer.from('x')]));
    const whole = new S3BlobStore({ ...server.connection, bucket: server.bucket });
    try {
      expect(await whole.stat('consigne/test/prefixed/x')).toEqual({ size: 1 });
      expect(await whole.stat('prefixed/x')).toBeNull();
    } finally {
      whole.destroy();
    }
  });

  it('fails the readiness ping with a 503 for a missing bucket', async () => {
    const missing = new S3BlobStore({ ...server.connection, bucket: 'no-such-bucket' });
    try {
      const error = await missing.ping().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 503, code: 'storage_unavailable' });
    } finally {
      missing.destroy();
    }
  });

  it('answers 503 on every operation while the service is down', async () => {
    const other = await startTestS3Server('gone-bucket');
    const gone = new S3BlobStore({ ...other.connection, bucket: other.bucket });
    await other.close();
    try {
      for (const operation of [
        () => gone.ping(),
        () => gone.stat('a/b'),
        () => gone.get('a/b'),
        () => gone.put('a/b', Readable.from([Buffer.from('x')])),
      ]) {
        await expect(operation()).rejects.toMatchObject({ status: 503, code: 'storage_unavailable' });
      }
    } finally {
      gone.destroy();
    }
  });
});
