// Turns the app's raw property strings into validated settings. Bad values fall back to safe
// defaults (never to "allow") and are reported so the adapter can log them.
import type { ConnectorEndpoint, FailMode, GuardSettings } from './types.ts';
import { PROPERTY } from './names.ts';

export const DEFAULT_SETTINGS: GuardSettings = {
  failMode: 'block',
  maxPushedAgeMinutes: 15,
  guardedCorrelationDisplay: 'Closeloop',
  guardedCiClasses: [],
  guardCancel: false,
  timeoutSeconds: 8,
  breakerFailures: 3,
  breakerOpenSeconds: 60,
  maxLiveCalls: 3,
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
  const integer = (name: string, min: number, max: number, fallback: number): number =>
    parseInteger(name, text(name), min, max, fallback, problems);

  return {
    settings: {
      failMode: parseFailMode(text(PROPERTY.failMode), problems),
      maxPushedAgeMinutes: integer(
        PROPERTY.maxPushedAgeMinutes,
        0,
        MAX_PUSHED_AGE_MINUTES,
        DEFAULT_SETTINGS.maxPushedAgeMinutes,
      ),
      // A missing property means the default; an explicitly emptied one switches the criterion off.
      guardedCorrelationDisplay:
        text(PROPERTY.guardedCorrelationDisplay) ?? DEFAULT_SETTINGS.guardedCorrelationDisplay,
      guardedCiClasses: parseCiClasses(text(PROPERTY.guardedCiClasses), problems),
      guardCancel: parseBoolean(PROPERTY.guardCancel, text(PROPERTY.guardCancel), false, problems),
      timeoutSeconds: integer(PROPERTY.timeoutSeconds, 1, MAX_TIMEOUT_SECONDS, DEFAULT_SETTINGS.timeoutSeconds),
      breakerFailures: integer(PROPERTY.breakerFailures, 0, 100, DEFAULT_SETTINGS.breakerFailures),
      breakerOpenSeconds: integer(PROPERTY.breakerOpenSeconds, 1, 3600, DEFAULT_SETTINGS.breakerOpenSeconds),
      maxLiveCalls: integer(PROPERTY.maxLiveCalls, 0, 50, DEFAULT_SETTINGS.maxLiveCalls),
    },
    problems,
  };
}

/** The connector endpoint as read from the alias or the properties, before validation. */
export interface RawEndpoint {
  url: string;
  apiKey: string;
  midServer: string;
  origin: ConnectorEndpoint['origin'];
}

/**
 * Validates where the connector is: an http(s) base URL, and https unless a MID Server carries
 * the call (then the hop from the instance is the MID's ECC queue, and the MID to the connector
 * is inside the data centre) or the address is loopback (the key never leaves the host). An
 * unusable endpoint is '' with the reason in `problems`.
 */
export function validateEndpoint(raw: RawEndpoint, problems: string[]): ConnectorEndpoint {
  const source = raw.origin === 'alias' ? 'the connection alias' : PROPERTY.connectorUrl;
  const midServer = raw.midServer.trim();
  const endpoint: ConnectorEndpoint = { url: '', apiKey: raw.apiKey.trim(), midServer, origin: raw.origin };
  const value = raw.url.trim();
  if (!value) return endpoint;
  const trimmed = value.replace(/\/+$/, '');
  const match = /^(https?):\/\/[^\s/?#@]+(\/[^\s?#]*)?$/i.exec(trimmed);
  if (!match) {
    problems.push(`${source} is not an http(s) base URL: "${value}"`);
    return endpoint;
  }
  if ((match[1] ?? '').toLowerCase() === 'http' && !midServer && !isLoopback(trimmed)) {
    problems.push(
      `${source} is plain http ("${value}"): the API key would cross the network in clear text; use https, or a MID Server`,
    );
    return endpoint;
  }
  return { ...endpoint, url: trimmed };
}

function isLoopback(url: string): boolean {
  const host = /^https?:\/\/(\[[^\]]+\]|[^/:]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
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

function parseBoolean(name: string, value: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (value === undefined || value === '') return fallback;
  const normalised = value.toLowerCase();
  if (normalised === 'true') return true;
  if (normalised === 'false') return false;
  problems.push(`${name} must be true or false: "${value}"; using ${fallback}`);
  return fallback;
}

export function parseFailMode(value: string | undefined, problems: string[], name: string = PROPERTY.failMode): FailMode {
  if (value === undefined || value === '') return DEFAULT_SETTINGS.failMode;
  const normalised = value.toLowerCase();
  if (normalised === 'block' || normalised === 'allow') return normalised;
  problems.push(`${name} must be "block" or "allow": "${value}"; using "block"`);
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
