import { randomBytes, randomInt } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { badRequest } from '../http/errors.js';
import { MINUTE, type Clock } from '../shared/clock.js';
import { OtpCodeEntity, type OtpCode } from './sms-login.entity.js';
import { hmac, sameHash } from './tokens.js';

/** OTP-2: a code is accepted strictly before 10 minutes have passed. */
export const CODE_TTL_MS = 10 * MINUTE;
export const CODE_TTL_MINUTES = CODE_TTL_MS / MINUTE;
/** OTP-3: the fifth wrong entry burns the code. */
export const MAX_CODE_ATTEMPTS = 5;

/** OTP-1: six digits from the CSPRNG, nothing derived from time or ids. */
export const newCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** OTP-4/OTP-5: what is stored is an HMAC with the server secret, bound to the request it was issued for. */
export const codeHash = (secret: string, requestId: string, code: string): string =>
  hmac(secret, `otp:${requestId}:${code}`);

/**
 * The stored hash for a request that must never succeed (a number with no account): same work, but
 * no six-digit code can match it.
 */
export const unmatchableHash = (secret: string, requestId: string): string =>
  hmac(secret, `otp:${requestId}:none:${randomBytes(16).toString('hex')}`);

export type CodeCheck = { result: 'ok' } | { result: 'wrong'; attemptsLeft: number } | { result: 'expired' };

/**
 * Checks `code` against one stored request and records the outcome: a right code is consumed
 * (single use, even under concurrent requests), a wrong one counts an attempt and the fifth burns
 * it. Expired, used and burned codes answer `expired` whatever is typed.
 */
export async function checkCode(
  em: EntityManager,
  clock: Clock,
  secret: string,
  row: OtpCode,
  code: string,
): Promise<CodeCheck> {
  const now = clock.now();
  if (row.usedAt || row.burnedAt || now.getTime() >= row.expiresAt.getTime()) return { result: 'expired' };
  const repo = em.getRepository(OtpCodeEntity);
  if (sameHash(codeHash(secret, row.id, code), row.codeHash)) {
    const consumed = await repo.update({ id: row.id, usedAt: IsNull(), burnedAt: IsNull() }, { usedAt: now });
    return consumed.affected === 1 ? { result: 'ok' } : { result: 'expired' };
  }
  await repo
    .createQueryBuilder()
    .update()
    .set({ attempts: () => 'attempts + 1' })
    .where('id = :id', { id: row.id })
    .execute();
  await repo
    .createQueryBuilder()
    .update()
    .set({ burnedAt: now })
    .where('id = :id AND attempts >= :max AND burnedAt IS NULL', { id: row.id, max: MAX_CODE_ATTEMPTS })
    .execute();
  const after = await repo.findOneByOrFail({ id: row.id });
  return { result: 'wrong', attemptsLeft: Math.max(0, MAX_CODE_ATTEMPTS - after.attempts) };
}

export const wrongCode = (attemptsLeft: number) =>
  attemptsLeft > 0
    ? badRequest(
        'invalid_code',
        `Ce code n'est pas le bon. Vérifiez le SMS et réessayez (${attemptsLeft} essai${attemptsLeft > 1 ? 's' : ''} restant${attemptsLeft > 1 ? 's' : ''}).`,
        { attemptsLeft },
      )
    : expiredCode();

export const expiredCode = () =>
  badRequest('code_expired', "Ce code n'est plus valable. Demandez un nouveau code.", { attemptsLeft: 0 });
