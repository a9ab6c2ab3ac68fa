import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlobStore } from './create-blob-store.js';
import { DiskBlobStore } from './disk-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';
import { startTestS3Server, type TestS3Server } from './test-support/s3rver.js';

describe('createBlobStore', () => {
  it('opens file:./relative directories from the working directory', () => {
    const store = createBlobStore('file:./data/blobs');
    expect(store).toBeInstanceOf(DiskBlobStore);
    expect((store as DiskBlobStore).root).toBe(resolve(process.cwd(), 'data/blobs'));
  });

  it('opens absolute file: paths and file:// URLs', () => {
    expect((createBlobStore('file:/srv/consigne/blobs') as DiskBlobStore).root).toBe('/srv/consigne/blobs');
    expect((createBlobStore('file:///srv/consigne/blobs') as DiskBlobStore).root).toBe('/srv/consigne/blobs');
  });

  it('refuses other schemes, and s3:// without connection options, naming STORAGE_URL', () => {
    expect(() => createBlobStore('http://example.org/blobs')).toThrow(/STORAGE_URL/);
    expect(() => createBlobStore('s3://Bad_Bucket', { region: 'us-east-1', forcePathStyle: true })).toThrow(
      /STORAGE_URL/,
    );
    expect(() => createBlobStore('s3://consigne')).toThrow(/STORAGE_URL/);
    expect(() => createBlobStore('file:')).toThrow(/STORAGE_URL/);
  });

  describe('s3://', () => {
    let server: TestS3Server;
    beforeAll(async () => {
      server = await startTestS3Server('consigne-factory');
    });
    afterAll(() => server.close());

    it('opens the bucket and prefix of the URL with the given connection', async () => {
      const store = createBlobStore('s3://consigne-factory/prod/blobs/', server.connection) as S3BlobStore;
      const whole = new S3BlobStore({ ...server.connection, bucket: 'consigne-factory' });
      try {
        expect(store).toMatchObject({ bucket: 'consigne-factory', prefix: 'prod/blobs' });
        await store.put('documents/x/original', Readable.from([Buffer.from('abc')]));
        expect(await whole.stat('prod/blobs/documents/x/original')).toEqual({ size: 3 });
      } finally {
        store.destroy();
        whole.destroy();
      }
    });

    it('uses the bucket root when the URL has no prefix', () => {
      const store = createBlobStore('s3://consigne-factory', server.connection) as S3BlobStore;
      expect(store).toMatchObject({ bucket: 'consigne-factory', prefix: '' });
      store.destroy();
    });
  });
});
