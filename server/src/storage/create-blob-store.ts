import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlobStore } from './blob-store.js';
import { DiskBlobStore } from './disk-blob-store.js';
import { S3BlobStore, type S3ConnectionOptions } from './s3-blob-store.js';

/**
 * `file:./data/blobs` (relative to the working directory), `file:/srv/blobs`, `file:///srv/blobs`
 * or `s3://bucket/optional/prefix` (connection details from `s3Options`).
 */
export function createBlobStore(url: string, s3Options?: S3ConnectionOptions): BlobStore {
  if (url.startsWith('file:')) {
    const path = url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
    if (!path) throw new Error('STORAGE_URL file: needs a directory, e.g. file:./data/blobs');
    return new DiskBlobStore(resolve(process.cwd(), path));
  }
  const s3 = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (s3) {
    if (!s3Options) throw new Error('STORAGE_URL s3:// needs the S3 connection options (region, endpoint…)');
    const prefix = (s3[2] ?? '').replace(/^\/+|\/+$/g, '');
    return new S3BlobStore({ ...s3Options, bucket: s3[1]!, ...(prefix ? { prefix } : {}) });
  }
  throw new Error('STORAGE_URL must be file:<directory> (e.g. file:./data/blobs) or s3://bucket[/prefix]');
}
