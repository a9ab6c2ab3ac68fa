import { randomUUID } from 'node:crypto';
import { LessThan, MoreThan, type EntityManager } from 'typeorm';
import type { Deps } from '../deps.js';
import { tooManyRequests } from '../http/errors.js';
import { DAY, HOUR, MINUTE, type Clock } from '../shared/clock.js';
import { AuthRateEventEntity, OtpCodeEntity, type RateEventKind } from './sms-login.entity.js';
import { hmac } from './tokens.js';

/**
 * Rate limits on what costs money or can be guessed, counted in the database so that they hold
 * across restarts and instances. Phones and IP addresses are only kept as HMACs with the server
 * secret: the counters are not a list of who tried to log in.
 */
export interface Limit {
  windowMs: number;
  max: number;
}

/** OTP-6: per phone number, 1 send per 60 s, 5 per rolling hour, 10 per rolling day. */
export const PHONE_LIMITS: Limit[] = [
  { windowMs: MINUTE, max: 1 },
  { windowMs: HOUR, max: 5 },
  { windowMs: DAY, max: 10 },
];
/**
 * OTP-11: desk consent codes a structure may send by SMS in a rolling day, so that one structure
 * (or one stolen staff account) cannot drain the daily SMS budget every beneficiary logs in with.
 */
export const STRUCTURE_DESK_CODE_LIMITS: Limit[] = [{ windowMs: DAY, max: 50 }];
/** OTP-7: per client IP (as Express resolves it from TRUSTED_PROXIES), 10 sends per hour. */
export const IP_LIMITS: Limit[] = [{ windowMs: HOUR, max: 10 }];
/** Emergency-code attempts per client IP: guessing is what they would be used for. */
export const RECOVERY_IP_LIMITS: Limit[] = [{ windowMs: HOUR, max: 10 }];

export const phoneKey = (secret: string, e164: string) => hmac(secret, `rate:phone:${e164}`);
export const ipKey = (secret: string, ip: string | undefined) => hmac(secret, `rate:ip:${ip ?? 'unknown'}`);

/** "3 minutes", "1 minute", "5 heures": when to try again, rounded up. */
export function retryDelayFr(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 120) return `${minutes} minute${minutes > 1 ? 's' : ''}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} heures`;
}

export const tooManyAttempts = (retryAfterSeconds: number) =>
  tooManyRequests(
    'too_many_requests',
    `Trop de demandes. Réessayez dans ${retryDelayFr(retryAfterSeconds)}.`,
    retryAfterSeconds,
  );

/** Seconds until `limits` allow one more event at `times` (ms), or 0 when they already do. */
export function waitFor(times: number[], limits: Limit[], now: number): number {
  let wait = 0;
  for (const { windowMs, max } of limits) {
    const inWindow = times.filter((t) => t > now - windowMs).sort((a, b) => a - b);
    if (inWindow.length >= max) {
      const freedAt = inWindow[inWindow.length - max]! + windowMs;
      wait = Math.max(wait, Math.ceil((freedAt - now) / 1000));
    }
  }
  return wait;
}

async function times(em: EntityManager, clock: Clock, where: Record<string, string>, windowMs: number) {
  const rows = await em.getRepository(AuthRateEventEntity).find({
    select: { occurredAt: true },
    where: { ...where, occurredAt: MoreThan(new Date(clock.now().getTime() - windowMs)) },
  });
  return rows.map((r) => r.occurredAt.getTime());
}

/** Throws 429 with Retry-After when one more event of `kind` would break a limit. */
export async function assertWithinLimits(
  em: EntityManager,
  clock: Clock,
  kind: RateEventKind,
  keys: { phone?: { key: string; limits: Limit[] }; ip?: { key: string; limits: Limit[] } },
): Promise<void> {
  const now = clock.now().getTime();
  let wait = 0;
  if (keys.ip) {
    const window = Math.max(...keys.ip.limits.map((l) => l.windowMs));
    wait = Math.max(wait, waitFor(await times(em, clock, { kind, ipKey: keys.ip.key }, window), keys.ip.limits, now));
  }
  if (keys.phone) {
    const window = Math.max(...keys.phone.limits.map((l) => l.windowMs));
    const seen = await times(em, clock, { kind, phoneKey: keys.phone.key }, window);
    wait = Math.max(wait, waitFor(seen, keys.phone.limits, now));
  }
  if (wait > 0) throw tooManyAttempts(wait);
}

export async function recordRateEvent(
  em: EntityManager,
  clock: Clock,
  kind: RateEventKind,
  keys: { phoneKey?: string | null; ipKey?: string | null },
): Promise<void> {
  await em.getRepository(AuthRateEventEntity).insert({
    id: randomUUID(),
    kind,
    phoneKey: keys.phoneKey ?? null,
    ipKey: keys.ipKey ?? null,
    occurredAt: clock.now(),
  });
}

/** Counters older than the longest window, and codes long expired, are of no use: drop them. */
export async function purgeStale(em: EntityManager, deps: Pick<Deps, 'clock'>): Promise<void> {
  const dayAgo = new Date(deps.clock.now().getTime() - DAY);
  await em.getRepository(AuthRateEventEntity).delete({ occurredAt: LessThan(dayAgo) });
  await em.getRepository(OtpCodeEntity).delete({ expiresAt: LessThan(dayAgo) });
}
