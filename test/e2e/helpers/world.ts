// One end-to-end world: a temporary directory, the ServiceNow stand-in in this process (optionally
// running the plugin) and the connector as a `closeloop serve` child process configured to use it.
// Everything is registered with the test's cleanup.
import crypto from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectorClient, type ConnectorClient } from '../../../connector/src/demo/connector-client.js';
import { DEMO_USERS } from '../../../connector/src/demo/environment.js';
import { PLUGIN_APP_DIR, pluginBuildState } from '../../../connector/src/demo/plugin-build.js';
import {
  startStandin,
  type Standin,
  type StandinOptions,
} from '../../../connector/src/demo/standin/index.js';
import { buildPluginOnce } from '../../plugin/support/sdk-build.js';
import type { Cleanup } from './cleanup.js';
import {
  spawnConnector,
  writeConnectorConfig,
  type ConnectorFiles,
  type ConnectorProcess,
} from './connector-process.js';

export const USERS = [DEMO_USERS.admin, DEMO_USERS.integration, DEMO_USERS.technician, DEMO_USERS.lead];

export interface World {
  dir: string;
  dataDir: string;
  apiKey: string;
  sourceToken: string;
  standin: Standin;
  files: ConnectorFiles;
  /** Takes the instance down (connection refused) until `standinUp`; keeps its data in a snapshot. */
  standinDown(): Promise<void>;
  /** Brings the instance back on the same port with the data it had. */
  standinUp(): Promise<void>;
  /** Starts `closeloop serve` on the world's data directory (again, after a kill). */
  startConnector(): Promise<{ process: ConnectorProcess; api: ConnectorClient }>;
}

/** plugin/dist/app, built first when missing or older than the plugin's sources. */
export async function builtPluginApp(): Promise<string> {
  if (pluginBuildState().fresh) return PLUGIN_APP_DIR;
  const build = await buildPluginOnce();
  if (build.exitCode !== 0)
    throw new Error(`now-sdk build failed (exit ${build.exitCode}):\n${build.output}`);
  return build.appDir;
}

export async function createWorld(
  cleanup: Cleanup,
  o: { standin?: StandinOptions; config?: Record<string, unknown>; mappingsDir?: string } = {},
): Promise<World> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'closeloop-e2e-'));
  cleanup.add(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  const dataDir = path.join(dir, 'data');
  mkdirSync(dataDir);
  const standinOptions: StandinOptions = {
    users: USERS,
    snapshotFile: path.join(dir, 'standin-snapshot.json'),
    // The instance's REST transaction quota, scaled down from 60 s so that tests need not wait for
    // it; the connector's servicenow.request_lifetime (connector-process.ts) is set just above it.
    transactionQuotaMs: 3000,
    ...o.standin,
  };
  let standin: Standin | null = await startStandin(standinOptions);
  const port = standin.port;
  cleanup.add('close the stand-in', () => standin?.close());
  const apiKey = crypto.randomBytes(12).toString('hex');
  const sourceToken = crypto.randomBytes(12).toString('hex');
  const files = writeConnectorConfig({
    dir,
    dataDir,
    standinUrl: standin.url,
    apiKey,
    password: DEMO_USERS.integration.password,
    sourceToken,
    ...(o.mappingsDir ? { mappingsDir: o.mappingsDir } : {}),
    ...(o.config ? { overrides: o.config } : {}),
  });
  const world: World = {
    dir,
    dataDir,
    apiKey,
    sourceToken,
    standin,
    files,
    standinDown: async () => {
      await standin?.close();
      standin = null;
    },
    standinUp: async () => {
      standin = await startStandin({ ...standinOptions, port });
      world.standin = standin;
    },
    startConnector: async () => {
      const process = await spawnConnector(files);
      cleanup.add(`stop connector ${process.pid}`, async () => void (await process.stop('SIGKILL')));
      return { process, api: connectorClient(process.url, apiKey) };
    },
  };
  return world;
}
