// Messages between the plugin host (main thread) and the plugin worker. The worker asks for Glide
// operations (`call`), the host answers through the shared-memory channel; a script run ends with
// `done`. Parsed with zod on both sides: the worker runs third-party code.
import { z } from 'zod';

/** Symbol.for() key under which the worker publishes the Glide fakes for the shim modules. */
export const GLIDE_GLOBAL_KEY = 'closeloop.standin.glide';

const Row = z.record(z.string(), z.string());

export const GlideCallSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('property'), name: z.string() }),
  z.object({
    op: z.literal('query'),
    table: z.string(),
    encodedQuery: z.string(),
    limit: z.number().int().nullable(),
  }),
  z.object({ op: z.literal('insert'), table: z.string(), values: Row }),
  z.object({ op: z.literal('update'), table: z.string(), sysId: z.string(), values: Row }),
  z.object({ op: z.literal('delete'), table: z.string(), sysId: z.string() }),
  /** GlideSession client data of the run's session: `value` null reads, '' clears, else writes. */
  z.object({ op: z.literal('session'), key: z.string(), value: z.string().nullable() }),
  /** GlideRecordSecure: may the run's user read / write this record? */
  z.object({
    op: z.literal('access'),
    table: z.string(),
    sysId: z.string(),
    operation: z.enum(['read', 'write']),
  }),
  z.object({
    op: z.literal('http'),
    method: z.string(),
    url: z.string(),
    headers: z.record(z.string(), z.string()),
    body: z.string(),
    timeoutMs: z.number().int().min(1),
  }),
]);
export type GlideCall = z.infer<typeof GlideCallSchema>;

export const HttpAnswerSchema = z.object({
  status: z.number().int(),
  body: z.string(),
  headers: z.record(z.string(), z.string()),
  error: z.string(),
});
export type HttpAnswer = z.infer<typeof HttpAnswerSchema>;

export const LogEntrySchema = z.object({
  level: z.enum(['debug', 'info', 'warn', 'error']),
  message: z.string(),
});
export type PluginLogEntry = z.infer<typeof LogEntrySchema>;

/** Answer to an `update` call: the sys_id (null when refused) and what the business rules said. */
export const UpdateAnswerSchema = z.object({
  sysId: z.string().nullable(),
  errorMessages: z.array(z.string()),
  infoMessages: z.array(z.string()),
});
export type UpdateAnswer = z.infer<typeof UpdateAnswerSchema>;

export const RunRequestSchema = z.object({
  type: z.literal('run'),
  runId: z.number().int(),
  /**
   * rule: a business rule (`current`, `previous`); action: a UI action's server script (`current`,
   * `action`); condition: a UI action condition expression; acl: an ACL script (`answer`); ajax: a
   * GlideAjax call of a client-callable script include; display: a display rule (`g_scratchpad`).
   */
  kind: z.enum(['rule', 'action', 'condition', 'acl', 'ajax', 'display']),
  script: z.string(),
  /** kind ajax: which script include, which method, the sysparm_* parameters. */
  ajax: z
    .object({ processor: z.string(), method: z.string(), params: z.record(z.string(), z.string()) })
    .optional(),
  /** GlideSession.isInteractive() for the run. */
  interactive: z.boolean(),
  table: z.string(),
  current: Row,
  previous: Row.nullable(),
  user: z.string(),
  userSysId: z.string(),
  roles: z.array(z.string()),
});
export type RunRequest = z.infer<typeof RunRequestSchema>;

export const RunResultSchema = z.object({
  current: Row,
  aborted: z.boolean(),
  errorMessages: z.array(z.string()),
  infoMessages: z.array(z.string()),
  logs: z.array(LogEntrySchema),
  /** The script threw: the platform logs it and carries on with the update. */
  scriptError: z.string().nullable(),
  /** What a UI action passed to action.setRedirectURL (a record becomes `<table>.do?sys_id=<id>`). */
  redirect: z.string().nullable(),
  /** condition / acl: the boolean; ajax: the answer string; display: g_scratchpad. */
  value: z.unknown().optional(),
});
export type RunResult = z.infer<typeof RunResultSchema>;

export const WorkerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('load-failed'), error: z.string() }),
  z.object({ type: z.literal('call'), call: GlideCallSchema }),
  z.object({ type: z.literal('done'), runId: z.number().int(), result: RunResultSchema }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;

/** What the worker gets at start: where the built modules were written, which scripts to preload. */
export const WorkerDataSchema = z.object({
  moduleRoot: z.string(),
  modules: z.record(z.string(), z.string()),
  preload: z.array(z.string()),
  /** The app's script includes (sys_script_include), published as x_closeloop.<name>. */
  scriptIncludes: z.array(z.object({ name: z.string(), script: z.string() })),
  channel: z.instanceof(SharedArrayBuffer),
});
export type WorkerData = z.infer<typeof WorkerDataSchema>;
