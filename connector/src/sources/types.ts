// What every source decoder returns: the alarms it could decode and a precise error for each part it
// could not, so one bad alarm in a batch never costs the good ones.
import type { Alarm } from '../model/alarm.js';

export type DecodeError = {
  /** Position of the bad alarm in the batch; null when the body as a whole has the wrong shape. */
  index: number | null;
  message: string;
  /** The offending part of the payload (the whole body when index is null). */
  raw: unknown;
};

export type DecodeResult = {
  alarms: Alarm[];
  errors: DecodeError[];
  /** Facts worth logging that are not errors (e.g. Alertmanager truncated alerts). */
  notes?: string[];
};

export type DecodeOptions = { receivedAt: Date };

export function bodyError(message: string, raw: unknown): DecodeResult {
  return { alarms: [], errors: [{ index: null, message, raw }] };
}
