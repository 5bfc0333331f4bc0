// In-memory stand-ins for the Glide APIs the plugin's adapters use (gs, GlideRecord,
// sn_ws.RESTMessageV2), with ServiceNow's quirks that matter to the guard: getValue returns null
// for empty fields, an unknown column in addQuery is ignored (and then matches every row), admin
// has every role, a before-update rule can abort the update.
// One shared world per process: the adapters capture the exported objects once, tests reset state.

export type FakeRow = Record<string, string>;

export interface RecordedRequest {
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  httpTimeoutMs: number | null;
  midServer: string | null;
  mode: 'execute' | 'executeAsync' | null;
  waitSeconds: number | null;
}

/** What the fake connector does with a request. */
export type FakeConnectorReply =
  | { status: number; body: string; delayMs?: number }
  | { unreachable: string }
  | { throws: string };

export type ConnectorHandler = (request: RecordedRequest) => FakeConnectorReply;

export type BeforeUpdateRule = (current: FakeGlideRecord, previous: FakeGlideRecord) => void;
export type AfterUpdateRule = (current: FakeGlideRecord, previous: FakeGlideRecord) => void;

interface RegisteredRule {
  table: string;
  when: 'before' | 'after';
  condition: (current: FakeRow, previous: FakeRow) => boolean;
  script: BeforeUpdateRule;
}

const TASK_COLUMNS = [
  'number',
  'state',
  'short_description',
  'correlation_id',
  'correlation_display',
  'cmdb_ci',
  'close_code',
  'close_notes',
  'assignment_group',
  'work_notes',
  'sys_class_name',
];

/** Tables extending task in the fake world; `new GlideRecord('task').get(id)` finds their rows. */
export const TASK_TABLES = ['incident', 'wm_order', 'wm_task', 'change_request'];

/** Columns per table; isValidField and addQuery follow them. */
const SCHEMA: Record<string, string[]> = {
  task: TASK_COLUMNS,
  incident: TASK_COLUMNS,
  change_request: TASK_COLUMNS,
  wm_order: [...TASK_COLUMNS, 'initiated_from'],
  wm_task: [...TASK_COLUMNS, 'parent'],
  cmdb_ci: ['name', 'sys_class_name'],
  sys_user_group: ['name', 'manager'],
  ecc_agent: ['name'],
  x_closeloop_verdict: ['correlation_id', 'verdict', 'checks', 'evaluated_at'],
  x_closeloop_guarded_table: [
    'table_name',
    'active',
    'closing_states',
    'cancel_states',
    'guarded_close_codes',
    'via_field',
    'own_correlation',
    'fail_mode',
    'description',
  ],
  x_closeloop_override_request: ['table_name', 'task', 'user', 'justification', 'requested_at', 'status', 'audit'],
  x_closeloop_connector_state: ['name', 'failures', 'open_until_ms', 'last_error'],
  x_closeloop_closure_audit: [
    'table_name',
    'task',
    'number',
    'correlation_id',
    'assignment_group',
    'from_state',
    'to_state',
    'outcome',
    'resolution_blocked',
    'verdict',
    'source',
    'checks',
    'evaluated_at',
    'user',
    'justification',
    'checked_at',
    'detail',
    'message',
  ],
};
const SYSTEM_COLUMNS = ['sys_id', 'sys_created_on', 'sys_updated_on'];

class FakeWorld {
  tables = new Map<string, FakeRow[]>();
  properties = new Map<string, string>();
  userId = 'user-1';
  userName = 'fred.fulfiller';
  roles = new Set<string>();
  errorMessages: string[] = [];
  infoMessages: string[] = [];
  logs: { level: 'warn' | 'error' | 'info'; message: string }[] = [];
  requests: RecordedRequest[] = [];
  connector: ConnectorHandler = () => ({ unreachable: 'no fake connector configured' });
  rules: RegisteredRule[] = [];
  /** GlideSession client data of the one session the fake world has. */
  session = new Map<string, string>();
  interactive = true;
  events: { name: string; table: string; sysId: string; parm1: string; parm2: string }[] = [];
  /** sys_ids GlideRecordSecure may not read / write. */
  unreadable = new Set<string>();
  unwritable = new Set<string>();
  /** What sn_cc.ConnectionInfoProvider answers for the app's alias (null: no connection). */
  connection: { attributes: Record<string, string>; credential: Record<string, string> } | null = null;
  clockMs = Date.UTC(2025, 5, 1, 12, 0, 0);
  private nextId = 1;

  reset(): void {
    this.tables = new Map();
    this.properties = new Map();
    this.userId = 'user-1';
    this.userName = 'fred.fulfiller';
    this.roles = new Set();
    this.errorMessages = [];
    this.infoMessages = [];
    this.logs = [];
    this.requests = [];
    this.connector = () => ({ unreachable: 'no fake connector configured' });
    this.rules = [];
    this.session = new Map();
    this.interactive = true;
    this.events = [];
    this.unreadable = new Set();
    this.unwritable = new Set();
    this.connection = null;
    this.nextId = 1;
  }

  rows(table: string): FakeRow[] {
    let rows = this.tables.get(table);
    if (!rows) {
      rows = [];
      this.tables.set(table, rows);
    }
    return rows;
  }

  insertRow(table: string, values: Record<string, string>): FakeRow {
    const now = stamp(this.clockMs);
    const row: FakeRow = { sys_created_on: now, sys_updated_on: now, ...values, sys_id: values.sys_id ?? this.newId() };
    this.rows(table).push(row);
    return row;
  }

  findRow(table: string, sysId: string): FakeRow | undefined {
    return this.rows(table).find((row) => row.sys_id === sysId);
  }

  newId(): string {
    return (this.nextId++).toString(16).padStart(32, '0');
  }

  /** A before-update business rule with its filter condition as a predicate on (current, previous). */
  addBeforeUpdateRule(table: string, condition: RegisteredRule['condition'], script: BeforeUpdateRule): void {
    this.rules.push({ table, when: 'before', condition, script });
  }

  addAfterUpdateRule(table: string, condition: RegisteredRule['condition'], script: AfterUpdateRule): void {
    this.rules.push({ table, when: 'after', condition, script });
  }

  /** The stored row of a task-derived record, whichever table holds it. */
  findTask(sysId: string): { table: string; row: FakeRow } | undefined {
    for (const table of TASK_TABLES) {
      const row = this.findRow(table, sysId);
      if (row) return { table, row };
    }
    return undefined;
  }
}

export const world = new FakeWorld();

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

// ---- gs ---------------------------------------------------------------------------------------

export const gs = {
  getProperty(name: string, alt?: unknown): unknown {
    return world.properties.has(name) ? world.properties.get(name) : alt === undefined ? null : alt;
  },
  hasRole(role: string): boolean {
    return world.roles.has('admin') || world.roles.has(role);
  },
  getUserID(): string {
    return world.userId;
  },
  getUserName(): string {
    return world.userName;
  },
  addErrorMessage(message: unknown): void {
    world.errorMessages.push(String(message));
  },
  addInfoMessage(message: unknown): void {
    world.infoMessages.push(String(message));
  },
  warn(message: unknown): void {
    world.logs.push({ level: 'warn', message: String(message) });
  },
  error(message: unknown): void {
    world.logs.push({ level: 'error', message: String(message) });
  },
  info(message: unknown): void {
    world.logs.push({ level: 'info', message: String(message) });
  },
  getSession() {
    return {
      isInteractive: (): boolean => world.interactive,
      getClientData: (key: string): string | null => world.session.get(key) ?? null,
      putClientData: (key: string, value: string): void => void world.session.set(key, String(value)),
      clearClientData: (key: string): void => void world.session.delete(key),
    };
  },
  eventQueue(name: string, record: FakeGlideRecord, parm1: unknown, parm2: unknown): void {
    world.events.push({
      name,
      table: record.table,
      sysId: record.getUniqueValue(),
      parm1: String(parm1 ?? ''),
      parm2: String(parm2 ?? ''),
    });
  },
  tableExists(table: string): boolean {
    return table in SCHEMA;
  },
};

// ---- GlideRecord -------------------------------------------------------------------------------

interface Condition {
  field: string;
  operator: string;
  value: string;
}

export class FakeGlideRecord {
  readonly table: string;
  private values: FakeRow = {};
  private conditions: Condition[] = [];
  private order: { field: string; descending: boolean } | null = null;
  private limit = Infinity;
  private results: FakeRow[] = [];
  private cursor = -1;
  private aborted = false;
  private isNew = false;

  constructor(table: string) {
    this.table = table;
  }

  /** A record positioned on a stored row, as `current` is in a business rule. */
  static positionedOn(table: string, row: FakeRow): FakeGlideRecord {
    const record = new FakeGlideRecord(table);
    record.values = { ...row };
    return record;
  }

  isValidField(name: string): boolean {
    return SYSTEM_COLUMNS.includes(name) || (SCHEMA[this.table] ?? []).includes(name);
  }

  initialize(): void {
    this.values = {};
    this.isNew = true;
  }

  setValue(field: string, value: unknown): void {
    this.values[field] = value === null || value === undefined ? '' : String(value);
  }

  getValue(field: string): string | null {
    const value = this.values[field];
    // Like the platform: an empty field reads as null.
    return value === undefined || value === '' ? null : value;
  }

  getUniqueValue(): string {
    return this.values.sys_id ?? '';
  }

  addQuery(field: string, operatorOrValue: unknown, value?: unknown): void {
    // Like the platform: a condition on an unknown column is dropped, so it matches everything.
    if (!this.isValidField(field)) return;
    if (value === undefined) this.conditions.push({ field, operator: '=', value: String(operatorOrValue) });
    else this.conditions.push({ field, operator: String(operatorOrValue), value: String(value) });
  }

  orderByDesc(field: string): void {
    this.order = { field, descending: true };
  }

  setLimit(limit: number): void {
    this.limit = limit;
  }

  query(): void {
    let rows = world.rows(this.table).filter((row) =>
      this.conditions.every((c) => {
        const actual = row[c.field] ?? '';
        if (c.operator === '=') return actual === c.value;
        if (c.operator === '!=') return actual !== c.value;
        throw new Error(`fake GlideRecord: operator ${c.operator} not supported`);
      }),
    );
    if (this.order) {
      const { field, descending } = this.order;
      rows = [...rows].sort((a, b) => (a[field] ?? '').localeCompare(b[field] ?? '') * (descending ? -1 : 1));
    }
    this.results = rows.slice(0, this.limit);
    this.cursor = -1;
  }

  next(): boolean {
    if (this.cursor + 1 >= this.results.length) return false;
    this.cursor++;
    this.values = { ...(this.results[this.cursor] as FakeRow) };
    return true;
  }

  getRowCount(): number {
    return this.results.length;
  }

  get(nameOrId: string, value?: string): boolean {
    const field = value === undefined ? 'sys_id' : nameOrId;
    const wanted = value === undefined ? nameOrId : value;
    if (this.table === 'task' && field === 'sys_id') {
      // Like the platform: a record read through its parent table knows its own class.
      const found = world.findTask(wanted);
      if (!found) return false;
      this.values = { ...found.row, sys_class_name: found.table };
      return true;
    }
    const row = world.rows(this.table).find((r) => r[field] === wanted);
    if (!row) return false;
    this.values = { ...row };
    this.isNew = false;
    return true;
  }

  getTableName(): string {
    return this.table;
  }

  isNewRecord(): boolean {
    return this.isNew;
  }

  isValid(): boolean {
    return this.table in SCHEMA;
  }

  insert(): string | null {
    const row = world.insertRow(this.table, this.values);
    this.values = { ...row };
    this.isNew = false;
    return row.sys_id ?? null;
  }

  /** Runs before-update rules registered for the table, then saves unless one aborted. */
  update(): string | null {
    const sysId = this.values.sys_id;
    const stored = sysId ? world.findRow(this.table, sysId) : undefined;
    if (!stored || this.isNew) return this.insert();
    const before = { ...stored };
    const previous = FakeGlideRecord.positionedOn(this.table, before);
    this.aborted = false;
    const applies = (rule: RegisteredRule) =>
      (rule.table === this.table || (rule.table === 'task' && TASK_TABLES.includes(this.table))) &&
      rule.condition(this.values, before);
    for (const rule of world.rules) {
      if (rule.when !== 'before' || !applies(rule)) continue;
      rule.script(this, previous);
      if (this.aborted) return null;
    }
    const { work_notes: note, ...values } = this.values;
    Object.assign(stored, values, { sys_updated_on: stamp(world.clockMs) });
    if (note) world.insertRow('sys_journal_field', { element: 'work_notes', element_id: sysId ?? '', value: note });
    for (const rule of world.rules) {
      if (rule.when === 'after' && applies(rule)) rule.script(this, previous);
    }
    return sysId ?? null;
  }

  setAbortAction(abort: boolean): void {
    this.aborted = abort;
  }

  isActionAborted(): boolean {
    return this.aborted;
  }

  /** Test helper: the values as the record currently holds them (not a Glide API). */
  snapshot(): FakeRow {
    return { ...this.values };
  }
}

// ---- sn_ws.RESTMessageV2 ------------------------------------------------------------------------

class FakeRESTResponseV2 {
  constructor(
    private readonly request: RecordedRequest,
    private readonly reply: FakeConnectorReply,
  ) {}

  getStatusCode(): number {
    return 'status' in this.reply ? this.reply.status : 0;
  }

  getBody(): string {
    return 'status' in this.reply ? this.reply.body : '';
  }

  haveError(): boolean {
    return !('status' in this.reply) || this.reply.status >= 400;
  }

  getErrorMessage(): string {
    if ('unreachable' in this.reply) return this.reply.unreachable;
    return 'status' in this.reply && this.reply.status >= 400 ? `HTTP ${this.reply.status}` : '';
  }

  /** MID calls: throws like the platform when no answer arrived within the wait. */
  waitForResponse(seconds: number): void {
    this.request.waitSeconds = seconds;
    if ('status' in this.reply && (this.reply.delayMs ?? 0) > seconds * 1000) {
      throw new Error(`No response for ECC message request with sysid=fake after waiting for ${seconds} seconds`);
    }
  }
}

export class RESTMessageV2 {
  private readonly request: RecordedRequest = {
    endpoint: '',
    method: '',
    headers: {},
    body: '',
    httpTimeoutMs: null,
    midServer: null,
    mode: null,
    waitSeconds: null,
  };

  constructor() {
    world.requests.push(this.request);
  }

  setEndpoint(endpoint: string): void {
    this.request.endpoint = endpoint;
  }

  setHttpMethod(method: string): void {
    this.request.method = method;
  }

  setRequestHeader(name: string, value: string): void {
    this.request.headers[name] = value;
  }

  setRequestBody(body: string): void {
    this.request.body = body;
  }

  setHttpTimeout(ms: number): void {
    this.request.httpTimeoutMs = ms;
  }

  setMIDServer(name: string): void {
    this.request.midServer = name;
  }

  execute(): FakeRESTResponseV2 {
    this.request.mode = 'execute';
    const reply = world.connector(this.request);
    if ('throws' in reply) throw new Error(reply.throws);
    if (this.request.midServer) throw new Error('fake: a MID Server call must use executeAsync');
    const timeout = this.request.httpTimeoutMs ?? 0;
    if ('status' in reply && timeout > 0 && (reply.delayMs ?? 0) > timeout) {
      throw new Error('java.net.SocketTimeoutException: Read timed out');
    }
    return new FakeRESTResponseV2(this.request, reply);
  }

  executeAsync(): FakeRESTResponseV2 {
    this.request.mode = 'executeAsync';
    const reply = world.connector(this.request);
    if ('throws' in reply) throw new Error(reply.throws);
    return new FakeRESTResponseV2(this.request, reply);
  }
}

/** GlideRecord that checks access like the platform's GlideRecordSecure (world.unreadable/unwritable). */
export class FakeGlideRecordSecure extends FakeGlideRecord {
  canRead(): boolean {
    return !world.unreadable.has(this.getUniqueValue());
  }

  canWrite(): boolean {
    return !world.unwritable.has(this.getUniqueValue());
  }
}

// ---- sn_cc.ConnectionInfoProvider ----------------------------------------------------------------

class FakeConnectionInfoProvider {
  getConnectionInfo(aliasId: string) {
    const connection = world.connection;
    if (!connection || aliasId !== 'x_closeloop.Closeloop_Connector') return null;
    return {
      getAttribute: (name: string): string => connection.attributes[name] ?? '',
      getCredentialAttribute: (name: string): string => connection.credential[name] ?? '',
    };
  }
}

/** What `require('@servicenow/glide')`, `…/sn_ws` and `…/sn_cc` return under test. */
export const glideModule = { gs, GlideRecord: FakeGlideRecord, GlideRecordSecure: FakeGlideRecordSecure };
export const snWsModule = { RESTMessageV2 };
export const snCcModule = { ConnectionInfoProvider: FakeConnectionInfoProvider };
