// What the server put into the page: role, instance URL for incident links, polling interval.
import type { ConsoleConfig } from './types.js';

function read(): ConsoleConfig {
  const el = document.getElementById('console-config');
  const fallback: ConsoleConfig = {
    role: 'read_only',
    instanceUrl: null,
    incidentTable: 'incident',
    pollIntervalMs: 5000,
  };
  if (!el?.textContent) return fallback;
  try {
    return { ...fallback, ...(JSON.parse(el.textContent) as Partial<ConsoleConfig>) };
  } catch {
    return fallback;
  }
}

export const config: ConsoleConfig = read();
export const isAdmin = (): boolean => config.role === 'admin';
