// What the non-HTTP source transports (SNMP listener, MQTT subscriber) hand to the service.
import type { Logger } from 'pino';
import type { DecodeResult } from './types.js';

/** One message as it arrived, for the rejected row when any of it is refused. */
export type ReceivedInput = {
  /** The message exactly as received (SNMP: the trap as JSON; net-snmp does not hand over the datagram). */
  body: Uint8Array;
  contentType: string;
  /** Where it came from, put before the refusal reason: `topic dc1/hall-b/R11/alarm`, `trap from 10.0.0.5`. */
  origin: string;
  receivedAt: Date;
};

/**
 * Called once per received message, in arrival order, with what it decoded to (alarms and/or errors).
 * Resolves once its alarms are stored and its refusals kept; rejects when the store failed (the
 * message must then not be acknowledged).
 */
export type OnAlarms = (result: DecodeResult, input: ReceivedInput) => Promise<void>;

/** Keeps a message that could not be stored after repeated attempts as a rejected payload. */
export type OnUnstorable = (input: ReceivedInput, err: unknown) => Promise<void>;

/** Bounds every transport applies to one message (closeloop.yaml `limits`). */
export type TransportLimits = {
  nestingDepth: number;
  alarmsPerBatch: number;
  /** Largest message taken; a larger one is refused without being kept. */
  messageBytes: number;
};

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
