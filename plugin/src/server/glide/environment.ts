// GuardEnvironment on the instance: the thin Glide adapters wired together.
import type { GuardEnvironment } from '../closure/types.ts';
import { readProperty } from './properties.ts';
import { sendClosureCheck } from './connector-client.ts';
import { findPushedVerdict } from './verdict-store.ts';
import { lookupCiClass } from './cmdb.ts';
import { currentUserId, userHasRole } from './session.ts';

export function glideEnvironment(): GuardEnvironment {
  return {
    readProperty,
    sendClosureCheck,
    findPushedVerdict,
    lookupCiClass,
    nowMs: () => Date.now(),
    userId: currentUserId,
    hasRole: userHasRole,
  };
}
