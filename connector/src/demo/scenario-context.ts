// What every step of the demo's story needs: clients for the connector and for ServiceNow (as its
// users), the scripted site, the narrator, and waits that know when the connector's work has
// reached ServiceNow. Built once per run from the DemoEnvironment.
import { connectorClient, type ConnectorClient, type EventDetailView } from './connector-client.js';
import { DEMO_USERS, type DemoEnvironment } from './environment.js';
import { wrap, type Narrator } from './narrate.js';
import { serviceNowUser, type IncidentView, type ServiceNowUser } from './servicenow-user.js';
import type { Timeline } from './timeline.js';
import { DemoStepError, waitFor } from './wait.js';

export interface AuditView {
  outcome: string;
  verdict: string;
  source: string;
  user: string;
  justification: string;
  checkedAt: string;
}

export interface ScenarioContext {
  env: DemoEnvironment;
  narrator: Narrator;
  connector: ConnectorClient;
  sn: ServiceNowUser;
  timeline: Timeline;
  /** Longest wait for any one thing. */
  timeoutMs: number;
  /** Aborted when the user stops the demo: every wait ends. */
  signal: AbortSignal | undefined;
  /** Waits until every operation of the event has reached ServiceNow; a dead letter stops the demo. */
  delivered(key: string, what: string): Promise<EventDetailView>;
  /** The incident with this correlation_id, as ServiceNow shows it (must exist). */
  incidentOf(key: string): Promise<IncidentView>;
  /** The closure-check audit rows of an incident, oldest first, users by name. */
  audits(incidentSysId: string): Promise<AuditView[]>;
}

/** HH:MM:SS (local time, as the connector's check messages use) of an epoch-ms time. */
export function clock(ms: number): string {
  return new Date(ms).toTimeString().slice(0, 8);
}

/** Each line of `text` wrapped to `width` and prefixed (quoted ServiceNow messages, justifications). */
export function indent(text: string, prefix: string, width = 92): string {
  return wrap(text, width - prefix.length)
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

export function scenarioContext(
  env: DemoEnvironment,
  narrator: Narrator,
  timeoutMs: number,
  signal?: AbortSignal,
): ScenarioContext {
  const connector = connectorClient(env.connectorUrl, env.apiKey);
  const sn = serviceNowUser(env.standin.url, DEMO_USERS.admin);
  return {
    env,
    narrator,
    connector,
    sn,
    timeline: env.timeline,
    timeoutMs,
    signal,
    delivered: async (key, what) => {
      let dead: string | null = null;
      const event = await waitFor(
        async () => {
          const e = await connector.event(key);
          const failed = e?.deliveries.find((d) => d.state === 'dead');
          if (failed) {
            dead = `delivery of "${failed.op}" for ${key} failed for good: ${failed.last_error ?? ''}`;
            return 'dead' as const;
          }
          return e?.incident && e.deliveries.every((d) => d.state === 'done') ? e : null;
        },
        { what, timeoutMs, signal },
      );
      if (event === 'dead') throw new DemoStepError(dead ?? `a delivery for ${key} failed`);
      return event;
    },
    incidentOf: async (key) => {
      const view = await sn.incidentByCorrelationId(key);
      if (!view) throw new DemoStepError(`no incident with correlation_id ${key} in ServiceNow`);
      return view;
    },
    audits: async (incidentSysId) => {
      const rows = await sn.adminRows('x_closeloop_closure_audit', `task=${incidentSysId}^ORDERBYchecked_at`);
      const users = await sn.adminRows('sys_user', '');
      const nameOf = (sysId: string) => users.find((u) => u.sys_id === sysId)?.name ?? sysId;
      return rows.map((r) => ({
        outcome: r.outcome ?? '',
        verdict: r.verdict ?? '',
        source: r.source ?? '',
        user: nameOf(r.user ?? ''),
        justification: r.justification ?? '',
        checkedAt: r.checked_at ?? '',
      }));
    },
  };
}
