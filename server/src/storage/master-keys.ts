import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { IntegrityError } from './integrity-error.js';

/*
 * Envelope encryption (ENC-1, ENC-4): every document has its own random data key, stored only
 * wrapped by a master key named by its kid. MASTER_KEYS lists the master keys; the first one wraps
 * new data keys, the others stay only to unwrap older ones until a rotation re-wrapped them all.
 *
 *   wrapped = nonce (12) ‖ AES-256-GCM(data key) (32) ‖ tag (16), with the kid as associated data
 */

const KEY_LENGTH = 32;
const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;
const WRAPPED_LENGTH = NONCE_LENGTH + KEY_LENGTH + TAG_LENGTH;
const KID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export interface WrappedDataKey {
  kid: string;
  wrapped: Buffer;
}

export class MasterKeysError extends Error {
  override name = 'MasterKeysError';
}

export function generateDataKey(): Buffer {
  return randomBytes(KEY_LENGTH);
}

export class MasterKeyRing {
  readonly #keys: ReadonlyMap<string, Buffer>;
  /** The kid that wraps new data keys. */
  readonly currentKid: string;

  private constructor(keys: ReadonlyMap<string, Buffer>, currentKid: string) {
    this.#keys = keys;
    this.currentKid = currentKid;
  }

  /** Parses `kid1:<base64 of 32 bytes>,kid2:<base64>`; errors name MASTER_KEYS but never show key material. */
  static parse(value: string | undefined): MasterKeyRing {
    if (!value?.trim()) throw new MasterKeysError('MASTER_KEYS is empty: expected kid:base64(32 bytes)[,kid:base64…]');
    const keys = new Map<string, Buffer>();
    value.split(',').forEach((entry, index) => {
      const separator = entry.indexOf(':');
      const kid = entry.slice(0, separator).trim();
      const encoded = entry.slice(separator + 1).trim();
      const where = `MASTER_KEYS entry ${index + 1}`;
      if (separator < 0 || !KID.test(kid)) {
        throw new MasterKeysError(`${where}: expected kid:base64 with a kid of 1-32 characters [A-Za-z0-9_-]`);
      }
      const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : undefined;
      if (key?.length !== KEY_LENGTH) {
        throw new MasterKeysError(
          `${where} (kid "${kid}"): the key must be ${KEY_LENGTH} bytes in base64 (openssl rand -base64 32)`,
        );
      }
      if (keys.has(kid)) throw new MasterKeysError(`${where}: kid "${kid}" appears twice`);
      keys.set(kid, key);
    });
    const [currentKid] = keys.keys();
    return new MasterKeyRing(keys, currentKid!);
  }

  wrapDataKey(dataKey: Buffer): WrappedDataKey {
    if (dataKey.length !== KEY_LENGTH) throw new RangeError(`A data key is ${KEY_LENGTH} bytes, got ${dataKey.length}`);
    const nonce = randomBytes(NONCE_LENGTH);
    const gcm = createCipheriv('aes-256-gcm', this.#key(this.currentKid), nonce);
    gcm.setAAD(Buffer.from(this.currentKid, 'utf8'));
    const wrapped = Buffer.concat([nonce, gcm.update(dataKey), gcm.final(), gcm.getAuthTag()]);
    return { kid: this.currentKid, wrapped };
  }

  /** Throws `MasterKeysError` for a kid no longer configured, `IntegrityError` for a damaged wrapped key. */
  unwrapDataKey(kid: string, wrapped: Buffer): Buffer {
    const masterKey = this.#key(kid);
    if (wrapped.length !== WRAPPED_LENGTH) throw new IntegrityError(`Wrapped data key has ${wrapped.length} bytes`);
    const gcm = createDecipheriv('aes-256-gcm', masterKey, wrapped.subarray(0, NONCE_LENGTH));
    gcm.setAAD(Buffer.from(kid, 'utf8'));
    gcm.setAuthTag(wrapped.subarray(NONCE_LENGTH + KEY_LENGTH));
    try {
      return Buffer.concat([gcm.update(wrapped.subarray(NONCE_LENGTH, NONCE_LENGTH + KEY_LENGTH)), gcm.final()]);
    } catch {
      throw new IntegrityError(`Wrapped data key failed authentication under kid "${kid}"`);
    }
  }

  /** ENC-4 rotation: a data key wrapped by an older master key, re-wrapped by the current one (or null if already current). */
  rewrapDataKey(key: WrappedDataKey): WrappedDataKey | null {
    return key.kid === this.currentKid ? null : this.wrapDataKey(this.unwrapDataKey(key.kid, key.wrapped));
  }

  #key(kid: string): Buffer {
    const key = this.#keys.get(kid);
    if (!key)
      throw new MasterKeysError(
        `Master key "${kid}" is not in MASTER_KEYS: keep old keys listed until rotation is done`,
      );
    return key;
  }
}
