// Failed credentials, counted per client address across every endpoint (X-API-Key on /v1 and the
// console API, the console login form, alarm sources' tokens and signatures) and per credential across
// all clients (guessing spread over many addresses). A success never clears failures: otherwise one valid
// read-only login would reset the count of guesses at the admin key.
//
// A throttled client's wrong credentials are answered 429 with Retry-After instead of 401. Its correct
// credentials are still accepted: an attacker sharing an address with the ServiceNow MID Server or an
// admin's proxy must not be able to lock them out. What keeps a key from being guessed is its length
// (docs/security.md); the throttle makes guessing visible and keeps it from filling logs.

export interface ThrottlePolicy {
  /** Failures one client may make within `windowMs` before its failures are answered 429. */
  maxFailures: number;
  /** Failures against one credential from all clients within `windowMs` before every failure is 429. */
  maxCredentialFailures: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  maxFailures: 10,
  maxCredentialFailures: 100,
  windowMs: 5 * 60_000,
};

export interface CredentialThrottle {
  /**
   * Records a failed credential from `client` for `credential` (e.g. "api_key", "console_login",
   * "source:bms"). Throttled when the failures before this one had reached a limit; `retryAfterMs` is
   * then the time until the client's failures stop being throttled.
   */
  fail(client: string, credential: string, nowMs: number): { throttled: boolean; retryAfterMs: number };
  /** Ms until `client` failing `credential` would no longer be throttled (0 = not throttled now). */
  waitMs(client: string, credential: string, nowMs: number): number;
}

/** Bounds memory under a spray from many addresses: the least recently failing keys are forgotten. */
const MAX_KEYS = 10_000;

function slidingWindow(limit: number, windowMs: number) {
  const times = new Map<string, number[]>();
  const recent = (key: string, nowMs: number): number[] => {
    const list = (times.get(key) ?? []).filter((t) => nowMs - t < windowMs);
    if (list.length) times.set(key, list);
    else times.delete(key);
    return list;
  };
  return {
    add(key: string, nowMs: number): void {
      // Only the `limit` most recent failures matter for the wait, so the list never grows past it.
      const list = [...recent(key, nowMs), nowMs].slice(-limit);
      times.delete(key);
      if (times.size >= MAX_KEYS) times.delete(times.keys().next().value!);
      times.set(key, list);
    },
    waitMs(key: string, nowMs: number): number {
      const list = recent(key, nowMs);
      if (list.length < limit) return 0;
      return Math.max(1, list[list.length - limit]! + windowMs - nowMs);
    },
  };
}

export function createCredentialThrottle(policy: ThrottlePolicy = DEFAULT_THROTTLE): CredentialThrottle {
  const byClient = slidingWindow(policy.maxFailures, policy.windowMs);
  const byCredential = slidingWindow(policy.maxCredentialFailures, policy.windowMs);
  const waitMs = (client: string, credential: string, nowMs: number) =>
    Math.max(byClient.waitMs(client, nowMs), byCredential.waitMs(credential, nowMs));
  return {
    fail(client, credential, nowMs) {
      const throttled = waitMs(client, credential, nowMs) > 0;
      byClient.add(client, nowMs);
      byCredential.add(credential, nowMs);
      return { throttled, retryAfterMs: throttled ? waitMs(client, credential, nowMs) : 0 };
    },
    waitMs,
  };
}
