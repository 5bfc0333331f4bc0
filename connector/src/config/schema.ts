// closeloop.yaml: the service's own configuration (where to listen, where to keep state, how to reach
// ServiceNow and the telemetry systems). Admin rules live in mappings/, not here.
import { z } from 'zod';
import { DurationSchema } from '../util/duration.js';
import { ByteSizeSchema, parseByteSize } from '../util/byte-size.js';
import { DEFAULT_REJECTED_RETENTION } from '../store/store.js';

const url = z.string().url();

export const PrometheusProviderSchema = z
  .object({
    kind: z.literal('prometheus'),
    url: url.describe('Base URL of the Prometheus HTTP API, e.g. http://prometheus:9090'),
    step: DurationSchema.prefault(15).describe('Default query_range step.'),
    timeout: DurationSchema.prefault(2),
    coalesce: DurationSchema.prefault(1).describe(
      'Identical queries within this time share one answer (0 = only while one is in flight).',
    ),
    headers: z.record(z.string(), z.string()).default({}),
  })
  .strict();
export const RedfishProviderSchema = z
  .object({
    kind: z.literal('redfish'),
    url: url.describe('Base URL of the BMC/CDU, e.g. https://cdu-1.mgmt'),
    auth: z.enum(['basic', 'session', 'none']).default('basic'),
    username: z.string().optional(),
    password: z.string().optional(),
    ca_file: z.string().optional().describe('PEM file of the CA that signs the BMC certificate.'),
    insecure_skip_verify: z.boolean().default(false),
    timeout: DurationSchema.prefault(2),
    history: z.number().int().min(1).default(240).describe('Samples kept per query by the watcher.'),
  })
  .strict();
export const MqttProviderSchema = z
  .object({
    kind: z.literal('mqtt'),
    url: z.string().describe('Broker URL, e.g. mqtt://127.0.0.1:1883'),
    username: z.string().optional(),
    password: z.string().optional(),
    topics: z.array(z.string()).min(1).describe('Topic filters to subscribe to.'),
    format: z.enum(['json', 'number', 'sparkplugb']).default('json'),
    value_path: z.string().default('$.value').describe('JSON path of the value (format json).'),
    time_path: z.string().optional().describe('JSON path of the timestamp (else arrival time).'),
    history: z.number().int().min(1).default(1000).describe('Samples kept per topic/metric.'),
  })
  .strict();
export const ProviderConfigSchema = z.discriminatedUnion('kind', [
  PrometheusProviderSchema,
  RedfishProviderSchema,
  MqttProviderSchema,
]);
export type ProviderConfig = z.infer<typeof ProviderConfigSchema>;

export const ServiceNowConfigSchema = z
  .object({
    instance_url: url
      .optional()
      .describe('e.g. https://example.service-now.com (env SERVICENOW_INSTANCE_URL)'),
    auth: z
      .object({
        type: z.enum(['basic', 'oauth']).default('basic'),
        grant: z.enum(['password', 'client_credentials']).default('password'),
        username: z.string().optional(),
        password: z.string().optional(),
        client_id: z.string().optional(),
        client_secret: z.string().optional(),
      })
      .strict()
      .default({ type: 'basic', grant: 'password' }),
    timeout: DurationSchema.prefault(15),
    request_lifetime: DurationSchema.prefault(90).describe(
      'How long a write sent to the instance can still take effect: its REST Table API transaction ' +
        'quota (60 s out of the box) plus time for the quota manager to cancel it. A write that got no ' +
        'answer holds back its incident for this long, so nothing is done twice or out of order. Raise ' +
        'it if your instance allows REST transactions to run longer.',
    ),
    rate_limit_per_hour: z
      .number()
      .int()
      .min(1)
      .default(30_000)
      .describe('Client-side cap on requests per hour.'),
    lookup_cache_ttl: DurationSchema.prefault(600),
    incident_table: z.string().default('incident'),
    verdict_table: z.string().default('x_closeloop_verdict'),
    correlation_display: z.string().default('Closeloop'),
    resolve: z
      .object({
        close_code: z.string().default('Solved (Permanently)'),
        close_notes: z
          .string()
          .default('Resolved by Closeloop: all alarms cleared and telemetry back in range.'),
        resolved_state: z.number().int().default(6),
        reopen_state: z.number().int().default(2),
        duplicate_state: z
          .number()
          .int()
          .default(8)
          .describe('State a duplicate incident of one event is closed in (8 = Canceled).'),
      })
      .strict()
      .default({
        close_code: 'Solved (Permanently)',
        close_notes: 'Resolved by Closeloop: all alarms cleared and telemetry back in range.',
        resolved_state: 6,
        reopen_state: 2,
        duplicate_state: 8,
      }),
  })
  .strict();
export type ServiceNowConfig = z.infer<typeof ServiceNowConfigSchema>;

export const ConfigSchema = z
  .object({
    server: z
      .object({
        host: z.string().default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(8080),
        body_limit: z.string().default('1mb'),
        public_url: z.string().optional().describe('URL the plugin and people use to reach the connector.'),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 8080, body_limit: '1mb' }),
    data_dir: z.string().default('./data'),
    database_url: z
      .string()
      .optional()
      .describe('postgres://… switches the store from SQLite to PostgreSQL.'),
    mappings_dir: z.string().default('./mappings'),
    api_key: z
      .string()
      .optional()
      .describe('Key the ServiceNow app sends as X-API-Key (env CLOSELOOP_API_KEY).'),
    log_level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    servicenow: ServiceNowConfigSchema.default(ServiceNowConfigSchema.parse({})),
    outbox: z
      .object({
        concurrency: z.number().int().min(1).default(8),
        max_attempts: z.number().int().min(1).default(12),
        base_delay: DurationSchema.prefault(1),
        max_delay: DurationSchema.prefault(300),
        poll_interval: DurationSchema.prefault(0.25),
      })
      .strict()
      .default({
        concurrency: 8,
        max_attempts: 12,
        base_delay: 1000,
        max_delay: 300_000,
        poll_interval: 250,
      }),
    telemetry: z
      .object({ providers: z.record(z.string(), ProviderConfigSchema).default({}) })
      .strict()
      .default({ providers: {} }),
    guard: z
      .object({
        watch_interval: DurationSchema.prefault(30),
        budget: DurationSchema.prefault(3).describe('Total time a closure check may take.'),
        concurrency: z.number().int().min(1).default(4),
      })
      .strict()
      .default({ watch_interval: 30_000, budget: 3000, concurrency: 4 }),
    security: z
      .object({
        failed_credentials: z
          .number()
          .int()
          .min(1)
          .default(10)
          .describe(
            'Wrong credentials one client address may present per failure_window before it is answered 429.',
          ),
        failed_credentials_all_clients: z
          .number()
          .int()
          .min(1)
          .default(100)
          .describe(
            'Wrong values of one credential from all clients per failure_window before every failure is 429.',
          ),
        failure_window: DurationSchema.prefault(300),
        unverified_body_bytes: z
          .union([z.string(), z.number()])
          .refine((v) => (parseByteSize(v) ?? 0) > 0, 'a size such as 8mb, 512kb or 1048576')
          .default('8mb')
          .describe(
            'Bodies of HMAC-signed posts held at once before their signature is checked (all clients).',
          ),
        unverified_body_timeout: DurationSchema.prefault(10).describe(
          'An HMAC-signed post must finish sending its body within this.',
        ),
      })
      .strict()
      .prefault({}),
    limits: z
      .object({
        nesting_depth: z
          .number()
          .int()
          .min(2)
          .max(512)
          .default(64)
          .describe(
            'Deepest nesting of JSON arrays/objects (or Sparkplug B messages) in one body or message.',
          ),
        alarms_per_batch: z
          .number()
          .int()
          .min(1)
          .default(5000)
          .describe('Most alarms one HTTP request or one MQTT message may carry (more: 413).'),
        message_bytes: ByteSizeSchema.prefault('1mb').describe(
          'Largest MQTT message taken (HTTP bodies: server.body_limit).',
        ),
        rejected_rows: z
          .number()
          .int()
          .min(1)
          .default(DEFAULT_REJECTED_RETENTION.maxRows)
          .describe('Rejected payloads kept; the oldest go first.'),
        rejected_bytes: ByteSizeSchema.prefault(DEFAULT_REJECTED_RETENTION.maxBytes).describe(
          'Total size of rejected payloads kept; the oldest go first.',
        ),
      })
      .strict()
      .prefault({}),
    noise: z
      .object({
        note_interval: DurationSchema.prefault(60).describe(
          'At most one work note per incident per this interval.',
        ),
        flap_changes: z
          .number()
          .int()
          .min(1)
          .default(4)
          .describe('More state changes than this within flap_window = flapping.'),
        flap_window: DurationSchema.prefault(600),
        storm_per_source: z
          .number()
          .int()
          .min(1)
          .default(20)
          .describe('Incidents a source may open per minute before storm control.'),
        storm_global: z
          .number()
          .int()
          .min(1)
          .default(50)
          .describe('Incidents all sources may open per minute before storm control.'),
      })
      .strict()
      .prefault({}),
  })
  .strict();
export type Config = z.infer<typeof ConfigSchema>;
