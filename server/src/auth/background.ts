import type { Logger } from '../shared/logger.js';

/**
 * Work that must not delay an answer: the SMS of a login request is sent after the answer is
 * written, so that a known number and an unknown one answer alike and in the same time (OTP-9),
 * whatever the provider does. Failures are logged with a label only (LOG-4).
 */
const inFlight = new Set<Promise<void>>();

export function runInBackground(logger: Logger, label: string, work: () => Promise<void>): void {
  const task: Promise<void> = Promise.resolve()
    .then(work)
    .catch(() => logger.warn({ task: label }, 'background notification failed'))
    .finally(() => inFlight.delete(task));
  inFlight.add(task);
}

/** Resolves once every background task started so far (and any they start) has finished: tests, shutdown. */
export async function settleBackground(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}
