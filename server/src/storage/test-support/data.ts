import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { expect } from 'vitest';

/** Deterministic, non-repeating bytes, so that a misplaced segment shows up in comparisons. */
export function patternedBytes(size: number, seed = 1): Buffer {
  const out = Buffer.allocUnsafe(size);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

/** A readable that yields `chunks` then fails, like a client that disconnects mid-upload. */
export function failingStream(chunks: Buffer[], error = new Error('client went away')): Readable {
  return Readable.from(
    (async function* () {
      for (const chunk of chunks) yield chunk;
      throw error;
    })(),
  );
}

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** Deep equality of megabyte buffers is slow in vitest and unreadable when it fails: compare digests. */
export function expectSameBytes(actual: Buffer, expected: Buffer, message?: string): void {
  expect({ size: actual.length, sha256: sha256(actual) }, message).toEqual({
    size: expected.length,
    sha256: sha256(expected),
  });
}
