// `closeloop demo` from start to finish: make sure the plugin is built, start the environment, tell
// the story, say where to look and how to go real, then stop everything (or, with keepRunning, wait
// for Ctrl-C first). Returns the exit code: 0 when every step did what it should, 1 otherwise, 130
// when interrupted.
import {
  DemoStartError,
  DEMO_USERS,
  logTail,
  startDemoEnvironment,
  type DemoEnvironment,
} from './environment.js';
import { createNarrator, stamp, type Narrator } from './narrate.js';
import { buildPlugin, PLUGIN_APP_DIR, pluginBuildState } from './plugin-build.js';
import { runScenario, COOLING_KEY } from './scenario.js';
import { DemoStepError } from './wait.js';

export interface DemoRunOptions {
  write: (text: string) => void;
  /** Leave everything running after the story until `stopSignal` resolves. */
  keepRunning: boolean;
  /** Resolves when the user asks to stop (Ctrl-C); interrupts the story too. */
  stopSignal: Promise<void>;
  /** The plugin's build output; default plugin/dist/app, built first when missing or stale. */
  appDir?: string;
}

class Interrupted extends Error {}

export async function runDemo(o: DemoRunOptions): Promise<number> {
  const narrator = createNarrator(o.write);
  const abort = new AbortController();
  const interrupted = o.stopSignal.then(() => {
    abort.abort();
    throw new Interrupted('interrupted');
  });
  interrupted.catch(() => undefined);
  const race = <T>(p: Promise<T>): Promise<T> => Promise.race([p, interrupted]);

  o.write(
    'Closeloop demo: OT alarms become ONE ServiceNow incident, and it cannot be resolved until live telemetry\n' +
      'agrees. Everything runs on this machine, on 127.0.0.1: a ServiceNow stand-in running the Closeloop\n' +
      'plugin, a scripted data-centre site, and the connector.\n',
  );
  let env: DemoEnvironment | null = null;
  let starting: Promise<DemoEnvironment> | null = null;
  try {
    narrator.step('Setting up');
    const appDir = o.appDir ?? PLUGIN_APP_DIR;
    if (!o.appDir) {
      const state = pluginBuildState();
      if (!state.fresh) {
        narrator.say(`Building the ServiceNow plugin with now-sdk (${state.reason}; takes 30–90 s, once)…`);
        await race(buildPlugin(undefined, abort.signal));
        narrator.ok('Plugin built: plugin/dist/app');
      }
    }
    starting = startDemoEnvironment({ appDir });
    env = await race(starting);
    describeEnvironment(narrator, env);

    await race(runScenario(env, narrator, { signal: abort.signal }));

    whereToLook(o.write, env, o.keepRunning);
    if (o.keepRunning) {
      o.write('\nEverything stays up (the watcher keeps evaluating). Press Ctrl-C to stop and clean up.\n');
      await o.stopSignal;
    }
    await env.close();
    env = null;
    narrator.ok(
      `Done: servers and workers stopped, temporary files removed. Total ${seconds(narrator.elapsedMs())}.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof Interrupted) {
      o.write(`\n${stamp(narrator.elapsedMs())} Interrupted: stopping everything…\n`);
      // Still starting: wait for it, then stop what it started.
      const started = env ?? (await starting?.catch(() => null)) ?? null;
      await started?.close().catch(() => undefined);
      return 130;
    }
    const what = error instanceof DemoStartError ? 'could not start' : 'failed';
    o.write(`\n${stamp(narrator.elapsedMs())} ✗ The demo ${what}: ${describe(error)}\n`);
    const tail = error instanceof DemoStartError ? error.logTail : env ? logTail(env.logFile) : [];
    if (tail.length) {
      o.write(`\nLast lines of the components' log:\n`);
      for (const line of tail) o.write(`  ${line}\n`);
    }
    await env?.close().catch(() => undefined);
    return 1;
  }
}

function describe(error: unknown): string {
  if (error instanceof DemoStepError || error instanceof DemoStartError) return error.message;
  if (error instanceof Error) return `${error.message}${error.stack ? `\n${error.stack}` : ''}`;
  return String(error);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function describeEnvironment(narrator: Narrator, env: DemoEnvironment): void {
  const plugin = env.standin.plugin;
  narrator.say(
    `ServiceNow stand-in  ${env.standin.url}  running the plugin's built business rules (${plugin?.rules.map((r) => `"${r.name}"`).join(', ') ?? 'none'})`,
  );
  narrator.say(`                      and UI actions ${plugin?.uiActions.join(', ') ?? 'none'}`);
  narrator.say(
    `Site telemetry feed  ${env.feed.url}  (Prometheus HTTP API; CRAH-1 has been failing for 40 s)`,
  );
  narrator.say(`Connector            ${env.connectorUrl}  (SQLite in ${env.dataDir}, demo mappings)`);
  narrator.ok('Ready');
}

function whereToLook(write: (text: string) => void, env: DemoEnvironment, keepRunning: boolean): void {
  const admin = DEMO_USERS.admin;
  const lines = [
    '',
    `Where to look${keepRunning ? '' : ' (these URLs work while the demo runs: use --keep-running to explore them)'}:`,
    `  Admin console          ${env.connectorUrl}/console  (log in with the API key ${env.apiKey})`,
    `  Connector events       curl -H 'X-API-Key: ${env.apiKey}' ${env.connectorUrl}/v1/events`,
    `  One event, its alarms  curl -H 'X-API-Key: ${env.apiKey}' ${env.connectorUrl}/v1/events/${encodeURIComponent(COOLING_KEY)}`,
    `  ServiceNow incidents   curl -u ${admin.username}:${admin.password} '${env.standin.url}/api/now/table/incident?sysparm_display_value=true&sysparm_fields=number,state,priority,short_description,assignment_group,correlation_id'`,
    `  Closure check audit    curl '${env.standin.url}/__standin/tables/x_closeloop_closure_audit'  (the stand-in's test endpoint)`,
    `  Site readings          curl ${env.feed.url}/metrics`,
    ...(keepRunning
      ? [
          `  Post an alarm          curl -H 'Authorization: Bearer ${env.sourceTokens.bms}' -H 'Content-Type: application/json' \\`,
          `                           -d @test/fixtures/alarms/bms-crah-supply-air-high.json ${env.connectorUrl}/v1/alarms/bms`,
        ]
      : []),
    `  Components' log        ${env.logFile}${keepRunning ? '' : ' (removed on exit)'}`,
    '',
    'Point the connector at a real instance:',
    '  1. Install the plugin on it (docs/plugin.md): cd plugin && npx now-sdk auth --add https://<instance>.service-now.com',
    '     --type basic --alias dev && npm run build && npx now-sdk install --auth dev; then give its connection alias',
    '     "Closeloop Connector" an https connection (where the instance reaches the connector) with an API key',
    '     credential, and the integration user the role x_closeloop.connector.',
    '  2. export SERVICENOW_INSTANCE_URL=https://<instance>.service-now.com SERVICENOW_USERNAME=<integration user>',
    '     SERVICENOW_PASSWORD=<password> CLOSELOOP_API_KEY=<the same key as the credential>',
    '  3. Edit closeloop.yaml (telemetry providers) and mappings/ (sources, topology, rules): docs/configuration.md,',
    '     docs/mappings.md; check them with: node connector/bin/closeloop.js mappings validate',
    '  4. node connector/bin/closeloop.js doctor   (instance reachable, credentials, mapped fields, close codes)',
    '  5. node connector/bin/closeloop.js serve    (then point the BMS, Alertmanager, Redfish… at POST /v1/alarms/<source>)',
  ];
  write(`${lines.join('\n')}\n`);
}
