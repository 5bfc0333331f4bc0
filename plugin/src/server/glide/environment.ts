// GuardEnvironment on the instance: the thin Glide adapters wired together.
import type { GuardEnvironment } from '../closure/types.ts';
import { readProperty } from './properties.ts';
import { sendClosureCheck } from './connector-client.ts';
import { findPushedVerdict } from './verdict-store.ts';
import { lookupCiClass } from './cmdb.ts';
import { connectorEndpoint } from './connection.ts';
import { findGuardedTable } from './guarded-table-store.ts';
import { loadRecord } from './record.ts';
import { readBreaker, writeBreaker } from './connector-state.ts';
import { findOverrideRequest } from './override-store.ts';
import {
  currentUserId,
  readSessionValue,
  sessionIsInteractive,
  userHasRole,
  writeSessionValue,
} from './session.ts';

export function glideEnvironment(): GuardEnvironment {
  return {
    readProperty,
    connectorEndpoint,
    guardedTable: findGuardedTable,
    loadRecord,
    lookupCiClass,
    sendClosureCheck,
    findPushedVerdict,
    readBreaker,
    writeBreaker,
    readSession: readSessionValue,
    writeSession: writeSessionValue,
    findOverrideRequest,
    nowMs: () => Date.now(),
    userId: currentUserId,
    hasRole: userHasRole,
    isInteractive: sessionIsInteractive,
  };
}
