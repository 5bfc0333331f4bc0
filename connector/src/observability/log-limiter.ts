// Bounds log lines that outsiders can cause (junk datagrams, refused requests): per key, at most
// `perWindow` lines per `windowMs`; what is held back is reported once per window as a count, so a flood
// of 20,000 bad datagrams writes a handful of lines, not 20,000. Counting every event is a metric's job.

export interface LogLimiter {
  /** True when a line for `key` may be written now; otherwise it is counted as suppressed. */
  admit(key: string, nowMs?: number): boolean;
  /** Reports (and forgets) suppressed counts of windows that have ended. */
  flush(nowMs?: number): void;
  close(): void;
}

export function createLogLimiter(opts: {
  perWindow: number;
  windowMs: number;
  onSuppressed: (key: string, count: number, windowMs: number) => void;
  /** Keys remembered at once (bounded memory under a spray of distinct keys). */
  maxKeys?: number;
}): LogLimiter {
  const maxKeys = opts.maxKeys ?? 1000;
  const windows = new Map<string, { start: number; lines: number; suppressed: number }>();
  const flush = (nowMs = Date.now()) => {
    for (const [key, w] of windows) {
      if (nowMs - w.start < opts.windowMs) continue;
      windows.delete(key);
      if (w.suppressed > 0) opts.onSuppressed(key, w.suppressed, opts.windowMs);
    }
  };
  const timer = setInterval(() => flush(), opts.windowMs);
  timer.unref();
  return {
    admit(key, nowMs = Date.now()) {
      let w = windows.get(key);
      if (w && nowMs - w.start >= opts.windowMs) {
        windows.delete(key);
        if (w.suppressed > 0) opts.onSuppressed(key, w.suppressed, opts.windowMs);
        w = undefined;
      }
      if (!w) {
        if (windows.size >= maxKeys) {
          // Too many distinct keys: fold new ones into one shared key rather than forget counts.
          key = '(other)';
          w = windows.get(key);
        }
        if (!w) {
          w = { start: nowMs, lines: 0, suppressed: 0 };
          windows.set(key, w);
        }
      }
      if (w.lines < opts.perWindow) {
        w.lines++;
        return true;
      }
      w.suppressed++;
      return false;
    },
    flush,
    close() {
      clearInterval(timer);
      flush(Number.POSITIVE_INFINITY);
    },
  };
}
