/** Time is injected so that expiry rules are testable: nothing reads `Date.now()` directly. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock the tests move by hand. It starts at the real current time by default, so that cookie
 * expiry dates it produces are in the future for the HTTP client too.
 */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: Date | string = systemClock.now()) {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
  set(to: Date | string): void {
    this.#ms = new Date(to).getTime();
  }
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
