// A stack of undo steps for one test: processes to kill, servers to close, directories to remove.
// `run` executes all of them (newest first) even when some fail, so a failing test still leaves
// nothing behind.
export interface Cleanup {
  add(what: string, undo: () => Promise<void> | void): void;
  run(): Promise<void>;
}

export function createCleanup(): Cleanup {
  const steps: { what: string; undo: () => Promise<void> | void }[] = [];
  return {
    add: (what, undo) => void steps.push({ what, undo }),
    run: async () => {
      const problems: string[] = [];
      while (steps.length > 0) {
        const step = steps.pop()!;
        try {
          await step.undo();
        } catch (error) {
          problems.push(`${step.what}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (problems.length) throw new Error(`cleanup failed:\n${problems.join('\n')}`);
    },
  };
}
