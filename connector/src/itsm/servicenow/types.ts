// Wire shapes of the ServiceNow Table API and OAuth endpoint, as zod schemas so every response is parsed
// before it is trusted. Behaviour lives elsewhere; this file only says what ServiceNow sends.
import { z } from 'zod';

/** Field values the connector writes: the Table API accepts strings and numbers for plain columns. */
export type FieldValues = Record<string, string | number>;

/** `{"error":{"message","detail"},"status":"failure"}`: every Table API error body. */
export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    detail: z.string().nullish(),
  }),
  status: z.string().optional(),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;

/** `POST /oauth_token.do` success. ServiceNow sends `expires_in` as a number; coerce in case a proxy stringifies. */
export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive(),
  scope: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

/** `POST /oauth_token.do` failure, e.g. `{"error_description":"access_denied","error":"server_error"}`. */
export const TokenErrorSchema = z.object({
  error: z.string().optional(),
  error_description: z.string().optional(),
});

/** A record as returned with `sysparm_exclude_reference_link=true`: column → string value. */
export const TableRecordSchema = z.looseObject({ sys_id: z.string().min(1) });
export type TableRecord = z.infer<typeof TableRecordSchema>;

/** An incident as far as the connector reads it; other columns pass through untouched. */
export const IncidentRecordSchema = z.looseObject({
  sys_id: z.string().min(1),
  number: z.string().min(1),
  state: z.string().optional(),
  correlation_id: z.string().optional(),
  sys_created_on: z.string().optional(),
});
export type IncidentRecord = z.infer<typeof IncidentRecordSchema>;

/** A sys_journal_field row (one work note or comment). */
export const JournalRowSchema = z.object({
  element_id: z.string(),
  value: z.string(),
  sys_created_on: z.string().optional(),
});

export const DictionaryRowSchema = z.object({ name: z.string(), element: z.string() });
export const ChoiceRowSchema = z.object({ value: z.string(), label: z.string().optional() });

/** `{"result": {...}}` around one record. */
export function single<T extends z.ZodType>(schema: T) {
  return z.object({ result: schema });
}

/** `{"result": [...]}` around a list of records. */
export function list<T extends z.ZodType>(schema: T) {
  return z.object({ result: z.array(schema) });
}
