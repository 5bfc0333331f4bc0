// The Closeloop app's own record in sys_scope, as an installed app leaves it (its properties are
// seeded with it in seed.ts). Version: the release this stand-in ships with, as the app's.
import { readFileSync } from 'node:fs';
import { blankRow, putRow, type Store } from './store.js';

export const APP_SCOPE = 'x_closeloop';
export const APP_NAME = 'Closeloop Closure Guard';

function releaseVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function seedApplication(store: Store): void {
  putRow(store, 'sys_scope', {
    ...blankRow(store, 'sys_scope', 'system', Date.parse('2025-01-01T00:00:00Z')),
    scope: APP_SCOPE,
    name: APP_NAME,
    version: releaseVersion(),
    active: 'true',
  });
}
