import { randomInt, timingSafeEqual } from 'node:crypto';
import { hmac } from '../auth/tokens.js';
import { currentTotp, verifyTotp } from './totp.js';

const PERIOD_MS = 30_000;

/**
 * The time step a TOTP code belongs to (current step ± 1 for clock drift), or null when it is not
 * valid now. The caller refuses a step at or before the last accepted one, so a code works once.
 */
export function matchTotpStep(base32: string, code: string, now: Date): number | null {
  if (!verifyTotp(base32, code, now)) return null;
  const current = Math.floor(now.getTime() / PERIOD_MS);
  for (const step of [current - 1, current, current + 1]) {
    const expected = Buffer.from(currentTotp(base32, new Date(step * PERIOD_MS)));
    const given = Buffer.from(code);
    if (expected.length === given.length && timingSafeEqual(expected, given)) return step;
  }
  return null;
}

export const RECOVERY_CODE_COUNT = 10;
/** Crockford-like alphabet without look-alikes (0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** Ten single-use codes of 12 random characters (≈ 59 bits each), shown once, formatted `abcd-efgh-jkmn`. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    ).join('-'),
  );
}

/** What is stored for a recovery code: an HMAC with the server secret of its normalised form. */
export function hashRecoveryCode(secretKey: string, code: string): string {
  return hmac(secretKey, `recovery:${code.toLowerCase().replace(/[\s-]/g, '')}`);
}
