import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { ByteQueue } from './byte-queue.js';
import { IntegrityError } from './integrity-error.js';

/*
 * Segmented streaming AEAD (ENC-2, ENC-3), after the STREAM construction (Hoang, Reyhanitabar,
 * Rogaway, Vizár 2015) as used by Tink and age:
 *
 *   header  = "CNSG" ‖ version (1) ‖ segment size (uint32 BE) ‖ nonce prefix (7 random bytes)
 *   segment = AES-256-GCM(plaintext ≤ 64 KiB) ‖ tag (16)
 *   nonce_i = nonce prefix ‖ i (uint32 BE) ‖ 1 if last else 0
 *   aad     = header ‖ caller context (e.g. "<documentId>:original")
 *
 * The counter stops reordering, the last flag stops truncation and extension at a segment
 * boundary, the context stops swapping objects that share a data key, and each segment is
 * released only after its tag verified, so no unauthenticated plaintext ever leaves.
 */

export const SEGMENT_SIZE = 64 * 1024;
export const TAG_LENGTH = 16;
export const HEADER_LENGTH = 16;

const MAGIC = Buffer.from('CNSG', 'ascii');
const VERSION = 1;
const NONCE_PREFIX_LENGTH = 7;
const KEY_LENGTH = 32;
const SEALED_SEGMENT_SIZE = SEGMENT_SIZE + TAG_LENGTH;
const MAX_SEGMENTS = 2 ** 32;

interface SegmentCipher {
  key: Buffer;
  noncePrefix: Buffer;
  aad: Buffer;
}

function assertDataKey(dataKey: Buffer): void {
  if (dataKey.length !== KEY_LENGTH) throw new RangeError(`A data key is ${KEY_LENGTH} bytes, got ${dataKey.length}`);
}

function newHeader(): Buffer {
  const header = Buffer.alloc(HEADER_LENGTH);
  MAGIC.copy(header, 0);
  header.writeUInt8(VERSION, 4);
  header.writeUInt32BE(SEGMENT_SIZE, 5);
  randomBytes(NONCE_PREFIX_LENGTH).copy(header, 9);
  return header;
}

function segmentCipher(dataKey: Buffer, header: Buffer, context: string): SegmentCipher {
  return {
    key: dataKey,
    noncePrefix: header.subarray(9, HEADER_LENGTH),
    aad: Buffer.concat([header, Buffer.from(context, 'utf8')]),
  };
}

function parseHeader(dataKey: Buffer, header: Buffer, context: string): SegmentCipher {
  if (
    header.length !== HEADER_LENGTH ||
    !header.subarray(0, 4).equals(MAGIC) ||
    header.readUInt8(4) !== VERSION ||
    header.readUInt32BE(5) !== SEGMENT_SIZE
  ) {
    throw new IntegrityError('Encrypted object has an unknown or damaged header');
  }
  return segmentCipher(dataKey, header, context);
}

function nonce(cipher: SegmentCipher, index: number, last: boolean): Buffer {
  if (index >= MAX_SEGMENTS) throw new IntegrityError('Encrypted object has too many segments');
  const value = Buffer.alloc(12);
  cipher.noncePrefix.copy(value, 0);
  value.writeUInt32BE(index, NONCE_PREFIX_LENGTH);
  value.writeUInt8(last ? 1 : 0, 11);
  return value;
}

// GCM is a counter mode: final() never returns bytes, it only computes or checks the tag. Not
// concatenating its empty output saves a copy of every segment.
function seal(cipher: SegmentCipher, index: number, last: boolean, plaintext: Buffer): [Buffer, Buffer] {
  const gcm = createCipheriv('aes-256-gcm', cipher.key, nonce(cipher, index, last));
  gcm.setAAD(cipher.aad);
  const body = gcm.update(plaintext);
  gcm.final();
  return [body, gcm.getAuthTag()];
}

function open(cipher: SegmentCipher, index: number, last: boolean, sealed: Buffer): Buffer {
  if (sealed.length < TAG_LENGTH) throw new IntegrityError('Encrypted object is truncated');
  const gcm = createDecipheriv('aes-256-gcm', cipher.key, nonce(cipher, index, last));
  gcm.setAAD(cipher.aad);
  gcm.setAuthTag(sealed.subarray(sealed.length - TAG_LENGTH));
  const plaintext = gcm.update(sealed.subarray(0, sealed.length - TAG_LENGTH));
  try {
    gcm.final();
  } catch {
    throw new IntegrityError(`Segment ${index} failed authentication`);
  }
  return plaintext;
}

class EncryptStream extends Transform {
  readonly #queue = new ByteQueue();
  readonly #cipher: SegmentCipher;
  #index = 0;

  constructor(dataKey: Buffer, context: string) {
    super();
    assertDataKey(dataKey);
    const header = newHeader();
    this.#cipher = segmentCipher(dataKey, header, context);
    this.push(header);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#queue.push(chunk);
    try {
      // A full segment is sealed only once a byte beyond it arrived: until then it may be the last.
      while (this.#queue.length > SEGMENT_SIZE) {
        this.#pushSealed(false, this.#queue.take(SEGMENT_SIZE));
      }
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.#pushSealed(true, this.#queue.take(this.#queue.length));
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  #pushSealed(last: boolean, plaintext: Buffer): void {
    for (const part of seal(this.#cipher, this.#index++, last, plaintext)) this.push(part);
  }
}

class DecryptStream extends Transform {
  readonly #queue = new ByteQueue();
  readonly #dataKey: Buffer;
  readonly #context: string;
  #cipher: SegmentCipher | undefined;
  #index = 0;

  constructor(dataKey: Buffer, context: string) {
    super();
    assertDataKey(dataKey);
    this.#dataKey = dataKey;
    this.#context = context;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#queue.push(chunk);
    try {
      if (!this.#cipher) {
        if (this.#queue.length < HEADER_LENGTH) return callback();
        this.#cipher = parseHeader(this.#dataKey, this.#queue.take(HEADER_LENGTH), this.#context);
      }
      // Same rule as encryption: a full sealed segment is not the last while more bytes follow it.
      while (this.#queue.length > SEALED_SEGMENT_SIZE) {
        this.push(open(this.#cipher, this.#index++, false, this.#queue.take(SEALED_SEGMENT_SIZE)));
      }
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (!this.#cipher) throw new IntegrityError('Encrypted object is truncated: no complete header');
      this.push(open(this.#cipher, this.#index++, true, this.#queue.take(this.#queue.length)));
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }
}

/** Plaintext in, header + sealed segments out, in constant memory. Empty input gives one empty last segment. */
export function createEncryptStream(dataKey: Buffer, context: string): Transform {
  return new EncryptStream(dataKey, context);
}

/** Emits each segment's plaintext only after its tag verified; fails with `IntegrityError` otherwise. */
export function createDecryptStream(dataKey: Buffer, context: string): Transform {
  return new DecryptStream(dataKey, context);
}

const segmentCount = (plaintextSize: number): number => Math.max(1, Math.ceil(plaintextSize / SEGMENT_SIZE));

export function ciphertextSize(plaintextSize: number): number {
  return HEADER_LENGTH + plaintextSize + segmentCount(plaintextSize) * TAG_LENGTH;
}

/** Inverse of `ciphertextSize`; an impossible size means the object was truncated or extended. */
export function plaintextSize(ciphertextSize: number): number {
  const body = ciphertextSize - HEADER_LENGTH;
  const segments = Math.ceil(body / SEALED_SEGMENT_SIZE);
  const lastSealed = body - (segments - 1) * SEALED_SEGMENT_SIZE;
  if (!Number.isSafeInteger(ciphertextSize) || body < TAG_LENGTH || lastSealed < TAG_LENGTH) {
    throw new IntegrityError(`No encrypted object can be ${ciphertextSize} bytes long`);
  }
  return body - segments * TAG_LENGTH;
}

/** Inclusive plaintext byte range. */
export interface PlaintextRange {
  start: number;
  end: number;
}

function assertPlaintextRange(range: PlaintextRange, size: number): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end >= size) {
    throw new RangeError(`Range ${start}-${end} is outside a ${size}-byte plaintext`);
  }
}

const sealedOffset = (segment: number): number => HEADER_LENGTH + segment * SEALED_SEGMENT_SIZE;

function sealedLength(segment: number, size: number): number {
  return Math.min(SEGMENT_SIZE, size - segment * SEGMENT_SIZE) + TAG_LENGTH;
}

/**
 * The ciphertext bytes (inclusive range) holding the segments that cover a plaintext range. The
 * header (bytes 0 to HEADER_LENGTH - 1) is needed as well and is read separately.
 */
export function ciphertextRangeForPlaintext(
  range: PlaintextRange,
  plaintextSize: number,
): { start: number; end: number } {
  assertPlaintextRange(range, plaintextSize);
  const first = Math.floor(range.start / SEGMENT_SIZE);
  const last = Math.floor(range.end / SEGMENT_SIZE);
  return { start: sealedOffset(first), end: sealedOffset(last) + sealedLength(last, plaintextSize) - 1 };
}

class DecryptRangeStream extends Transform {
  readonly #queue = new ByteQueue();
  readonly #cipher: SegmentCipher;
  readonly #range: PlaintextRange;
  readonly #size: number;
  readonly #lastCovering: number;
  readonly #lastSegment: number;
  #next: number;

  constructor(dataKey: Buffer, context: string, header: Buffer, range: PlaintextRange, size: number) {
    super();
    assertDataKey(dataKey);
    assertPlaintextRange(range, size);
    this.#cipher = parseHeader(dataKey, header, context);
    this.#range = range;
    this.#size = size;
    this.#next = Math.floor(range.start / SEGMENT_SIZE);
    this.#lastCovering = Math.floor(range.end / SEGMENT_SIZE);
    this.#lastSegment = segmentCount(size) - 1;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#queue.push(chunk);
    try {
      while (this.#next <= this.#lastCovering && this.#queue.length >= sealedLength(this.#next, this.#size)) {
        const segment = this.#next++;
        const sealed = this.#queue.take(sealedLength(segment, this.#size));
        const plaintext = open(this.#cipher, segment, segment === this.#lastSegment, sealed);
        const offset = segment * SEGMENT_SIZE;
        this.push(plaintext.subarray(Math.max(0, this.#range.start - offset), this.#range.end - offset + 1));
      }
      if (this.#next > this.#lastCovering && this.#queue.length > 0) {
        throw new IntegrityError('Encrypted range is longer than its segments');
      }
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    callback(this.#next <= this.#lastCovering ? new IntegrityError('Encrypted range is truncated') : null);
  }
}

/**
 * Decrypts the ciphertext bytes given by `ciphertextRangeForPlaintext(range, plaintextSize)` and
 * emits exactly the plaintext bytes `range.start..range.end`, each only after its segment verified.
 */
export function createDecryptRangeStream(
  dataKey: Buffer,
  context: string,
  header: Buffer,
  range: PlaintextRange,
  plaintextSize: number,
): Transform {
  return new DecryptRangeStream(dataKey, context, header, range, plaintextSize);
}
