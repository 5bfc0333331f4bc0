import '@servicenow/sdk/global';
import { Property } from '@servicenow/sdk/core';

// 'first install': loaded on first install only, so an admin's values survive upgrades.
const firstInstall = { installMethod: 'first install' } as const;
const adminOnly = { write: ['admin'] };

Property({
  $id: Now.ID['property-connector-url'],
  $meta: firstInstall,
  name: 'x_closeloop.connector.url',
  type: 'string',
  value: '',
  description:
    'Base URL of the Closeloop connector as the instance (or the MID Server) reaches it, e.g. https://closeloop.dc1.example.com:8080. Empty: no live check; the pushed verdict and the fail mode decide.',
  roles: adminOnly,
});

Property({
  $id: Now.ID['property-connector-api-key'],
  $meta: firstInstall,
  name: 'x_closeloop.connector.api_key',
  type: 'password2',
  value: '',
  description: 'API key sent as X-API-Key to the connector (CLOSELOOP_API_KEY on the connector side).',
  isPrivate: true,
  roles: { read: ['admin'], write: ['admin'] },
});

Property({
  $id: Now.ID['property-connector-mid-server'],
  $meta: firstInstall,
  name: 'x_closeloop.connector.mid_server',
  type: 'string',
  value: '',
  description:
    'Name of the MID Server that reaches the connector. Empty: the instance calls the connector directly. MID calls wait at most 30 s (glide.http.outbound.max_timeout).',
  roles: adminOnly,
});

Property({
  $id: Now.ID['property-connector-timeout'],
  $meta: firstInstall,
  name: 'x_closeloop.connector.timeout_seconds',
  type: 'integer',
  value: 8,
  description:
    'How long a resolution waits for the connector, in seconds (1-30). The user is waiting on the form: keep it short.',
  roles: adminOnly,
});

Property({
  $id: Now.ID['property-fail-mode'],
  $meta: firstInstall,
  name: 'x_closeloop.guard.fail_mode',
  type: 'choicelist',
  choices: ['block', 'allow'],
  value: 'block',
  description:
    'What a resolution does when no verdict can be had (connector down and no fresh pushed verdict), and on verdict "unknown": block (default) refuses it, allow lets it through and audits it.',
  roles: adminOnly,
});

Property({
  $id: Now.ID['property-pushed-max-age'],
  $meta: firstInstall,
  name: 'x_closeloop.guard.pushed_verdict_max_age_minutes',
  type: 'integer',
  value: 15,
  description:
    'Oldest verdict pushed by the connector (x_closeloop_verdict) accepted when the live check fails, in minutes. 0 disables the fallback.',
  roles: adminOnly,
});

Property({
  $id: Now.ID['property-guarded-correlation-display'],
  $meta: firstInstall,
  name: 'x_closeloop.guard.correlation_display',
  type: 'string',
  value: 'Closeloop',
  description:
    'Incidents whose Correlation display equals this value (case-insensitive) are guarded. Empty: guard by CI class only.',
  roles: adminOnly,
});

Property({
  $id: Now.ID['property-guarded-ci-classes'],
  $meta: firstInstall,
  name: 'x_closeloop.guard.ci_classes',
  type: 'string',
  value: '',
  description:
    'Optional comma-separated CI classes (sys_class_name, e.g. cmdb_ci_ups,cmdb_ci_computer_room_ac): incidents whose CI is of one of them are guarded too.',
  roles: adminOnly,
});

Property({
  $id: Now.ID['property-connector-stub-response'],
  $meta: firstInstall,
  name: 'x_closeloop.connector.stub_response',
  type: 'string',
  value: '',
  description:
    'For ATF tests only: a closure-check response body (JSON) used instead of calling the connector. Must be empty in production.',
  roles: adminOnly,
});
