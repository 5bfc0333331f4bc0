// An MQTT broker for tests: the shared Mosquitto on 127.0.0.1:1883 when it answers, else our own
// `mosquitto -p <free port>` (stopped again by stop()).
import { spawn } from 'node:child_process';
import net from 'node:net';
import { freePort } from './prometheus.js';

export interface BrokerHandle {
  url: string;
  /** True when this helper started the broker (and stop() kills it). */
  own: boolean;
  stop(): Promise<void>;
}

function reachable(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

/** A broker URL (`own`: always start our own), or throws with the reason no broker could be had (callers skip loudly). */
export async function startBroker(opts: { own?: boolean } = {}): Promise<BrokerHandle> {
  if (!opts.own && (await reachable(1883)))
    return { url: 'mqtt://127.0.0.1:1883', own: false, stop: async () => {} };
  const port = await freePort();
  let child;
  try {
    child = spawn('mosquitto', ['-p', String(port)], { stdio: 'ignore' });
  } catch (err) {
    throw new Error(`no broker on 127.0.0.1:1883 and mosquitto cannot start: ${String(err)}`);
  }
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (await reachable(port)) {
      return {
        url: `mqtt://127.0.0.1:${port}`,
        own: true,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    const failed = await Promise.race([spawnError, new Promise<null>((r) => setTimeout(() => r(null), 100))]);
    if (failed) throw new Error(`no broker on 127.0.0.1:1883 and mosquitto cannot start: ${failed.message}`);
  }
  child.kill('SIGKILL');
  throw new Error(`no broker on 127.0.0.1:1883 and mosquitto -p ${port} did not listen within 5 s`);
}

/** Ends a persistent session at the broker (connect clean with its client id, disconnect), so tests leave nothing queued behind. */
export async function forgetSession(url: string, clientId: string): Promise<void> {
  const { default: mqtt } = await import('mqtt');
  const c = await mqtt.connectAsync(url, { clientId, clean: true, reconnectPeriod: 0 }).catch(() => null);
  await c?.endAsync();
}
