// What the connector knows about one alarm across its updates (one per source and alarm id).
import type { Alarm, AlarmState, Severity } from './alarm.js';

export interface AlarmRecord {
  identity: string;
  source: string;
  alarmId: string;
  state: AlarmState;
  severity: Severity;
  type: string;
  eventKey: string | null;
  rule: string | null;
  firstSeenAt: string;
  lastChangeAt: string;
  lastReceivedAt: string;
  /** How many state changes were seen in all. */
  changeCount: number;
  /** Times of recent state changes (within the flap window). */
  recentChanges: string[];
  flapping: boolean;
  /** The update last applied. */
  alarm: Alarm;
}
