import type { EntityManager } from 'typeorm';
import { recordAuditNow, type AuditInput } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/errors.js';
import type { SmsMessage } from '../notifications/sms.js';
import { DAY } from '../shared/clock.js';
import { SmsDailyCounterEntity } from './sms-login.entity.js';

/**
 * OTP-11: a global daily SMS budget (SMS_DAILY_BUDGET, per UTC day) with a circuit breaker. Every
 * SMS the application sends reserves one unit first; once the budget is spent the breaker stays
 * open until midnight UTC: SMS requests answer 503, nothing reaches the provider, the first refusal
 * is audited (`sms.budget_exhausted`) and every refusal is logged as a security event.
 */

const utcDay = (now: Date) => now.toISOString().slice(0, 10);

function secondsUntilTomorrow(now: Date): number {
  const tomorrow = Date.parse(`${utcDay(now)}T00:00:00.000Z`) + DAY;
  return Math.max(1, Math.ceil((tomorrow - now.getTime()) / 1000));
}

export const smsBudgetExhausted = (now: Date) =>
  new AppError(
    503,
    'sms_budget_exhausted',
    "L'envoi des SMS est suspendu pour aujourd'hui. Réessayez demain ou adressez-vous à votre référent.",
    {},
    { 'Retry-After': String(secondsUntilTomorrow(now)) },
  );

async function ensureCounter(em: EntityManager, day: string): Promise<void> {
  const repo = em.getRepository(SmsDailyCounterEntity);
  if (await repo.existsBy({ day })) return;
  await repo.createQueryBuilder().insert().values({ day, sent: 0, trippedAt: null }).orIgnore().execute();
}

/** Whether today's budget is already spent (the breaker is open). */
export async function isSmsBudgetSpent(em: EntityManager, deps: Pick<Deps, 'clock' | 'config'>): Promise<boolean> {
  const counter = await em.getRepository(SmsDailyCounterEntity).findOneBy({ day: utcDay(deps.clock.now()) });
  return counter !== null && (counter.trippedAt !== null || counter.sent >= deps.config.SMS_DAILY_BUDGET);
}

/**
 * Takes `units` SMS (1, or 0 to run the same statements without spending: an unknown number's login
 * request must cost the same time as a known one). Returns false when the budget cannot cover it.
 */
export async function reserveSms(
  em: EntityManager,
  deps: Pick<Deps, 'clock' | 'config'>,
  units: 0 | 1 = 1,
): Promise<boolean> {
  const day = utcDay(deps.clock.now());
  await ensureCounter(em, day);
  const result = await em
    .getRepository(SmsDailyCounterEntity)
    .createQueryBuilder()
    .update()
    .set({ sent: () => `sent + ${units}` })
    .where('day = :day AND sent < :budget AND trippedAt IS NULL', { day, budget: deps.config.SMS_DAILY_BUDGET })
    .execute();
  return units === 0 || result.affected === 1;
}

/** Opens the breaker for today (audited once) and returns the 503 to throw. */
export async function refuseOverBudget(deps: Deps, actor: AuditInput['actor'], requestId: string | null) {
  const now = deps.clock.now();
  const day = utcDay(now);
  const opened = await deps.db.transaction(async (em) => {
    await ensureCounter(em, day);
    const result = await em
      .getRepository(SmsDailyCounterEntity)
      .createQueryBuilder()
      .update()
      .set({ trippedAt: now })
      .where('day = :day AND trippedAt IS NULL', { day })
      .execute();
    return result.affected === 1;
  });
  deps.logger.warn(
    { security: 'sms_budget_exhausted', budget: deps.config.SMS_DAILY_BUDGET, day, firstRefusal: opened },
    'security event: daily SMS budget exhausted, SMS refused',
  );
  if (opened) {
    await recordAuditNow(deps.db, deps.clock, {
      action: 'sms.budget_exhausted',
      result: 'denied',
      actor,
      requestId,
      details: { budget: deps.config.SMS_DAILY_BUDGET, day },
    });
  }
  return smsBudgetExhausted(now);
}

/**
 * Sends one SMS now, within the budget: for messages a staff action triggers (welcome, desk consent
 * code, phone-change notices). Throws the 503 when the budget is spent or the provider fails.
 */
export async function sendBudgetedSms(
  deps: Deps,
  message: SmsMessage,
  audit: { actor: AuditInput['actor']; requestId: string | null },
): Promise<void> {
  const reserved = await deps.db.transaction((em) => reserveSms(em, deps, 1));
  if (!reserved) throw await refuseOverBudget(deps, audit.actor, audit.requestId);
  await deps.sms.send(message);
}
