// Signatures already accepted, so that a captured signed request is accepted once even inside its
// timestamp window. Entries live as long as their timestamp could still pass (timestamp + max_skew);
// memory is bounded: past `capacity`, the oldest entries go first (the timestamp window still refuses
// anything older than max_skew). One cache per process: replicas each accept a replay at most once
// within the window (docs/security.md).

export interface SignatureReplays {
  /** True the first time `signature` is seen while it lives; false for a replay. */
  claim(signature: string, expiresAtMs: number, nowMs: number): boolean;
  /** Forget a claim (the request it authenticated was not processed: a retry must be accepted). */
  release(signature: string): void;
  readonly size: number;
}

export function createSignatureReplays(capacity = 50_000): SignatureReplays {
  const seen = new Map<string, number>();
  const sweep = (nowMs: number) => {
    // Insertion order is close to expiry order; stop at the first live entry.
    for (const [sig, exp] of seen) {
      if (exp > nowMs) break;
      seen.delete(sig);
    }
  };
  return {
    claim(signature, expiresAtMs, nowMs) {
      sweep(nowMs);
      const exp = seen.get(signature);
      if (exp !== undefined && exp > nowMs) return false;
      if (seen.size >= capacity) seen.delete(seen.keys().next().value!);
      seen.set(signature, expiresAtMs);
      return true;
    },
    release(signature) {
      seen.delete(signature);
    },
    get size() {
      return seen.size;
    },
  };
}
