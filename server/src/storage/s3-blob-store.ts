import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import {
  assertValidBlobKey,
  assertValidBlobPrefix,
  assertValidRange,
  BlobNotFoundError,
  InvalidBlobRangeError,
  storageUnavailable,
  type BlobInfo,
  type BlobStore,
  type ByteRange,
} from './blob-store.js';

export interface S3ConnectionOptions {
  /** For S3-compatible services (Scaleway, OVH, MinIO, Garage…); AWS when absent. */
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  /** Both or neither; without them the SDK's default chain (environment, instance role) applies. */
  accessKeyId?: string;
  secretAccessKey?: string;
}

export interface S3BlobStoreOptions extends S3ConnectionOptions {
  bucket: string;
  /** Folder inside the bucket, e.g. `consigne/prod`; keys are stored as `<prefix>/<key>`. */
  prefix?: string;
}

const PART_SIZE = 5 * 1024 * 1024;
// Each upload holds up to (queue + 1) parts in memory: two in flight is enough on two cores.
const UPLOAD_QUEUE_SIZE = 2;
const CONNECTION_TIMEOUT_MS = 5_000;

interface S3ServiceError {
  name: string;
  $metadata: { httpStatusCode?: number };
}

const isS3Error = (error: unknown): error is S3ServiceError =>
  error instanceof Error && typeof (error as Partial<S3ServiceError>).$metadata === 'object';

const isNotFound = (error: unknown): boolean =>
  isS3Error(error) && (error.name === 'NoSuchKey' || error.name === 'NotFound');

/** Anything the service (or the way to it) answered that is not about the object: a 503, not a 500. */
const translate = (error: unknown): unknown => (isS3Error(error) ? storageUnavailable(error) : error);

class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    callback(null, chunk);
  }
}

/**
 * Some S3-compatible services answer a range with more than asked (s3rver reads `bytes=0-0` as
 * `0-`, others ignore Range and send the whole object): cut the answer down to what was asked.
 */
function narrowToRange(body: Readable, contentRange: string | undefined, range: ByteRange): Readable {
  const served = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(contentRange ?? '');
  const servedStart = served ? Number(served[1]) : 0;
  if (served && servedStart === range.start && Number(served[2]) <= range.end) return body;
  if (servedStart > range.start) {
    body.destroy();
    throw new Error(`S3 answered bytes ${contentRange} to a request for ${range.start}-${range.end}`);
  }
  return Readable.from(
    (async function* () {
      let skip = range.start - servedStart;
      let remaining = range.end - range.start + 1;
      for await (const chunk of body as AsyncIterable<Buffer>) {
        const part = chunk.subarray(Math.min(skip, chunk.length)).subarray(0, remaining);
        skip = Math.max(0, skip - chunk.length);
        remaining -= part.length;
        if (part.length > 0) yield part;
        if (remaining === 0) return;
      }
    })(),
    { objectMode: false },
  );
}

/** Any S3-compatible object store. Big bodies go up as multipart uploads, aborted on failure. */
export class S3BlobStore implements BlobStore {
  readonly bucket: string;
  readonly prefix: string;
  readonly #client: S3Client;

  constructor(options: S3BlobStoreOptions) {
    const { endpoint, region, forcePathStyle, accessKeyId, secretAccessKey, bucket, prefix = '' } = options;
    if (prefix !== '') assertValidBlobKey(prefix);
    if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
      throw new Error('S3 credentials need both an access key id and a secret access key');
    }
    this.bucket = bucket;
    this.prefix = prefix;
    this.#client = new S3Client({
      region,
      forcePathStyle,
      ...(endpoint ? { endpoint } : {}),
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
      // The newer flexible checksums are not implemented by many S3-compatible services, and
      // integrity is ours anyway (AEAD tags and SHA-256 of the plaintext).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS },
    });
  }

  async put(key: string, body: Readable): Promise<{ size: number }> {
    let objectKey: string;
    try {
      objectKey = this.#objectKey(key);
    } catch (error) {
      body.destroy();
      throw error;
    }
    let bodyError: unknown;
    body.once('error', (error) => (bodyError = error));
    const counter = new ByteCounter();
    // Errors reach the upload through `counter`, which the pipeline destroys with them.
    pipeline(body, counter, () => undefined);
    // Without leavePartsOnError, a failed upload sends AbortMultipartUpload: no object, no parts.
    const upload = new Upload({
      client: this.#client,
      params: { Bucket: this.bucket, Key: objectKey, Body: counter },
      partSize: PART_SIZE,
      queueSize: UPLOAD_QUEUE_SIZE,
    });
    try {
      await upload.done();
      return { size: counter.bytes };
    } catch (error) {
      counter.destroy();
      throw bodyError ?? translate(error);
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const objectKey = this.#objectKey(key);
    if (range) assertValidRange(range);
    try {
      const { Body, ContentRange } = await this.#client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: objectKey,
          ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
        }),
      );
      if (!(Body instanceof Readable)) throw new Error('S3 GetObject returned no readable body');
      return range ? narrowToRange(Body, ContentRange, range) : Body;
    } catch (error) {
      if (isNotFound(error)) throw new BlobNotFoundError(key);
      if (isS3Error(error) && error.name === 'InvalidRange') {
        throw new InvalidBlobRangeError(`Range ${range?.start}-${range?.end} is past the end of ${key}`);
      }
      throw translate(error);
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const { ContentLength } = await this.#client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.#objectKey(key) }),
      );
      return { size: ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw translate(error);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.#client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.#objectKey(key) }));
    } catch (error) {
      if (!isNotFound(error)) throw translate(error);
    }
  }

  async *list(prefix = ''): AsyncIterable<BlobInfo> {
    assertValidBlobPrefix(prefix);
    const root = this.prefix ? `${this.prefix}/` : '';
    try {
      for await (const page of paginateListObjectsV2(
        { client: this.#client },
        { Bucket: this.bucket, Prefix: root + prefix },
      )) {
        for (const object of page.Contents ?? []) {
          if (object.Key?.startsWith(root)) yield { key: object.Key.slice(root.length), size: object.Size ?? 0 };
        }
      }
    } catch (error) {
      throw translate(error);
    }
  }

  async ping(): Promise<void> {
    try {
      await this.#client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      throw storageUnavailable(error);
    }
  }

  /** Closes pooled connections (shutdown, tests). */
  destroy(): void {
    this.#client.destroy();
  }

  #objectKey(key: string): string {
    assertValidBlobKey(key);
    return this.prefix ? `${this.prefix}/${key}` : key;
  }
}
