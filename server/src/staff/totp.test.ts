import { describe, expect, it } from 'vitest';
import { currentTotp, decryptTotpSecret, encryptTotpSecret, generateTotpSecret, totpUri, verifyTotp } from './totp.js';

describe('staff TOTP', () => {
  const secret = generateTotpSecret();
  const now = new Date('2026-03-01T10:00:00Z');

  it('accepts the current code and one step of drift, refuses older ones', () => {
    expect(verifyTotp(secret, currentTotp(secret, now), now)).toBe(true);
    expect(verifyTotp(secret, currentTotp(secret, new Date(now.getTime() - 30_000)), now)).toBe(true);
    expect(verifyTotp(secret, currentTotp(secret, new Date(now.getTime() - 120_000)), now)).toBe(false);
    expect(verifyTotp(secret, 'abcdef', now)).toBe(false);
  });

  it('stores the secret encrypted and reads it back only with the same server secret', () => {
    const stored = encryptTotpSecret('server-secret-of-at-least-32-characters', secret);
    expect(stored).not.toContain(secret);
    expect(decryptTotpSecret('server-secret-of-at-least-32-characters', stored)).toBe(secret);
    expect(() => decryptTotpSecret('another-secret-of-at-least-32-characters', stored)).toThrow();
  });

  it('builds an otpauth URI for authenticator apps', () => {
    expect(totpUri(secret, 'agent@ccas.example')).toMatch(
      /^otpauth:\/\/totp\/Consigne:agent%40ccas\.example\?.*secret=/,
    );
  });
});
