import { createHash, type Hash } from 'node:crypto';
import { PassThrough, type TransformCallback } from 'node:stream';

export interface ContentDigest {
  /** Lower-case hex SHA-256. */
  sha256: string;
  size: number;
}

/** INT-1: measures what flows through (the plaintext at upload, at download or in a scrub). */
export class HashingStream extends PassThrough {
  #hash: Hash = createHash('sha256');
  #size = 0;
  #digest: ContentDigest | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#hash.update(chunk);
    this.#size += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.#digest = { sha256: this.#hash.digest('hex'), size: this.#size };
    callback();
  }

  /** Available once every byte went through (after 'end' or the pipeline's completion). */
  digest(): ContentDigest {
    if (!this.#digest) throw new Error('HashingStream.digest() called before the stream ended');
    return this.#digest;
  }
}

export const createHashingStream = (): HashingStream => new HashingStream();
