import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { unprocessable } from '../http/errors.js';
import { isCommonPassword } from './common-passwords.js';

/** STAFF-1: argon2id, 19 MiB, 2 passes, 1 lane (OWASP's first recommended setting). */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
/** Long passphrases are welcome; the cap only bounds the hashing work per request. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * STAFF-2: length and a common-password list, no composition rules. Lengths count characters
 * (code points), so an accented passphrase is not penalised.
 */
export function assertAcceptablePassword(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    throw unprocessable(
      'password_too_short',
      `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase de plusieurs mots est plus facile à retenir.`,
      { minLength: PASSWORD_MIN_LENGTH },
    );
  if (length > PASSWORD_MAX_LENGTH)
    throw unprocessable(
      'password_too_long',
      `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`,
      { maxLength: PASSWORD_MAX_LENGTH },
    );
  if (isCommonPassword(password))
    throw unprocessable(
      'password_too_common',
      'Ce mot de passe est trop courant et serait deviné rapidement. Choisissez-en un autre, par exemple une phrase de plusieurs mots.',
    );
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as checking a real password, for unknown e-mails, accounts without a
 * password and locked accounts: the answer time says nothing about which case it was.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  await verifyPassword(await dummyHash, password);
  return false;
}
