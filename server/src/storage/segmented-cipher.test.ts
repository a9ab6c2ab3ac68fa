import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { IntegrityError } from './integrity-error.js';
import { generateDataKey } from './master-keys.js';
import {
  ciphertextRangeForPlaintext,
  ciphertextSize,
  createDecryptRangeStream,
  createDecryptStream,
  createEncryptStream,
  HEADER_LENGTH,
  plaintextSize,
  SEGMENT_SIZE,
  TAG_LENGTH,
  type PlaintextRange,
} from './segmented-cipher.js';
import { expectSameBytes, patternedBytes } from './test-support/data.js';

const S = SEGMENT_SIZE;
const SEALED = S + TAG_LENGTH;
const CONTEXT = '5b0f6c2e-0d1a-4a57-9a0e-7f1b2c3d4e5f:original';

function* chunksOf(data: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function encrypt(plaintext: Buffer, dataKey: Buffer, context = CONTEXT, chunkSize = 16_384): Promise<Buffer> {
  return buffer(Readable.from(chunksOf(plaintext, chunkSize)).pipe(createEncryptStream(dataKey, context)));
}

/** Decrypts and records every byte the stream let out, even when it fails afterwards. */
async function decryptObserved(ciphertext: Buffer, dataKey: Buffer, context = CONTEXT, chunkSize = 8192) {
  const decrypt = createDecryptStream(dataKey, context);
  const emitted: Buffer[] = [];
  decrypt.on('data', (chunk: Buffer) => emitted.push(chunk));
  const error: unknown = await pipeline(Readable.from(chunksOf(ciphertext, chunkSize)), decrypt).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { plaintext: Buffer.concat(emitted), error };
}

async function decryptRange(
  ciphertext: Buffer,
  dataKey: Buffer,
  range: PlaintextRange,
  size: number,
  context = CONTEXT,
) {
  const { start, end } = ciphertextRangeForPlaintext(range, size);
  const decrypt = createDecryptRangeStream(dataKey, context, ciphertext.subarray(0, HEADER_LENGTH), range, size);
  return buffer(Readable.from(chunksOf(ciphertext.subarray(start, end + 1), 10_000)).pipe(decrypt));
}

function flipped(data: Buffer, position: number): Buffer {
  const copy = Buffer.from(data);
  copy[position]! ^= 0x01;
  return copy;
}

function shannonEntropy(data: Buffer): number {
  const counts = new Array<number>(256).fill(0);
  for (const byte of data) counts[byte]!++;
  return counts.reduce(
    (sum, count) => (count === 0 ? sum : sum - (count / data.length) * Math.log2(count / data.length)),
    0,
  );
}

function pdfLike(size: number): Buffer {
  const lines = ['%PDF-1.7\n%âãÏÓ\n'];
  for (let i = 1; lines.join('').length < size; i++) {
    lines.push(`${i} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${i + 1} 0 R >>\nendobj\n`);
  }
  return Buffer.from(lines.join('')).subarray(0, size);
}

/** The plaintext a damaged object may still release: only the segments before the damage. */
function verifiedPrefix(plaintext: Buffer, damagedAt: number): Buffer {
  const segment = damagedAt < HEADER_LENGTH ? 0 : Math.floor((damagedAt - HEADER_LENGTH) / SEALED);
  return plaintext.subarray(0, segment * S);
}

describe('segmented cipher', () => {
  const dataKey = generateDataKey();

  describe('round trip', () => {
    it.each([0, 1, 65_535, 65_536, 65_537, 3 * 1024 * 1024])('returns %i bytes unchanged', async (size) => {
      const plaintext = patternedBytes(size, size + 1);
      const ciphertext = await encrypt(plaintext, dataKey);
      expect(ciphertext.length).toBe(ciphertextSize(size));
      const { plaintext: decrypted, error } = await decryptObserved(ciphertext, dataKey);
      expect(error).toBeUndefined();
      expectSameBytes(decrypted, plaintext);
    });

    it.each([1, 7, SEALED, SEALED + 1, 1024 * 1024])(
      'does not depend on how the input is chunked (%i-byte chunks)',
      async (chunkSize) => {
        const plaintext = patternedBytes(2 * S + 33);
        const ciphertext = await encrypt(plaintext, dataKey, CONTEXT, chunkSize);
        const { plaintext: decrypted, error } = await decryptObserved(ciphertext, dataKey, CONTEXT, chunkSize);
        expect(error).toBeUndefined();
        expectSameBytes(decrypted, plaintext);
      },
    );

    it('turns an empty input into a header and one empty last segment', async () => {
      const ciphertext = await encrypt(Buffer.alloc(0), dataKey);
      expect(ciphertext.length).toBe(HEADER_LENGTH + TAG_LENGTH);
      expect((await decryptObserved(ciphertext, dataKey)).error).toBeUndefined();
    });

    it('refuses a data key that is not 256 bits', () => {
      expect(() => createEncryptStream(Buffer.alloc(16), CONTEXT)).toThrow(RangeError);
      expect(() => createDecryptStream(Buffer.alloc(31), CONTEXT)).toThrow(RangeError);
    });
  });

  describe('sizes', () => {
    it('maps every plaintext size to a ciphertext size and back', () => {
      for (const size of [0, 1, 2, S - 1, S, S + 1, 2 * S, 2 * S + 1, 10 * S + 12_345, 3 * 1024 * 1024]) {
        expect(plaintextSize(ciphertextSize(size))).toBe(size);
      }
    });

    it('calls a ciphertext size that no plaintext can have an integrity error', () => {
      for (const size of [
        0,
        HEADER_LENGTH,
        HEADER_LENGTH + TAG_LENGTH - 1,
        HEADER_LENGTH + SEALED + 1,
        HEADER_LENGTH + SEALED + 15,
      ]) {
        expect(() => plaintextSize(size), `size ${size}`).toThrow(IntegrityError);
      }
    });
  });

  describe('ENC-2: the stored object holds no plaintext', () => {
    it('hides a 1 MiB PDF: no %PDF, no file magic, no plaintext run, entropy above 7.9 bits/byte', async () => {
      const plaintext = pdfLike(1024 * 1024);
      const ciphertext = await encrypt(plaintext, dataKey);
      expect(ciphertext.includes('%PDF')).toBe(false);
      expect(ciphertext.includes('endobj')).toBe(false);
      expect(ciphertext.includes(plaintext.subarray(5000, 5016))).toBe(false);
      expect(ciphertext.subarray(0, 4).toString('latin1')).toBe('CNSG');
      expect(shannonEntropy(ciphertext)).toBeGreaterThan(7.9);
    });

    it.each([
      ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0])],
      ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ])('does not start with the %s magic of its plaintext', async (_type, magic) => {
      const ciphertext = await encrypt(Buffer.concat([magic, patternedBytes(10_000)]), dataKey);
      expect(ciphertext.subarray(0, magic.length).equals(magic)).toBe(false);
      expect(ciphertext.includes(magic)).toBe(false);
    });

    it('encrypts the same plaintext differently each time', async () => {
      const plaintext = pdfLike(1000);
      expect((await encrypt(plaintext, dataKey)).equals(await encrypt(plaintext, dataKey))).toBe(false);
    });
  });

  describe('ENC-3: damage fails and releases no unauthenticated plaintext', () => {
    it('fails with zero bytes out when any single byte of a one-segment object is flipped', async () => {
      const ciphertext = await encrypt(patternedBytes(100), dataKey);
      for (let position = 0; position < ciphertext.length; position++) {
        const { plaintext, error } = await decryptObserved(flipped(ciphertext, position), dataKey);
        expect(error, `byte ${position}`).toBeInstanceOf(IntegrityError);
        expect(plaintext.length, `byte ${position}`).toBe(0);
      }
    });

    it('never releases a byte of the damaged segment of a multi-segment object', async () => {
      const original = patternedBytes(3 * S + 100);
      const ciphertext = await encrypt(original, dataKey);
      const positions = [
        0,
        4,
        5,
        9,
        15,
        HEADER_LENGTH,
        HEADER_LENGTH + 1,
        HEADER_LENGTH + S - 1,
        HEADER_LENGTH + S,
        HEADER_LENGTH + SEALED - 1,
      ];
      positions.push(HEADER_LENGTH + SEALED, HEADER_LENGTH + SEALED + 12_345, HEADER_LENGTH + 2 * SEALED - 1);
      positions.push(HEADER_LENGTH + 3 * SEALED, ciphertext.length - TAG_LENGTH - 1, ciphertext.length - 1);
      for (const position of positions) {
        const { plaintext, error } = await decryptObserved(flipped(ciphertext, position), dataKey);
        expect(error, `byte ${position}`).toBeInstanceOf(IntegrityError);
        expectSameBytes(plaintext, verifiedPrefix(original, position), `byte ${position}`);
      }
    });

    it('fails with zero bytes out for every truncation of a one-segment object', async () => {
      const ciphertext = await encrypt(patternedBytes(100), dataKey);
      for (let length = 0; length < ciphertext.length; length++) {
        const { plaintext, error } = await decryptObserved(ciphertext.subarray(0, length), dataKey);
        expect(error, `length ${length}`).toBeInstanceOf(IntegrityError);
        expect(plaintext.length).toBe(0);
      }
    });

    it('detects a multi-segment object cut at a segment boundary (missing last segment)', async () => {
      const original = patternedBytes(3 * S + 100);
      const ciphertext = await encrypt(original, dataKey);
      for (const segments of [1, 2, 3]) {
        const { plaintext, error } = await decryptObserved(
          ciphertext.subarray(0, HEADER_LENGTH + segments * SEALED),
          dataKey,
        );
        expect(error, `${segments} segments kept`).toBeInstanceOf(IntegrityError);
        // The kept last segment is checked as a last segment and fails: nothing of it comes out.
        expect(plaintext.length).toBe((segments - 1) * S);
      }
    });

    it.each([
      ['one byte', Buffer.from([0])],
      ['a tag-sized block', Buffer.alloc(TAG_LENGTH)],
      ['a whole segment', patternedBytes(SEALED)],
    ])('fails with zero bytes out when %s is appended', async (_label, extra) => {
      const ciphertext = await encrypt(patternedBytes(100), dataKey);
      const { plaintext, error } = await decryptObserved(Buffer.concat([ciphertext, extra]), dataKey);
      expect(error).toBeInstanceOf(IntegrityError);
      expect(plaintext.length).toBe(0);
    });

    it('fails when a copy of the last segment is appended to a multi-segment object', async () => {
      const original = patternedBytes(2 * S + 100);
      const ciphertext = await encrypt(original, dataKey);
      const last = ciphertext.subarray(HEADER_LENGTH + 2 * SEALED);
      const { plaintext, error } = await decryptObserved(Buffer.concat([ciphertext, last]), dataKey);
      expect(error).toBeInstanceOf(IntegrityError);
      expectSameBytes(plaintext, original.subarray(0, 2 * S));
    });

    it('fails with zero bytes out when two objects of the same document are swapped', async () => {
      const original = await encrypt(patternedBytes(3 * S), dataKey, 'doc-1:original');
      const thumbnail = await encrypt(patternedBytes(3 * S, 2), dataKey, 'doc-1:thumbnail');
      for (const [ciphertext, context] of [
        [original, 'doc-1:thumbnail'],
        [thumbnail, 'doc-1:original'],
        [original, 'doc-2:original'],
      ] as const) {
        const { plaintext, error } = await decryptObserved(ciphertext, dataKey, context);
        expect(error).toBeInstanceOf(IntegrityError);
        expect(plaintext.length).toBe(0);
      }
    });

    it('fails with zero bytes out under another data key', async () => {
      const ciphertext = await encrypt(patternedBytes(2 * S), dataKey);
      const { plaintext, error } = await decryptObserved(ciphertext, generateDataKey());
      expect(error).toBeInstanceOf(IntegrityError);
      expect(plaintext.length).toBe(0);
    });

    it('fails with zero bytes out when segments are reordered or a header is reused', async () => {
      const ciphertext = await encrypt(patternedBytes(3 * S + 1), dataKey);
      const segment = (i: number) => ciphertext.subarray(HEADER_LENGTH + i * SEALED, HEADER_LENGTH + (i + 1) * SEALED);
      const header = ciphertext.subarray(0, HEADER_LENGTH);
      const reordered = Buffer.concat([
        header,
        segment(1),
        segment(0),
        ciphertext.subarray(HEADER_LENGTH + 2 * SEALED),
      ]);
      const otherHeader = (await encrypt(Buffer.alloc(1), dataKey)).subarray(0, HEADER_LENGTH);
      const reheadered = Buffer.concat([otherHeader, ciphertext.subarray(HEADER_LENGTH)]);
      for (const damaged of [reordered, reheadered]) {
        const { plaintext, error } = await decryptObserved(damaged, dataKey);
        expect(error).toBeInstanceOf(IntegrityError);
        expect(plaintext.length).toBe(0);
      }
    });
  });

  describe('ranges', () => {
    const size = 3 * S + 100;
    const original = patternedBytes(size, 42);

    it('returns exactly the requested bytes, within and across segment boundaries', async () => {
      const ciphertext = await encrypt(original, dataKey);
      const edges = [0, 1, S - 1, S, S + 1, 2 * S - 1, 2 * S, 3 * S - 1, 3 * S, size - 2, size - 1];
      for (const start of edges) {
        for (const end of edges.filter((e) => e >= start)) {
          expectSameBytes(
            await decryptRange(ciphertext, dataKey, { start, end }, size),
            original.subarray(start, end + 1),
            `${start}-${end}`,
          );
        }
      }
    });

    it('reads only the segments that cover the range', () => {
      expect(ciphertextRangeForPlaintext({ start: 0, end: 0 }, size)).toEqual({
        start: HEADER_LENGTH,
        end: HEADER_LENGTH + SEALED - 1,
      });
      expect(ciphertextRangeForPlaintext({ start: S - 1, end: S }, size)).toEqual({
        start: HEADER_LENGTH,
        end: HEADER_LENGTH + 2 * SEALED - 1,
      });
      expect(ciphertextRangeForPlaintext({ start: size - 1, end: size - 1 }, size)).toEqual({
        start: HEADER_LENGTH + 3 * SEALED,
        end: ciphertextSize(size) - 1,
      });
    });

    it('fails a range over a damaged segment without releasing any of it', async () => {
      const ciphertext = flipped(await encrypt(original, dataKey), HEADER_LENGTH + SEALED + 10);
      const decrypt = createDecryptRangeStream(
        dataKey,
        CONTEXT,
        ciphertext.subarray(0, HEADER_LENGTH),
        { start: S + 5, end: S + 50 },
        size,
      );
      const emitted: Buffer[] = [];
      decrypt.on('data', (chunk: Buffer) => emitted.push(chunk));
      const { start, end } = ciphertextRangeForPlaintext({ start: S + 5, end: S + 50 }, size);
      await expect(pipeline(Readable.from([ciphertext.subarray(start, end + 1)]), decrypt)).rejects.toBeInstanceOf(
        IntegrityError,
      );
      expect(emitted).toEqual([]);
    });

    it('fails a range whose ciphertext comes back short, or whose object is shorter than claimed', async () => {
      const ciphertext = await encrypt(original, dataKey);
      const { start, end } = ciphertextRangeForPlaintext({ start: 10, end: S + 10 }, size);
      const short = createDecryptRangeStream(
        dataKey,
        CONTEXT,
        ciphertext.subarray(0, HEADER_LENGTH),
        { start: 10, end: S + 10 },
        size,
      );
      await expect(buffer(Readable.from([ciphertext.subarray(start, end)]).pipe(short))).rejects.toBeInstanceOf(
        IntegrityError,
      );
      // Claiming the object ends after segment 1 makes that segment "last": its tag then fails.
      await expect(
        decryptRange(ciphertext.subarray(0, HEADER_LENGTH + 2 * SEALED), dataKey, { start: S, end: S + 1 }, 2 * S),
      ).rejects.toBeInstanceOf(IntegrityError);
    });

    it('refuses a range outside the plaintext and a damaged header', async () => {
      expect(() => ciphertextRangeForPlaintext({ start: 0, end: size }, size)).toThrow(RangeError);
      expect(() => ciphertextRangeForPlaintext({ start: 5, end: 4 }, size)).toThrow(RangeError);
      const header = flipped((await encrypt(original, dataKey)).subarray(0, HEADER_LENGTH), 4);
      expect(() => createDecryptRangeStream(dataKey, CONTEXT, header, { start: 0, end: 1 }, size)).toThrow(
        IntegrityError,
      );
    });
  });
});
