// What the non-HTTP source transports (SNMP listener, MQTT subscriber) hand to the service.
import type { Logger } from 'pino';
import type { DecodeResult } from './types.js';

/**
 * Called once per received message, in arrival order, with what it decoded to (alarms and/or errors)
 * and the message as received (JSON-safe), so rejected input can be stored like a rejected HTTP body.
 */
export type OnAlarms = (result: DecodeResult, raw: unknown) => Promise<void>;

export type SourceLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

export const silentLogger: SourceLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
} as unknown as SourceLogger;

/** Runs async deliveries strictly one after another (a clear never overtakes its raise). */
export function serialQueue(onError: (err: unknown) => void): {
  push(task: () => Promise<void>): void;
  drain(): Promise<void>;
} {
  let tail: Promise<void> = Promise.resolve();
  return {
    push(task) {
      tail = tail.then(task).catch(onError);
    },
    drain: () => tail,
  };
}
