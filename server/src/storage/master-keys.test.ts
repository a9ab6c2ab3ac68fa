import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IntegrityError } from './integrity-error.js';
import { generateDataKey, MasterKeyRing, MasterKeysError } from './master-keys.js';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');

describe('master keys', () => {
  it('generates 256-bit data keys, a new one each time', () => {
    const [a, b] = [generateDataKey(), generateDataKey()];
    expect(a.length).toBe(32);
    expect(a.equals(b)).toBe(false);
  });

  it('wraps a data key with the first master key and unwraps it again', () => {
    const ring = MasterKeyRing.parse(`k2026:${k1}`);
    const dataKey = generateDataKey();
    const { kid, wrapped } = ring.wrapDataKey(dataKey);
    expect(kid).toBe('k2026');
    expect(wrapped.includes(dataKey)).toBe(false);
    expect(ring.unwrapDataKey(kid, wrapped).equals(dataKey)).toBe(true);
    expect(ring.wrapDataKey(dataKey).wrapped.equals(wrapped)).toBe(false);
  });

  describe('ENC-4 rotation', () => {
    const dataKey = generateDataKey();
    const old = MasterKeyRing.parse(`old:${k1}`).wrapDataKey(dataKey);
    const rotated = MasterKeyRing.parse(`new:${k2},old:${k1}`);

    it('still unwraps a key wrapped by the old master key once it is listed second', () => {
      expect(rotated.unwrapDataKey(old.kid, old.wrapped).equals(dataKey)).toBe(true);
    });

    it('wraps new data keys with the first listed master key', () => {
      expect(rotated.currentKid).toBe('new');
      expect(rotated.wrapDataKey(generateDataKey()).kid).toBe('new');
    });

    it('re-wraps an old data key under the current master key, so the old key can then be removed', () => {
      const rewrapped = rotated.rewrapDataKey(old);
      expect(rewrapped?.kid).toBe('new');
      expect(rotated.rewrapDataKey(rewrapped!)).toBeNull();
      const afterRotation = MasterKeyRing.parse(`new:${k2}`);
      expect(afterRotation.unwrapDataKey('new', rewrapped!.wrapped).equals(dataKey)).toBe(true);
      expect(() => afterRotation.unwrapDataKey(old.kid, old.wrapped)).toThrow(/"old" is not in MASTER_KEYS/);
    });
  });

  it('calls a damaged wrapped key, or one presented under another kid, an integrity error', () => {
    const ring = MasterKeyRing.parse(`a:${k1},b:${k1}`);
    const { wrapped } = ring.wrapDataKey(generateDataKey());
    for (let position = 0; position < wrapped.length; position += 7) {
      const damaged = Buffer.from(wrapped);
      damaged[position]! ^= 0x80;
      expect(() => ring.unwrapDataKey('a', damaged)).toThrow(IntegrityError);
    }
    expect(() => ring.unwrapDataKey('b', wrapped)).toThrow(IntegrityError);
    expect(() => ring.unwrapDataKey('a', wrapped.subarray(1))).toThrow(IntegrityError);
  });

  it.each([
    ['missing', undefined],
    ['empty', ' '],
    ['without a kid', k1],
    ['with a bad kid', `bad kid:${k1}`],
    ['with a short key', `k:${randomBytes(31).toString('base64')}`],
    ['with a long key', `k:${randomBytes(33).toString('base64')}`],
    ['not in base64', `k:${'!'.repeat(44)}`],
    ['with a duplicate kid', `k:${k1},k:${k2}`],
    ['with an empty entry', `k:${k1},`],
  ])('refuses MASTER_KEYS %s with an error naming the variable but no key material', (_label, value) => {
    let error: unknown;
    try {
      MasterKeyRing.parse(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MasterKeysError);
    expect((error as Error).message).toContain('MASTER_KEYS');
    expect((error as Error).message).not.toContain(k1.slice(0, 12));
  });

  it('accepts spaces around entries', () => {
    expect(MasterKeyRing.parse(` a:${k1} , b:${k2} `).currentKid).toBe('a');
  });
});
