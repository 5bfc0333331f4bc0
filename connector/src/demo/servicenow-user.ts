// What people do in ServiceNow, done over HTTP against the stand-in exactly as a client of a real
// instance would: read an incident with display values and its work-notes journal through the Table
// API, resolve by PATCHing state 6 with a resolution code and notes (so the guard business rule runs),
// press a form button (UI action; the stand-in's /__standin/ui-actions, since the Table API cannot),
// with what the person types into the dialog it opens.
// Every answer is parsed with zod.
import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';

export interface Credentials {
  username: string;
  password: string;
}

const DisplayAll = z.union([
  z.object({ display_value: z.string().nullable(), value: z.string().nullable() }),
  z.string(),
]);
const IncidentSchema = z.looseObject({
  sys_id: DisplayAll,
  number: DisplayAll,
  state: DisplayAll,
  priority: DisplayAll,
  impact: DisplayAll,
  urgency: DisplayAll,
  short_description: DisplayAll,
  description: DisplayAll,
  assignment_group: DisplayAll,
  cmdb_ci: DisplayAll,
  correlation_id: DisplayAll,
  close_code: DisplayAll,
  resolved_by: DisplayAll,
});
const ResultList = <T extends z.ZodType>(item: T) => z.object({ result: z.array(item) });
const JournalRowSchema = z.looseObject({
  value: z.string(),
  sys_created_on: z.string(),
  sys_created_by: z.string(),
});
const UserRowSchema = z.looseObject({ user_name: z.string(), name: z.string() });
const ErrorBodySchema = z.object({
  error: z.object({ message: z.string(), detail: z.string().nullable().optional() }),
});
const UiActionResultSchema = z.looseObject({
  ok: z.boolean(),
  problem: z.string().nullable(),
  errorMessages: z.array(z.string()),
  infoMessages: z.array(z.string()),
  submitted: z.boolean().optional(),
});

/** What a person does on the form besides pressing the button. */
export interface UiActionInput {
  /** Unsaved values on the form. */
  form?: Record<string, string>;
  /** Values typed into the dialog the button opens (by element id), and the button pressed there. */
  dialog?: { fields?: Record<string, string>; button?: string };
}
const AdminRowsSchema = z.object({ rows: z.array(z.record(z.string(), z.string())) });

/** An incident as the form shows it: values and their display labels. */
export interface IncidentView {
  sysId: string;
  number: string;
  state: { value: string; label: string };
  priority: string;
  shortDescription: string;
  description: string;
  assignmentGroup: string;
  ci: string;
  correlationId: string;
  closeCode: string;
  resolvedBy: string;
  workNotes: { at: string; by: string; text: string }[];
}

export type WriteAnswer =
  { ok: true; status: number } | { ok: false; status: number; message: string; detail: string };

function pair(v: z.infer<typeof DisplayAll>): { value: string; label: string } {
  return typeof v === 'string'
    ? { value: v, label: v }
    : { value: v.value ?? '', label: v.display_value ?? '' };
}

/**
 * The text of a form message as lines: an HTML message (list items as "- " lines, links as
 * "label: url", entities decoded) or the closure guard's one-line plain text ("• " items and
 * "See why:" each on a line of their own).
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, '$2: $1')
    .replace(/<li>/gi, '\n- ')
    .replace(/ • /g, '\n- ')
    .replace(/ (See why: )/g, '\n$1')
    .replace(/<\/(p|ul|li)>|<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

export interface ServiceNowUser {
  incidentByCorrelationId(correlationId: string): Promise<IncidentView | null>;
  incidentBySysId(sysId: string): Promise<IncidentView | null>;
  /** PATCH as `who` (the guard business rule runs on a move to Resolved). */
  update(
    sysId: string,
    who: Credentials,
    fields: Record<string, string | number | boolean>,
  ): Promise<WriteAnswer>;
  /** Presses a form button as `who`. */
  pressUiAction(
    action: string,
    sysId: string,
    who: Credentials,
    input?: UiActionInput,
  ): Promise<{
    ok: boolean;
    problem: string | null;
    errorMessages: string[];
    infoMessages: string[];
    submitted: boolean;
  }>;
  /** Rows of any table through the stand-in's admin endpoint (tables without web-service access too). */
  adminRows(table: string, encodedQuery: string): Promise<Record<string, string>[]>;
}

export function serviceNowUser(baseUrl: string, admin: Credentials): ServiceNowUser {
  const http: AxiosInstance = axios.create({
    baseURL: baseUrl,
    auth: admin,
    validateStatus: () => true,
    proxy: false,
    timeout: 20_000,
  });
  const users = new Map<string, string>();
  const displayName = async (userName: string): Promise<string> => {
    if (!users.has(userName)) {
      const res = await http.get('/api/now/table/sys_user', {
        params: {
          sysparm_query: `user_name=${userName}`,
          sysparm_fields: 'user_name,name',
          sysparm_limit: 1,
        },
      });
      const parsed = ResultList(UserRowSchema).safeParse(res.data);
      users.set(userName, (parsed.success && parsed.data.result[0]?.name) || userName);
    }
    return users.get(userName) ?? userName;
  };

  const readIncident = async (query: string): Promise<IncidentView | null> => {
    const res = await http.get('/api/now/table/incident', {
      params: { sysparm_query: query, sysparm_display_value: 'all', sysparm_exclude_reference_link: 'true' },
    });
    if (res.status !== 200) throw new Error(`GET incident answered HTTP ${res.status}`);
    const rows = ResultList(IncidentSchema).parse(res.data).result;
    if (rows.length > 1) throw new Error(`${rows.length} incidents match ${query}; expected one`);
    const row = rows[0];
    if (!row) return null;
    const sysId = pair(row.sys_id).value;
    const journal = await http.get('/api/now/table/sys_journal_field', {
      params: {
        sysparm_query: `name=incident^element_id=${sysId}^element=work_notes^ORDERBYsys_created_on`,
        sysparm_fields: 'value,sys_created_on,sys_created_by',
      },
    });
    if (journal.status !== 200) throw new Error(`GET sys_journal_field answered HTTP ${journal.status}`);
    const entries = ResultList(JournalRowSchema).parse(journal.data).result;
    const workNotes = [];
    for (const e of entries)
      workNotes.push({ at: e.sys_created_on, by: await displayName(e.sys_created_by), text: e.value });
    return {
      sysId,
      number: pair(row.number).value,
      state: pair(row.state),
      priority: pair(row.priority).label,
      shortDescription: pair(row.short_description).value,
      description: pair(row.description).value,
      assignmentGroup: pair(row.assignment_group).label,
      ci: pair(row.cmdb_ci).label,
      correlationId: pair(row.correlation_id).value,
      closeCode: pair(row.close_code).value,
      resolvedBy: pair(row.resolved_by).label,
      workNotes,
    };
  };

  return {
    incidentByCorrelationId: (correlationId) => {
      if (!correlationId) throw new Error('refusing to look up an incident by an empty correlation_id');
      return readIncident(`correlation_id=${correlationId}`);
    },
    incidentBySysId: (sysId) => readIncident(`sys_id=${sysId}`),
    update: async (sysId, who, fields) => {
      const res = await http.patch(`/api/now/table/incident/${sysId}`, fields, { auth: who });
      if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
      const body = ErrorBodySchema.safeParse(res.data);
      return {
        ok: false,
        status: res.status,
        message: body.success ? htmlToText(body.data.error.message) : `HTTP ${res.status}`,
        detail: body.success ? (body.data.error.detail ?? '') : '',
      };
    },
    pressUiAction: async (action, sysId, who, input = {}) => {
      const res = await http.post(`/__standin/ui-actions/${action}`, {
        sys_id: sysId,
        user: who.username,
        ...(input.form ? { form: input.form } : {}),
        ...(input.dialog ? { dialog: input.dialog } : {}),
      });
      const parsed = UiActionResultSchema.parse(res.data);
      return {
        ok: parsed.ok,
        problem: parsed.problem,
        errorMessages: parsed.errorMessages.map(htmlToText),
        infoMessages: parsed.infoMessages.map(htmlToText),
        submitted: parsed.submitted ?? false,
      };
    },
    adminRows: async (table, encodedQuery) => {
      const res = await http.get(`/__standin/tables/${table}`, { params: { query: encodedQuery } });
      if (res.status !== 200) throw new Error(`GET /__standin/tables/${table} answered HTTP ${res.status}`);
      return AdminRowsSchema.parse(res.data).rows;
    },
  };
}
