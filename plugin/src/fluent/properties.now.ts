import '@servicenow/sdk/global';
import { Property, Record } from '@servicenow/sdk/core';

// 'first install': loaded on first install only, so an admin's values survive upgrades.
const firstInstall = { installMethod: 'first install' } as const;
const adminOnly = { read: ['admin', 'x_closeloop.admin'], write: ['admin', 'x_closeloop.admin'] };

// The connector's address: prefer the Connection & Credential alias "Closeloop Connector"
// (connection-alias.now.ts); these three are read only when that alias has no active connection.
export const connectorUrlProperty = Property({
  $id: Now.ID['property-connector-url'],
  $meta: firstInstall,
  name: 'x_closeloop.connector.url',
  type: 'string',
  value: '',
  description:
    'Used only when the connection alias x_closeloop.Closeloop_Connector has no active connection. Base URL of the Closeloop connector, https:// (plain http only through a MID Server). Empty: no live check; the pushed verdict and the fail mode decide.',
  roles: adminOnly,
});

export const connectorApiKeyProperty = Property({
  $id: Now.ID['property-connector-api-key'],
  $meta: firstInstall,
  name: 'x_closeloop.connector.api_key',
  type: 'password2',
  value: '',
  description:
    'Used only without a connection alias: API key sent as X-API-Key to the connector (CLOSELOOP_API_KEY on the connector side). Prefer an API key credential on the alias.',
  isPrivate: true,
  roles: adminOnly,
});

export const connectorMidProperty = Property({
  $id: Now.ID['property-connector-mid-server'],
  $meta: firstInstall,
  name: 'x_closeloop.connector.mid_server',
  type: 'string',
  value: '',
  description:
    'Used only without a connection alias: name of the MID Server that reaches the connector. Empty: the instance calls directly. MID calls wait at most 30 s (glide.http.outbound.max_timeout); headers, the API key included, pass through the ECC queue.',
  roles: adminOnly,
});

export const timeoutProperty = Property({
  $id: Now.ID['property-connector-timeout'],
  $meta: firstInstall,
  name: 'x_closeloop.connector.timeout_seconds',
  type: 'integer',
  value: 8,
  description:
    'How long a closure waits for the connector, in seconds (1-30). The user is waiting on the form: keep it short.',
  roles: adminOnly,
});

export const breakerFailuresProperty = Property({
  $id: Now.ID['property-breaker-failures'],
  $meta: firstInstall,
  name: 'x_closeloop.connector.breaker_failures',
  type: 'integer',
  value: 3,
  description:
    'After this many failed connector calls in a row, no call is made for x_closeloop.connector.breaker_open_seconds: the pushed verdict and the fail mode decide. 0 never pauses.',
  roles: adminOnly,
});

export const breakerOpenProperty = Property({
  $id: Now.ID['property-breaker-open-seconds'],
  $meta: firstInstall,
  name: 'x_closeloop.connector.breaker_open_seconds',
  type: 'integer',
  value: 60,
  description: 'How long connector calls pause after the breaker opens, in seconds (1-3600).',
  roles: adminOnly,
});

export const maxLiveCallsProperty = Property({
  $id: Now.ID['property-max-live-calls'],
  $meta: firstInstall,
  name: 'x_closeloop.connector.max_live_calls_per_transaction',
  type: 'integer',
  value: 3,
  description:
    'Live connector calls one transaction (list "Update Selected", a parent incident updating its children, an import) may make; beyond it the pushed verdict and the fail mode decide. 0 never calls.',
  roles: adminOnly,
});

export const failModeProperty = Property({
  $id: Now.ID['property-fail-mode'],
  $meta: firstInstall,
  name: 'x_closeloop.guard.fail_mode',
  type: 'choicelist',
  choices: ['block', 'allow'],
  value: 'block',
  description:
    'What a closure does when no verdict can be had (connector down and no fresh pushed verdict), and on verdict "unknown": block (default) refuses it, allow lets it through and audits it. A guarded table may set its own.',
  roles: adminOnly,
});

export const pushedMaxAgeProperty = Property({
  $id: Now.ID['property-pushed-max-age'],
  $meta: firstInstall,
  name: 'x_closeloop.guard.pushed_verdict_max_age_minutes',
  type: 'integer',
  value: 15,
  description:
    'Oldest verdict pushed by the connector (x_closeloop_verdict) that may decide, in minutes. 0 disables the fallback.',
  roles: adminOnly,
});

export const correlationDisplayProperty = Property({
  $id: Now.ID['property-guarded-correlation-display'],
  $meta: firstInstall,
  name: 'x_closeloop.guard.correlation_display',
  type: 'string',
  value: 'Closeloop',
  description:
    'Records whose Correlation display equals this value (case-insensitive) are guarded. Empty: guard by CI class only.',
  roles: adminOnly,
});

export const ciClassesProperty = Property({
  $id: Now.ID['property-guarded-ci-classes'],
  $meta: firstInstall,
  name: 'x_closeloop.guard.ci_classes',
  type: 'string',
  value: '',
  description:
    'Optional comma-separated CI classes (sys_class_name, e.g. cmdb_ci_ups,cmdb_ci_computer_room_ac): records whose CI is of one of them are guarded too.',
  roles: adminOnly,
});

export const guardCancelProperty = Property({
  $id: Now.ID['property-guard-cancel'],
  $meta: firstInstall,
  name: 'x_closeloop.guard.cancel',
  type: 'boolean',
  value: false,
  description:
    'true: a move into a cancel state is checked like a resolution. false (default): it is only audited ("canceled").',
  roles: adminOnly,
});

// The properties page (System Properties UI) the menu links to.
export const propertiesCategory = Record({
  $id: Now.ID['properties-category'],
  table: 'sys_properties_category',
  data: { name: 'Closeloop', title: 'Closeloop closure guard' },
});

Record({ $id: Now.ID['properties-category-url'], table: 'sys_properties_category_m2m', data: { category: propertiesCategory, property: connectorUrlProperty, order: 100 } });
Record({ $id: Now.ID['properties-category-key'], table: 'sys_properties_category_m2m', data: { category: propertiesCategory, property: connectorApiKeyProperty, order: 110 } });
Record({ $id: Now.ID['properties-category-mid'], table: 'sys_properties_category_m2m', data: { category: propertiesCategory, property: connectorMidProperty, order: 120 } });
Record({ $id: Now.ID['properties-category-timeout'], table: 'sys_properties_category_m2m', data: { category: propertiesCategory, property: timeoutProperty, order: 130 } });
Record({ $id: Now.ID['properties-category-breaker'], table: 'sys_properties_category_m2m', data: { category: propertiesCategory, property: breakerFailuresProperty, order: 140 } });
Record({ $id: Now.ID['properties-category-breaker-open'], table: 'sys_properties_category_m2m', data: { category: propertiesCategory, property: breakerOpenProperty, order: 150 } });
Record({ $id: Now.ID['properties-category-max-calls'], table: 'sys_properties_category_m2m', data: { category: propertiesCategory, property: maxLiveCallsProperty, order: 160 } });
Record({ $id: Now.ID['properties-category-fail-mode'], table: 'sys_properties_category_m2m', data: { category: propertiesCategory, property: failModeProperty, order: 200 } });
Record({ $id: Now.ID['properties-category-pushed-age'], table: 'sys_properties_category_m2m', data: { category: propertiesCategory, property: pushedMaxAgeProperty, order: 210 } });
Record({ $id: Now.ID['properties-category-display'], table: 'sys_properties_category_m2m', data: { category: propertiesCategory, property: correlationDisplayProperty, order: 220 } });
Record({ $id: Now.ID['properties-category-ci-classes'], table: 'sys_properties_category_m2m', data: { category: propertiesCategory, property: ciClassesProperty, order: 230 } });
Record({ $id: Now.ID['properties-category-cancel'], table: 'sys_properties_category_m2m', data: { category: propertiesCategory, property: guardCancelProperty, order: 240 } });
