// Polling with a deadline, for a story that waits on other components (the outbox delivering, the
// watcher pushing a verdict). A timeout says what was awaited and what was last seen.

export class DemoStepError extends Error {
  override readonly name = 'DemoStepError';
}

export interface WaitOptions {
  /** What is awaited, for the timeout message ("the incident in ServiceNow"). */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Called after every unsuccessful poll with the time waited so far (progress output). */
  onPoll?: (waitedMs: number) => void | Promise<void>;
  /** Stops waiting (Ctrl-C): the wait rejects with DemoStepError "interrupted". */
  signal?: AbortSignal;
}

/** Polls `probe` until it returns a value that is not null/undefined; throws DemoStepError on timeout. */
export async function waitFor<T>(
  probe: () => Promise<T | null | undefined>,
  options: WaitOptions,
): Promise<NonNullable<T>> {
  const started = Date.now();
  let lastError: unknown = null;
  for (;;) {
    if (options.signal?.aborted) throw new DemoStepError(`interrupted while waiting for ${options.what}`);
    try {
      const value = await probe();
      if (value !== null && value !== undefined) return value;
      lastError = null;
    } catch (error) {
      lastError = error;
    }
    const waited = Date.now() - started;
    if (waited >= options.timeoutMs) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new DemoStepError(
        `timed out after ${(waited / 1000).toFixed(1)} s waiting for ${options.what}${why}`,
      );
    }
    await options.onPoll?.(waited);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}

/** Throws DemoStepError with `message` unless `condition` holds. */
export function expectThat(condition: boolean, message: string): asserts condition {
  if (!condition) throw new DemoStepError(message);
}
