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
  /** A business rule gets `current` and `previous`; a UI action `current` and `action`. */
  kind: z.enum(['rule', 'action']),
  script: z.string(),
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
  channel: z.instanceof(SharedArrayBuffer),
});
export type WorkerData = z.infer<typeof WorkerDataSchema>;
