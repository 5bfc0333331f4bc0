// The demo's story against a running DemoEnvironment: (a)–(c) one cooling incident from two alarm
// sources, refused while telemetry settles and allowed once it is stable; (d) a second incident
// resolved by override; then the closure-check audit of both. Every step checks that what it
// expected really happened and otherwise stops with a DemoStepError; the result is what the
// end-to-end test asserts on.
import type { DemoEnvironment } from './environment.js';
import type { Narrator } from './narrate.js';
import { scenarioContext } from './scenario-context.js';
import { coolingStory, type CoolingResult } from './story-cooling.js';
import { overrideStory, type OverrideResult } from './story-override.js';

export { COOLING_KEY, CLOSE_CODE } from './story-cooling.js';
export { CDU_KEY, OVERRIDE_ACTION, OVERRIDE_JUSTIFICATION } from './story-override.js';
export type { AuditView } from './scenario-context.js';

export interface ScenarioResult {
  cooling: CoolingResult;
  cdu: OverrideResult;
}

export interface ScenarioOptions {
  /** Longest wait for any one thing (default 30 s; the pass verdict may take twice as long). */
  timeoutMs?: number;
  /** Abort to stop the story (every wait ends at once). */
  signal?: AbortSignal;
}

export async function runScenario(
  env: DemoEnvironment,
  narrator: Narrator,
  options: ScenarioOptions = {},
): Promise<ScenarioResult> {
  const ctx = scenarioContext(env, narrator, options.timeoutMs ?? 30_000, options.signal);
  const cooling = await coolingStory(ctx);
  const cdu = await overrideStory(ctx);

  narrator.step(
    'Closure check audit (x_closeloop_closure_audit: every resolution attempt, blocked ones included)',
  );
  for (const [number, rows] of [
    [cooling.number, cooling.audits],
    [cdu.number, cdu.audits],
  ] as const) {
    for (const a of rows)
      narrator.say(
        `${number}  ${a.checkedAt}  ${a.outcome.padEnd(10)}  verdict ${a.verdict.padEnd(4)} (${a.source})  by ${a.user}${a.justification ? ', with justification' : ''}`,
      );
  }
  return { cooling, cdu };
}
