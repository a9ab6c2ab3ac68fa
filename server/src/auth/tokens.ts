import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** An opaque random token (256 bits), URL-safe: session cookies, invitation and reset links. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What is stored instead of a token: its SHA-256 (tokens are random, so no salt or pepper is needed). */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** HMAC with the server secret, for short low-entropy secrets such as codes (OTP-5). */
export const hmac = (secret: string, value: string): string => createHmac('sha256', secret).update(value).digest('hex');

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
