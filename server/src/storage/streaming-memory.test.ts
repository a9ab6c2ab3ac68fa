import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { createHashingStream } from './hashing.js';
import { generateDataKey } from './master-keys.js';
import { createDecryptStream, createEncryptStream } from './segmented-cipher.js';

const MiB = 1024 * 1024;
const TOTAL = 200 * MiB;
const CHUNK = 64 * 1024;

/** 200 MiB made up as it is read, so that the test itself holds almost nothing. */
function generated(total: number): Readable {
  let produced = 0;
  return new Readable({
    read() {
      if (produced >= total) return void this.push(null);
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, total - produced));
      for (let i = 0; i < chunk.length; i += 4) chunk.writeUInt32LE(((produced + i) * 2654435761) >>> 0, i);
      produced += chunk.length;
      this.push(chunk);
    },
  });
}

describe('streaming memory', () => {
  /** Streams `total` bytes through hashing, encryption, decryption and hashing again. */
  async function roundTrip(total: number, onChunk: () => void = () => undefined) {
    const dataKey = generateDataKey();
    const before = createHashingStream();
    const after = createHashingStream();
    const sink = new Writable({
      write(_chunk, _encoding, callback) {
        onChunk();
        callback();
      },
    });
    await pipeline(
      generated(total),
      before,
      createEncryptStream(dataKey, 'memory'),
      createDecryptStream(dataKey, 'memory'),
      after,
      sink,
    );
    return { before: before.digest(), after: after.digest() };
  }

  it('encrypts and decrypts 200 MiB in flat memory (RSS growth under 64 MiB)', { timeout: 180_000 }, async () => {
    // One-time costs (code compiled on first use, OpenSSL tables) are not per-byte memory.
    await roundTrip(4 * MiB);
    const baseline = process.memoryUsage.rss();
    let peak = baseline;
    const { before, after } = await roundTrip(TOTAL, () => (peak = Math.max(peak, process.memoryUsage.rss())));
    expect(after).toEqual(before);
    expect(after.size).toBe(TOTAL);
    expect((peak - baseline) / MiB).toBeLessThan(64);
  });
});
