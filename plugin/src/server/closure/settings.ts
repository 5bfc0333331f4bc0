// Turns the app's raw property strings into validated settings. Bad values fall back to safe
// defaults (never to "allow") and are reported so the adapter can log them.
import type { FailMode, GuardSettings } from './types.ts';
import { PROPERTY } from './names.ts';

export const DEFAULT_SETTINGS: GuardSettings = {
  connectorUrl: '',
  apiKey: '',
  midServer: '',
  timeoutSeconds: 8,
  failMode: 'block',
  maxPushedAgeMinutes: 15,
  guardedCorrelationDisplay: 'Closeloop',
  guardedCiClasses: [],
  stubResponse: '',
};

/** A MID Server waits at most glide.http.outbound.max_timeout (30 s by default). */
export const MAX_TIMEOUT_SECONDS = 30;
const MAX_PUSHED_AGE_MINUTES = 7 * 24 * 60;

export interface SettingsResult {
  settings: GuardSettings;
  problems: string[];
}

export type PropertyReader = (name: string) => string | undefined;

export function readGuardSettings(read: PropertyReader): SettingsResult {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = read(name);
    return value === undefined || value === null ? undefined : String(value).trim();
  };

  return {
    settings: {
      connectorUrl: parseConnectorUrl(text(PROPERTY.connectorUrl), problems),
      apiKey: text(PROPERTY.apiKey) ?? '',
      midServer: text(PROPERTY.midServer) ?? '',
      timeoutSeconds: parseInteger(
        PROPERTY.timeoutSeconds,
        text(PROPERTY.timeoutSeconds),
        1,
        MAX_TIMEOUT_SECONDS,
        DEFAULT_SETTINGS.timeoutSeconds,
        problems,
      ),
      failMode: parseFailMode(text(PROPERTY.failMode), problems),
      maxPushedAgeMinutes: parseInteger(
        PROPERTY.maxPushedAgeMinutes,
        text(PROPERTY.maxPushedAgeMinutes),
        0,
        MAX_PUSHED_AGE_MINUTES,
        DEFAULT_SETTINGS.maxPushedAgeMinutes,
        problems,
      ),
      // A missing property means the default; an explicitly emptied one switches the criterion off.
      guardedCorrelationDisplay:
        text(PROPERTY.guardedCorrelationDisplay) ?? DEFAULT_SETTINGS.guardedCorrelationDisplay,
      guardedCiClasses: parseCiClasses(text(PROPERTY.guardedCiClasses), problems),
      stubResponse: text(PROPERTY.stubResponse) ?? '',
    },
    problems,
  };
}

function parseConnectorUrl(value: string | undefined, problems: string[]): string {
  if (!value) return '';
  const trimmed = value.replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(trimmed)) {
    problems.push(`${PROPERTY.connectorUrl} is not an http(s) base URL: "${value}"`);
    return '';
  }
  return trimmed;
}

function parseInteger(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
  fallback: number,
  problems: string[],
): number {
  if (value === undefined || value === '') return fallback;
  if (!/^-?\d+$/.test(value)) {
    problems.push(`${name} is not a whole number: "${value}"; using ${fallback}`);
    return fallback;
  }
  const parsed = parseInt(value, 10);
  if (parsed < min || parsed > max) {
    const clamped = Math.min(max, Math.max(min, parsed));
    problems.push(`${name} must be between ${min} and ${max}: "${value}"; using ${clamped}`);
    return clamped;
  }
  return parsed;
}

function parseFailMode(value: string | undefined, problems: string[]): FailMode {
  if (value === undefined || value === '') return DEFAULT_SETTINGS.failMode;
  const normalised = value.toLowerCase();
  if (normalised === 'block' || normalised === 'allow') return normalised;
  problems.push(`${PROPERTY.failMode} must be "block" or "allow": "${value}"; using "block"`);
  return 'block';
}

function parseCiClasses(value: string | undefined, problems: string[]): string[] {
  if (!value) return [];
  const classes: string[] = [];
  for (const part of value.split(/[\s,]+/)) {
    if (!part) continue;
    const name = part.toLowerCase();
    if (/^[a-z][a-z0-9_]*$/.test(name)) {
      if (!classes.includes(name)) classes.push(name);
    } else {
      problems.push(`${PROPERTY.guardedCiClasses} contains an invalid class name: "${part}"`);
    }
  }
  return classes;
}
