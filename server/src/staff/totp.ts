import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/**
 * TOTP (RFC 6238) for staff MFA (STAFF-3). Secrets are stored encrypted with a key derived from the
 * server's SECRET_KEY, so a database dump alone does not yield working codes.
 */

const ISSUER = 'Consigne';
const PERIOD = 30;

const keyFrom = (secretKey: string) => createHash('sha256').update(`totp-secret:${secretKey}`).digest();

export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function encryptTotpSecret(secretKey: string, base32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secretKey), iv);
  const body = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function decryptTotpSecret(secretKey: string, stored: string): string {
  const raw = Buffer.from(stored, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(secretKey), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

function totp(base32: string, label: string) {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(base32),
  });
}

/** The `otpauth://` URI the back-office shows as a QR code. */
export function totpUri(base32: string, email: string): string {
  return totp(base32, email).toString();
}

/** Whether `code` is valid at `now`, allowing one step of clock drift either way. */
export function verifyTotp(base32: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totp(base32, 'check').validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null;
}

/** The current code (tests and the CLI use it; the server never sends codes anywhere). */
export function currentTotp(base32: string, now: Date): string {
  return totp(base32, 'check').generate({ timestamp: now.getTime() });
}
