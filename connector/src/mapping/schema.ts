// The mapping language admins write in mappings/*.yaml. This file is the single source of truth:
// types are inferred from it and mappings/schema.json is generated from it.
import { z } from 'zod';
import { DurationSchema } from '../util/duration.js';
import { SEVERITIES, SOURCE_KINDS, SeveritySchema } from '../model/alarm.js';
import { ConditionSchema, type CloseCheckSpec } from '../model/close-check.js';
import { RoleSchema } from '../model/event.js';

const name = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, "-" and "_"')
  .describe('An identifier: lower-case letters, digits, "-" and "_".');
const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name (A-Z, 0-9, _)');

// ---------- sources ----------
export const SourceAuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }).strict(),
  z
    .object({
      type: z.literal('bearer'),
      token_env: envName.describe('Environment variable holding the expected bearer token.'),
    })
    .strict(),
  z
    .object({
      type: z.literal('hmac'),
      secret_env: envName.describe('Environment variable holding the HMAC-SHA256 secret.'),
      header: z
        .string()
        .regex(/^[A-Za-z0-9-]+$/, 'a header name')
        .default('X-Closeloop-Signature')
        .describe(
          'Header carrying `sha256=<hex of HMAC-SHA256>` (of `<timestamp>.<raw body>`, or of the body alone with scheme body_only).',
        ),
      scheme: z
        .enum(['timestamped', 'body_only'])
        .default('timestamped')
        .describe(
          'timestamped (default): the signature covers `<timestamp>.<raw body>` and the timestamp header must be within max_skew; body_only: the signature covers the raw body alone, so a captured request can be replayed (opt-in for senders that cannot send a timestamp).',
        ),
      timestamp_header: z
        .string()
        .regex(/^[A-Za-z0-9-]+$/, 'a header name')
        .default('X-Closeloop-Timestamp')
        .describe('Header carrying the signing time in Unix seconds (scheme timestamped).'),
      max_skew: DurationSchema.pipe(
        z
          .number()
          .min(1000, 'at least 1s')
          .max(3_600_000, 'at most 1h (it is also how long a replay stays possible)'),
      )
        .prefault(300)
        .describe(
          'How far the timestamp may be from the connector clock, either way (scheme timestamped; default 5m).',
        ),
    })
    .strict(),
]);
export type SourceAuth = z.infer<typeof SourceAuthSchema>;

/** Where each Alarm field comes from in a vendor's JSON: a JSONPath-like path (`$.a.b[0]`) or a template. */
export const FieldMapSchema = z
  .object({
    id: z.string().describe('Path to the stable alarm id, e.g. $.alarmId'),
    state: z.string().describe('Path to the state value; mapped through state_values.'),
    severity: z.string().describe('Path to the severity value; mapped through severity_values.'),
    type: z.string(),
    raised_at: z.string().optional(),
    site: z.string().optional(),
    room: z.string().optional(),
    row: z.string().optional(),
    rack: z.string().optional(),
    equipment_id: z.string().optional(),
    equipment_name: z.string().optional(),
    equipment_class: z.string().optional(),
    value: z.string().optional(),
    unit: z.string().optional(),
    limit: z.string().optional(),
    text: z.string().optional(),
    labels: z.record(z.string(), z.string()).optional().describe('Label name → path.'),
  })
  .strict();
export type FieldMap = z.infer<typeof FieldMapSchema>;

const valueMap = <T extends z.ZodType>(target: T) => z.record(z.string(), target);
// Optional rather than defaulted: absent means on, and source configs built in code need not say so.
const enabled = z
  .boolean()
  .optional()
  .describe(
    'false switches the source off without deleting it: no listener, no HTTP intake, its credentials are not needed; `closeloop serve` lists it as disabled.',
  );

export const SourceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('webhook'),
      enabled,
      description: z.string().optional(),
      auth: SourceAuthSchema.default({ type: 'none' }),
      batch_path: z.string().optional().describe('Path to an array of alarms when the vendor posts batches.'),
      fields: FieldMapSchema,
      state_values: valueMap(z.enum(['active', 'cleared'])).default({
        active: 'active',
        cleared: 'cleared',
      }),
      severity_values: valueMap(SeveritySchema).default({}),
    })
    .strict(),
  z
    .object({
      kind: z.literal('alertmanager'),
      enabled,
      description: z.string().optional(),
      auth: SourceAuthSchema.default({ type: 'none' }),
      severity_label: z.string().default('severity'),
      severity_values: valueMap(SeveritySchema).default({}),
      asset_labels: z
        .partialRecord(
          z.enum(['site', 'room', 'row', 'rack', 'equipment_id', 'equipment_name', 'equipment_class']),
          z.string(),
        )
        .default({})
        .describe('Asset field → Alertmanager label name (e.g. rack: rack, equipment_id: Hostname).'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('redfish'),
      enabled,
      description: z.string().optional(),
      auth: SourceAuthSchema.default({ type: 'none' }),
      site: z.string().optional().describe('Site of the BMC/CDU posting to this source.'),
      equipment: z
        .record(z.string(), z.string())
        .default({})
        .describe('OriginOfCondition URI prefix → topology equipment id.'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('snmp'),
      enabled,
      description: z.string().optional(),
      port: z.number().int().min(1).max(65535).default(1162),
      bind: z.string().default('0.0.0.0'),
      communities: z.array(z.string()).default([]).describe('Accepted v1/v2c communities (empty = any).'),
      communities_env: envName.optional().describe('Env var holding a comma-separated community list.'),
      users: z
        .array(
          z
            .object({
              name: z.string(),
              auth_protocol: z.enum(['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512']),
              auth_key_env: envName,
              priv_protocol: z.enum(['des', 'aes', 'aes256b', 'aes256r']).optional(),
              priv_key_env: envName.optional(),
            })
            .strict(),
        )
        .default([])
        .describe('SNMPv3 users (authPriv when priv_protocol is set).'),
      agents: z
        .record(z.string(), z.string())
        .default({})
        .describe('Agent address → topology equipment id (where the trap carries no name).'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('mqtt'),
      enabled,
      description: z.string().optional(),
      url: z.string().describe('Broker URL, e.g. mqtt://127.0.0.1:1883'),
      client_id: z
        .string()
        .min(1)
        .max(128)
        .optional()
        .describe(
          'Client id of the persistent MQTT session (default closeloop-<source name>); unique per connector replica.',
        ),
      username_env: envName.optional(),
      password_env: envName.optional(),
      topics: z.array(z.string()).min(1),
      format: z.enum(['json', 'sparkplugb']).default('json'),
      fields: FieldMapSchema.optional(),
      state_values: valueMap(z.enum(['active', 'cleared'])).default({ active: 'active', cleared: 'cleared' }),
      severity_values: valueMap(SeveritySchema).default({}),
    })
    .strict(),
]);
export type SourceConfig = z.infer<typeof SourceSchema>;

// ---------- topology ----------
export const RowSchema = z
  .object({ id: z.string().min(1), racks: z.array(z.string().min(1)).default([]) })
  .strict();
export const RoomSchema = z
  .object({ id: z.string().min(1), name: z.string().optional(), rows: z.array(RowSchema).default([]) })
  .strict();
/** How many members of a redundancy group must work: `N+1`, `N+2`, `2N`, or `{need: k}` (k of n). */
export const RedundancySchema = z
  .union([z.enum(['N+1', 'N+2', '2N']), z.object({ need: z.number().int().min(1) }).strict()], {
    error: 'N+1, N+2, 2N, or {need: k} (k of the members must work)',
  })
  .describe('N+1 (one member may fail), N+2, 2N (half may fail), or {need: k}: k of the members must work.');
export type RedundancySpecYaml = z.infer<typeof RedundancySchema>;

/** A node reference in `feeds`, `members`, `serves`: an id, or `kind:id` when ids of two kinds collide. */
const nodeRef = z
  .string()
  .min(1)
  .describe(
    'Id of equipment, a rack, row, room, cooling zone or power path of the site; ' +
      'prefix with the kind (rack:A1, row:A1, equipment:…, cooling_zone:…, power_path:…, room:…) when two kinds share the id.',
  );

export const CoolingZoneSchema = z
  .object({
    id: z.string().min(1),
    units: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'Equipment ids of the CRAH/CRAC/CDU units serving the zone (or give those units `feeds: [zone]`).',
      ),
    rows: z.array(z.string()).default([]),
    racks: z.array(z.string()).default([]),
    redundancy: RedundancySchema.optional().describe(
      'The units serving the zone are redundant: N+1, N+2, 2N or {need: k}. Same as a redundancy group named after the zone.',
    ),
  })
  .strict();
export const PowerPathSchema = z
  .object({
    id: z.string().min(1),
    ups: z.string().min(1),
    pdus: z.array(z.string()).default([]),
    racks: z
      .array(z.string())
      .default([])
      .describe('Racks fed by the path; leave out when the PDUs list the racks they feed (`feeds`).'),
  })
  .strict();
export const EquipmentSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    class: z.string().optional().describe('CRAH, CRAC, CDU, CHILLER, SWITCHGEAR, UPS, PDU, GPU_SERVER, …'),
    room: z.string().optional(),
    row: z.string().optional(),
    rack: z.string().optional(),
    feeds: z
      .array(nodeRef)
      .optional()
      .describe(
        'What depends on this equipment: a chiller feeds CRAHs or zones, a CDU racks, switchgear UPSs, a PDU racks.',
      ),
  })
  .strict();
export const RedundancyGroupSchema = z
  .object({
    id: z.string().min(1),
    description: z.string().optional(),
    members: z
      .array(nodeRef)
      .min(2)
      .describe('The redundant feeds; each must feed every node the group serves directly.'),
    serves: z.array(nodeRef).min(1).describe('What the members feed together.'),
    redundancy: RedundancySchema,
  })
  .strict();
export const SiteSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    rooms: z.array(RoomSchema).default([]),
    cooling_zones: z.array(CoolingZoneSchema).default([]),
    power_paths: z.array(PowerPathSchema).default([]),
    equipment: z.array(EquipmentSchema).default([]),
    redundancy_groups: z
      .array(RedundancyGroupSchema)
      .optional()
      .describe(
        'Sets of redundant feeds: PDU A/B of racks (2N), CRAHs of a zone (N+1), a chiller plant (need k).',
      ),
  })
  .strict();
export const TopologySchema = z.object({ sites: z.array(SiteSchema).default([]) }).strict();
export type Topology = z.infer<typeof TopologySchema>;

// ---------- rules ----------
export const MatcherSchema = z
  .union(
    [
      z.string().describe('Exact value.'),
      z.number(),
      z.boolean(),
      z.array(z.union([z.string(), z.number()])).describe('Any of these exact values.'),
      z.object({ glob: z.string() }).strict(),
      z.object({ regex: z.string() }).strict(),
      z.object({ exists: z.boolean() }).strict(),
    ],
    {
      error:
        'a matcher is a value, a list of values, {glob: "pattern"}, {regex: "pattern"} or {exists: true|false}',
    },
  )
  .describe('Exact value, list of values, {glob}, {regex} (anchored) or {exists}.');
export type Matcher = z.infer<typeof MatcherSchema>;

export const MatchSchema = z
  .object({
    source: z
      .union([z.string(), z.array(z.string())], { error: 'a source name or a list of source names' })
      .optional()
      .describe('Source name(s) from `sources`.'),
    type: MatcherSchema.optional(),
    severity: z
      .union([SeveritySchema, z.array(SeveritySchema)], {
        error: `a severity or a list of severities (${SEVERITIES.join(', ')})`,
      })
      .optional(),
    state: z.enum(['active', 'cleared']).optional(),
    fields: z
      .record(z.string(), MatcherSchema)
      .optional()
      .describe('Alarm field path (asset.rack, text, value, labels.alertname, …) → matcher.'),
  })
  .strict();

export const ImpactUrgencySchema = z
  .object({ impact: z.number().int().min(1).max(3), urgency: z.number().int().min(1).max(3) })
  .strict();
export const SeverityMatrixSchema = z
  .object(
    Object.fromEntries(SEVERITIES.map((s) => [s, ImpactUrgencySchema.optional()])) as Record<
      (typeof SEVERITIES)[number],
      z.ZodOptional<typeof ImpactUrgencySchema>
    >,
  )
  .strict();

export const ReferenceLookupSchema = z
  .object({
    table: z.string().default('cmdb_ci'),
    field: z.string().default('name'),
    value: z.string().describe('Template for the value to look up.'),
  })
  .strict();

export const IncidentTemplateSchema = z
  .object({
    short_description: z.string(),
    description: z.string().optional(),
    category: z.string().optional(),
    subcategory: z.string().optional(),
    assignment_group: z.string().optional().describe('Group name (template); looked up to a sys_id.'),
    cmdb_ci: ReferenceLookupSchema.optional(),
    severity_matrix: SeverityMatrixSchema.optional().describe(
      'Overrides the default severity → impact/urgency.',
    ),
    fields: z.record(z.string(), z.string()).default({}).describe('Further incident fields → template.'),
  })
  .strict();

export const CloseCheckSchema = z
  .object({
    name: name,
    provider: z.string().min(1).describe('Telemetry provider name from closeloop.yaml.'),
    query: z.string().min(1).describe('Provider query template (PromQL, Redfish URI#property, MQTT topic).'),
    label: z
      .string()
      .optional()
      .describe('Human label template, e.g. "{{asset.equipment_name}} supply air".'),
    unit: z.string().optional(),
    expect: ConditionSchema,
    stabilize: DurationSchema.prefault(600).describe('How long values must stay in range.'),
    max_age: DurationSchema.prefault(120).describe('Newest sample must be at most this old.'),
    min_samples: z.number().int().min(1).default(3),
    step: DurationSchema.optional().describe('Sampling step for range queries (default: provider’s).'),
  })
  .strict() satisfies z.ZodType<CloseCheckSpec>;

export const CorrelationSchema = z
  .object({
    key: z
      .string()
      .min(1)
      .describe('Template of the event key; alarms rendering the same key are one event.'),
    window: DurationSchema.prefault(900).describe(
      'An alarm joins an open event whose last alarm is younger than this (or while one of its alarms is active); after that it opens a new incident.',
    ),
    role: RoleSchema.default('standalone'),
    scope: z
      .enum(['cooling_zone', 'power_path', 'row', 'rack', 'room', 'site'])
      .optional()
      .describe('Topology scope used for cause/effect adoption and inhibition.'),
  })
  .strict();

export const RuleOptionsSchema = z
  .object({
    auto_resolve: z.boolean().default(false),
    reopen_window: DurationSchema.prefault(86_400),
    hold_down: DurationSchema.prefault(0).describe(
      'An alarm that clears within this never opens an incident.',
    ),
  })
  .strict();

export const RuleSchema = z
  .object({
    name: name,
    description: z.string().optional(),
    match: MatchSchema.default({}),
    incident: IncidentTemplateSchema,
    correlation: CorrelationSchema,
    close_checks: z.array(CloseCheckSchema).default([]),
    options: RuleOptionsSchema.default({ auto_resolve: false, reopen_window: 86_400_000, hold_down: 0 }),
  })
  .strict();
export type RuleSpec = z.infer<typeof RuleSchema>;

// ---------- maintenance windows ----------
/** What a maintenance window (or an API silence) covers; shared with POST /v1/silences. */
export const MaintenanceMatchSchema = z
  .object({
    site: z.string().min(1).optional(),
    room: z.string().min(1).optional(),
    row: z.string().min(1).optional(),
    rack: z.string().min(1).optional(),
    equipment_id: z.string().min(1).optional(),
    rule: z.string().min(1).optional(),
    source: z.string().min(1).optional(),
  })
  .strict()
  .refine(
    (m) => Object.keys(m).length > 0,
    'match at least one of site, room, row, rack, equipment_id, rule, source',
  );

export const MaintenanceWindowSchema = z
  .object({
    id: z.string().min(1).max(100),
    starts_at: z.iso.datetime({ offset: true }).describe('ISO 8601 with offset, e.g. 2026-12-01T06:00:00Z'),
    ends_at: z.iso.datetime({ offset: true }),
    match: MaintenanceMatchSchema,
    comment: z.string().min(1),
  })
  .strict()
  .refine((w) => Date.parse(w.ends_at) > Date.parse(w.starts_at), {
    message: 'ends_at must be after starts_at',
    path: ['ends_at'],
  })
  .describe('Alarms covered are recorded but open nothing; an event still active at ends_at is raised then.');
export type MaintenanceWindow = z.infer<typeof MaintenanceWindowSchema>;

/** One mappings/*.yaml file. Files are merged: sources by name, topology sites by id, rules in file-name order. */
export const MappingFileSchema = z
  .object({
    $schema: z.string().optional(),
    sources: z.record(name, SourceSchema).optional(),
    topology: TopologySchema.optional(),
    severity_matrix: SeverityMatrixSchema.optional(),
    default_rule: z
      .string()
      .nullable()
      .optional()
      .describe('Rule applied to unmatched alarms; null drops them (counted, logged).'),
    rules: z.array(RuleSchema).optional(),
    maintenance: z
      .array(MaintenanceWindowSchema)
      .optional()
      .describe('Planned maintenance windows (silences).'),
  })
  .strict();
export type MappingFile = z.infer<typeof MappingFileSchema>;

export { SOURCE_KINDS };
