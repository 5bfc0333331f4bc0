// startStandin: a local ServiceNow instance stand-in for `closeloop demo` and end-to-end tests. A
// subset of the Table API (see docs/standin.md for exactly what is and is not emulated), OAuth,
// fault injection and a before-business-rule hook, over an in-memory store.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { adminRouter } from './admin.js';
import { eventManagementRouter } from './event-management.js';
import { rateLimitMiddleware, type RateLimitRule } from './rate-limit.js';
import { startPluginHost, type PluginHost, type PluginHostOptions } from './plugin-host.js';
import { tableDef } from './dictionary.js';
import type { BusinessRule } from './business-rules.js';
import {
  createFaultState,
  faultControls,
  faultInjectionMiddleware,
  requestLogMiddleware,
  type FaultControls,
} from './faults.js';
import { receiveBody } from './request-body.js';
import { transactionQuota } from './transaction.js';
import {
  expireAccessTokens,
  requireAuth,
  tokenHandler,
  type AuthState,
  type OAuthClient,
  type Principal,
} from './oauth.js';
import { DEFAULT_USERS, seedDemoData, seedMetadata, seedUsers, type SeedUser } from './seed.js';
import { loadSnapshot, saveSnapshot } from './snapshot.js';
import {
  allRows,
  blankRow,
  createStore,
  getRow,
  journalOf,
  putRow,
  type JournalEntry,
  type Row,
  type Store,
} from './store.js';
import { errorBody, listRows, tableApiRouter } from './table-api.js';
import {
  deleteRecord,
  insertRecord,
  updateRecord,
  type AccessControl,
  type InputValue,
  type WriteContext,
  type WriteOutcome,
} from './writes.js';

type LogFn = (obj: object, msg?: string) => void;
/** The subset of a pino logger the stand-in uses. */
export interface StandinLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export interface StandinOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Basic-auth users (also the OAuth password grant's users). Default admin/admin with role admin. */
  users?: SeedUser[];
  oauthClients?: OAuthClient[];
  /** Seed the demo groups and CIs (default true). Dictionary, choices, users and properties are always there. */
  seed?: boolean;
  logger?: StandinLogger;
  /** Keep the data in this JSON file: loaded on start if present, rewritten after changes. */
  snapshotFile?: string;
  /** Access token lifetime (default 1800 s; expires_in says one second less, as the platform does). */
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  /** Before business rules installed from the start (more via `businessRules.add`). */
  businessRules?: BusinessRule[];
  /** Property values set after seeding (e.g. x_closeloop.connector.url). */
  properties?: Record<string, string>;
  /** Enforce an hourly rate-limit rule (requests per user per clock hour) on /api. Default: none. */
  rateLimit?: RateLimitRule;
  /** Clock, for tests. */
  now?: () => number;
  /**
   * The "REST Table API request timeout" transaction quota: a Table API request still running after
   * this long is cancelled and stores nothing (default 60000, as on an instance).
   */
  transactionQuotaMs?: number;
  /**
   * Run the Closeloop plugin's built business rule and UI actions (plugin-host.ts). Needs
   * `npm run build -w plugin` first; `true` uses plugin/dist/app.
   */
  plugin?: true | PluginHostOptions;
}

export interface WriteOptions {
  /** user_name the write runs as (default: the first configured user). */
  user?: string;
  /** Run business rules (default false for insert, true for update). */
  runRules?: boolean;
  /** The user session it belongs to (default: a session of its own, like one REST request). */
  session?: string;
  /** A person on a form (default false: like the Table API). */
  interactive?: boolean;
}

/** Direct access to the records, for assertions and set-up in tests. */
export interface StandinTables {
  /** Rows of a table matching an encoded query (same semantics as sysparm_query). */
  list(table: string, encodedQuery?: string): Row[];
  get(table: string, sysId: string): Row | undefined;
  /** Inserts with the platform's own logic (number, defaults, priority); no business rules unless asked. */
  insert(table: string, values: Record<string, InputValue>, options?: WriteOptions): Promise<Row>;
  /** Updates exactly as a Table API PATCH does (business rules run unless runRules is false). */
  update(
    table: string,
    sysId: string,
    values: Record<string, InputValue>,
    options?: WriteOptions,
  ): Promise<WriteOutcome>;
  /** Deletes a record; false when there was none. */
  remove(table: string, sysId: string): boolean;
  /**
   * Loads rows as an application install does (defaults and system columns filled, no business
   * rules, no ACLs); rows whose sys_id exists are replaced.
   */
  load(table: string, rows: Record<string, string>[]): void;
  /** Journal entries (work_notes, comments) of a record, oldest first. */
  journal(table: string, sysId: string, element?: string): JournalEntry[];
}

export interface StandinProperties {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  list(): Record<string, string>;
}

export interface UiActionInput {
  /** Record the action is clicked on. */
  sysId: string;
  /** user_name of who clicks (default: the first configured user). */
  user?: string;
  /** Which form: the classic UI16 form (default) or a configurable workspace (SOW). */
  ui?: 'classic' | 'workspace';
  /** Unsaved values on the form when the button is pressed. */
  form?: Record<string, string>;
  /**
   * What the user does in a dialog the action opens: the values typed into its fields (by element
   * id on a classic UI page, by field name in a Workspace g_modal) and the button pressed (a button
   * id, or "ok" / "cancel"). Without it a dialog stays open and nothing is submitted.
   */
  dialog?: { fields?: Record<string, string>; button?: string };
}

export interface UiActionResult {
  /** false when the action could not run at all (unknown record, role or condition not met). */
  ok: boolean;
  problem: string | null;
  errorMessages: string[];
  infoMessages: string[];
  redirect: string | null;
  /** The record after the action. */
  record: Row | null;
  /** Whether the form was submitted to the server (a client action may not submit at all). */
  submitted?: boolean;
  /** A dialog left open (nothing was chosen in it): its UI page or "g_modal". */
  dialogOpen?: string | null;
}

export type UiActionHandler = (input: UiActionInput) => Promise<UiActionResult>;

/** What opening a form shows (display business rules, onLoad client scripts). */
export interface FormView {
  record: Row | null;
  errorMessages: string[];
  infoMessages: string[];
  /** g_scratchpad as the display rules left it. */
  scratchpad: Record<string, unknown>;
}

export type FormHandler = (table: string, sysId: string, user: string) => Promise<FormView>;

export interface Standin {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  port: number;
  faults: FaultControls;
  tables: StandinTables;
  /** The first configured user: who writes when no user is named. */
  defaultUser: string;
  /** Roles of a configured user (undefined for an unknown user). */
  rolesOf(user: string): readonly string[] | undefined;
  properties: StandinProperties;
  businessRules: {
    /** Installs a before rule; returns a function that removes it. */
    add(rule: BusinessRule): () => void;
    list(): BusinessRule[];
  };
  oauth: { expireAccessTokens(): number };
  /**
   * Form buttons (UI actions), which the Table API cannot press: the plugin host registers the
   * plugin's; tests and the demo press them here or at POST /__standin/ui-actions/{action_name}.
   */
  uiActions: {
    register(actionName: string, handler: UiActionHandler): () => void;
    run(actionName: string, input: UiActionInput): Promise<UiActionResult>;
    list(): string[];
  };
  /** Opening a record's form: display rules and onLoad client scripts (the plugin host registers them). */
  forms: {
    register(handler: FormHandler): () => void;
    open(table: string, sysId: string, user?: string): Promise<FormView>;
  };
  /** ACLs the Table API enforces (the plugin host installs the built app's); none by default. */
  access: { set(control: AccessControl | null): void };
  /** The plugin host when started with `plugin`, else null. */
  plugin: PluginHost | null;
  /** Back to the freshly seeded state (requests log and faults are kept); reset hooks run after it. */
  reset(): void;
  /** Runs after every reset (the plugin host reloads its first-install rows); returns a remover. */
  onReset(hook: () => void): () => void;
  close(): Promise<void>;
}

const silent: StandinLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export async function startStandin(options: StandinOptions = {}): Promise<Standin> {
  const logger = options.logger ?? silent;
  const now = options.now ?? Date.now;
  const users = options.users && options.users.length > 0 ? options.users : DEFAULT_USERS;
  const defaultUser = users[0]?.username ?? 'admin';

  const seedInto = (store: Store) => {
    seedUsers(store, users);
    seedMetadata(store);
    if (options.seed ?? true) seedDemoData(store);
    for (const [name, value] of Object.entries(options.properties ?? {}))
      setProperty(store, name, value, now());
  };
  const store = (options.snapshotFile ? loadSnapshot(options.snapshotFile) : null) ?? createStore();
  if (store.tables.size === 0) seedInto(store);

  const rules: BusinessRule[] = [...(options.businessRules ?? [])];
  const uiActionHandlers = new Map<string, UiActionHandler>();
  const uiActions: Standin['uiActions'] = {
    register: (name, handler) => {
      uiActionHandlers.set(name, handler);
      return () => {
        if (uiActionHandlers.get(name) === handler) uiActionHandlers.delete(name);
      };
    },
    run: async (name, input) => {
      const handler = uiActionHandlers.get(name);
      if (!handler) throw new Error(`no UI action ${name}`);
      return handler(input);
    },
    list: () => [...uiActionHandlers.keys()],
  };
  let formHandler: FormHandler | null = null;
  const forms: Standin['forms'] = {
    register: (handler) => {
      formHandler = handler;
      return () => {
        if (formHandler === handler) formHandler = null;
      };
    },
    open: async (table, sysId, user) => {
      if (!formHandler) {
        return {
          record: getRow(store, table, sysId) ?? null,
          errorMessages: [],
          infoMessages: [],
          scratchpad: {},
        };
      }
      return formHandler(table, sysId, user ?? defaultUser);
    },
  };
  let accessControl: AccessControl | null = null;
  let sessions = 0;
  const locks = new Map<string, Promise<unknown>>();
  const auth: AuthState = {
    users,
    clients: options.oauthClients ?? [],
    tokens: new Map(),
    accessTtlSeconds: options.accessTokenTtlSeconds ?? 1800,
    refreshTtlSeconds: options.refreshTokenTtlSeconds ?? 100 * 24 * 3600,
    now,
  };
  const faultState = createFaultState();
  const faults = faultControls(faultState);

  let saveTimer: NodeJS.Timeout | null = null;
  const save = () => {
    if (!options.snapshotFile) return;
    try {
      saveSnapshot(options.snapshotFile, store);
    } catch (error) {
      logger.error({ err: error, file: options.snapshotFile }, 'stand-in snapshot could not be written');
    }
  };
  const onChange = () => {
    if (!options.snapshotFile || saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = null;
      save();
    }, 50);
    saveTimer.unref();
  };

  const writeContext = (
    principal: Principal,
    runRules = true,
    options: { session?: string | undefined; interactive?: boolean | undefined; acls?: boolean } = {},
  ): WriteContext => ({
    user: principal.user,
    roles: principal.roles,
    nowMs: now(),
    rules,
    runRules,
    locks,
    // A REST request without a session cookie is a session of its own on the platform.
    session: options.session ?? `session-${++sessions}`,
    interactive: options.interactive ?? false,
    ...(options.acls && accessControl ? { access: accessControl } : {}),
  });
  const principalFor = (user?: string): Principal => {
    const name = user ?? defaultUser;
    return { user: name, roles: users.find((u) => u.username === name)?.roles ?? [] };
  };

  const properties: StandinProperties = {
    get: (name) => allRows(store, 'sys_properties').find((row) => row.name === name)?.value,
    set: (name, value) => {
      setProperty(store, name, value, now());
      onChange();
    },
    list: () =>
      Object.fromEntries(allRows(store, 'sys_properties').map((row) => [row.name ?? '', row.value ?? ''])),
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // the Table API has no ETag / If-Match
  app.use(requestLogMiddleware(faultState));
  app.use('/api', receiveBody(10 * 1024 * 1024));
  app.use('/api/now/table', transactionQuota(options.transactionQuotaMs ?? 60_000));
  app.use(faultInjectionMiddleware(faultState));
  app.use(
    '/__standin',
    adminRouter({
      faults,
      properties,
      expireAccessTokens: () => expireAccessTokens(auth),
      reset: () => resetStore(),
      uiActions,
      forms,
      listRows: (table, query) => (tableDef(table)?.queryable ? listRows(store, table, query) : null),
    }),
  );
  app.post('/oauth_token.do', express.urlencoded({ extended: false }), tokenHandler(auth));
  app.use('/api', requireAuth(auth));
  if (options.rateLimit)
    app.use('/api', rateLimitMiddleware({ rule: options.rateLimit, windows: new Map(), now }));
  app.use(
    '/api/global/em',
    eventManagementRouter(async (values, user) => {
      await insertRecord(store, 'em_event', values, writeContext(principalFor(user), false));
      onChange();
    }),
  );
  app.use(
    '/api/now/table',
    tableApiRouter({ store, writeContext: (p) => writeContext(p, true, { acls: true }), onChange }),
  );
  app.use(
    '/api',
    (_req, res) =>
      void res.status(400).json(errorBody('Requested URI does not represent any resource', null)),
  );
  app.use((_req, res) => void res.status(404).type('html').send('<html><body>Not Found</body></html>'));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error, method: req.method, path: req.path }, 'stand-in request failed');
    if (!res.headersSent)
      res.status(500).json(errorBody('Internal Server Error', error instanceof Error ? error.message : null));
  });

  const resetHooks: (() => void)[] = [];
  const resetStore = () => {
    store.tables.clear();
    store.counters.clear();
    seedInto(store);
    for (const hook of resetHooks) hook();
    onChange();
  };

  const server: Server = app.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const url = `http://${host}:${port}`;
  logger.info({ url }, 'ServiceNow stand-in listening');

  const tables: StandinTables = {
    list: (table, encodedQuery = '') => listRows(store, table, encodedQuery),
    get: (table, sysId) => getRow(store, table, sysId),
    insert: async (table, values, opts = {}) => {
      const outcome = await insertRecord(
        store,
        table,
        values,
        writeContext(principalFor(opts.user), opts.runRules ?? false, opts),
      );
      if (!outcome.ok)
        throw new Error(`insert into ${table} refused: ${outcome.message} (${outcome.detail ?? ''})`);
      onChange();
      return outcome.row;
    },
    update: async (table, sysId, values, opts = {}) => {
      const outcome = await updateRecord(
        store,
        table,
        sysId,
        values,
        writeContext(principalFor(opts.user), opts.runRules ?? true, opts),
      );
      if (outcome.ok) onChange();
      return outcome;
    },
    remove: (table, sysId) => {
      const outcome = deleteRecord(store, table, sysId);
      if (outcome.ok) onChange();
      return outcome.ok;
    },
    journal: (table, sysId, element) => journalOf(store, table, sysId, element),
    load: (table, rows) => {
      for (const values of rows) {
        putRow(store, table, { ...blankRow(store, table, 'system', now()), ...values });
      }
      onChange();
    },
  };

  const standin: Standin = {
    url,
    port,
    faults,
    tables,
    defaultUser,
    rolesOf: (user) =>
      users.find((u) => u.username === user)?.roles ??
      (users.some((u) => u.username === user) ? [] : undefined),
    properties,
    businessRules: {
      add: (rule) => {
        rules.push(rule);
        return () => {
          const index = rules.indexOf(rule);
          if (index >= 0) rules.splice(index, 1);
        };
      },
      list: () => [...rules],
    },
    oauth: { expireAccessTokens: () => expireAccessTokens(auth) },
    uiActions,
    forms,
    access: {
      set: (control) => {
        accessControl = control;
      },
    },
    reset: resetStore,
    onReset: (hook) => {
      resetHooks.push(hook);
      return () => {
        const index = resetHooks.indexOf(hook);
        if (index >= 0) resetHooks.splice(index, 1);
      };
    },
    plugin: null,
    close: async () => {
      await standin.plugin?.close();
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
      save();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
  if (options.plugin) {
    try {
      standin.plugin = await startPluginHost(standin, {
        logger: options.logger ?? silent,
        ...(options.plugin === true ? {} : options.plugin),
      });
    } catch (error) {
      await standin.close();
      throw error;
    }
  }
  return standin;
}

function setProperty(store: Store, name: string, value: string, nowMs: number): void {
  const existing = allRows(store, 'sys_properties').find((row) => row.name === name);
  if (existing) {
    existing.value = value;
    return;
  }
  putRow(store, 'sys_properties', { ...blankRow(store, 'sys_properties', 'system', nowMs), name, value });
}
