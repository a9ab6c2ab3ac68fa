import type { Clock } from '../shared/clock.js';

/**
 * STAFF-4 for e-mails that match no usable account: the same 10-failures / 15-minutes rule as real
 * accounts (whose counters live in `staff_members`), kept in memory so that an unknown address
 * locks exactly like a known one and the lock reveals nothing. Keys are HMACs of the address.
 */
export const MAX_FAILED_LOGINS = 10;
export const LOCK_MS = 15 * 60 * 1000;
const MAX_ENTRIES = 10_000;

interface Entry {
  failures: number;
  lockedUntil: number | null;
  touchedAt: number;
}

export class UnknownLoginThrottle {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  /** Milliseconds left on the lock of this key, or 0. */
  lockedForMs(key: string): number {
    const entry = this.#entries.get(key);
    const now = this.clock.now().getTime();
    if (!entry?.lockedUntil) return 0;
    if (entry.lockedUntil <= now) {
      this.#entries.delete(key);
      return 0;
    }
    return entry.lockedUntil - now;
  }

  /** Counts a failure; returns the lock length when this failure locks the key. */
  fail(key: string): number {
    const now = this.clock.now().getTime();
    const entry = this.#entries.get(key) ?? { failures: 0, lockedUntil: null, touchedAt: now };
    entry.failures += 1;
    entry.touchedAt = now;
    if (entry.failures >= MAX_FAILED_LOGINS) {
      entry.failures = 0;
      entry.lockedUntil = now + LOCK_MS;
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.#prune();
    return entry.lockedUntil && entry.lockedUntil > now ? entry.lockedUntil - now : 0;
  }

  /** Oldest entries go first when the map is full (Map keeps insertion order; `fail` re-inserts). */
  #prune(): void {
    while (this.#entries.size > MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) return;
      this.#entries.delete(oldest);
    }
  }
}

const throttles = new WeakMap<object, UnknownLoginThrottle>();

/** One throttle per application instance (keyed by its dependencies, so each test app has its own). */
export function unknownLoginThrottle(owner: object, clock: Clock): UnknownLoginThrottle {
  let throttle = throttles.get(owner);
  if (!throttle) {
    throttle = new UnknownLoginThrottle(clock);
    throttles.set(owner, throttle);
  }
  return throttle;
}
