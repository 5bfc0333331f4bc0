// Slows down key guessing on the login form: after `maxFailures` failed attempts from one address
// within `windowMs`, that address is refused until the oldest failure leaves the window.

export interface LoginThrottle {
  /** Milliseconds until `addr` may try again (0 = now). */
  waitMs(addr: string, nowMs: number): number;
  fail(addr: string, nowMs: number): void;
  succeed(addr: string): void;
}

export function createLoginThrottle(opts: { maxFailures: number; windowMs: number }): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (addr: string, nowMs: number): number[] => {
    const list = (failures.get(addr) ?? []).filter((t) => nowMs - t < opts.windowMs);
    if (list.length) failures.set(addr, list);
    else failures.delete(addr);
    return list;
  };
  return {
    waitMs(addr, nowMs) {
      const list = recent(addr, nowMs);
      if (list.length < opts.maxFailures) return 0;
      return list[list.length - opts.maxFailures]! + opts.windowMs - nowMs;
    },
    fail(addr, nowMs) {
      // Bounded memory under a spray from many addresses: forget the oldest address first.
      if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
      failures.set(addr, [...recent(addr, nowMs), nowMs]);
    },
    succeed(addr) {
      failures.delete(addr);
    },
  };
}
