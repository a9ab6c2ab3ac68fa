import { randomInt, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { hmac } from '../auth/tokens.js';
import type { Clock } from '../shared/clock.js';
import { EmergencyCodeEntity } from './beneficiary-account.entity.js';

/** Ten one-time codes per card, 10 characters from 32 unambiguous ones (50 bits each), shown `ABCDE-FGHJK`. */
export const EMERGENCY_CODE_COUNT = 10;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 10;

export function generateEmergencyCodes(): string[] {
  return Array.from({ length: EMERGENCY_CODE_COUNT }, () => {
    const raw = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/** What the person types, in any case, with or without spaces and dashes. */
export const normalizeEmergencyCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');

/** Only an HMAC with the server secret is stored, bound to the beneficiary. */
export const emergencyCodeHash = (secret: string, beneficiaryId: string, code: string): string =>
  hmac(secret, `emergency:${beneficiaryId}:${normalizeEmergencyCode(code)}`);

/** Replaces the beneficiary's card: the previous codes stop working at once. Returns the new card id. */
export async function replaceEmergencyCodes(
  em: EntityManager,
  clock: Clock,
  secret: string,
  beneficiaryId: string,
  codes: string[],
): Promise<{ cardId: string; voided: number }> {
  const repo = em.getRepository(EmergencyCodeEntity);
  const { affected } = await repo.delete({ beneficiaryId });
  const cardId = randomUUID();
  const now = clock.now();
  await repo.insert(
    codes.map((code) => ({
      id: randomUUID(),
      beneficiaryId,
      cardId,
      codeHash: emergencyCodeHash(secret, beneficiaryId, code),
      usedAt: null,
      createdAt: now,
    })),
  );
  return { cardId, voided: affected ?? 0 };
}
