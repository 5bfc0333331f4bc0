import { expect } from 'chai';
import nock from 'nock';
import { createServiceNowClient } from '../../../../connector/src/itsm/servicenow/client.js';
import {
  VERDICT_CHECKS_MAX_CHARS,
  checksJson,
  deliverOperation,
  duplicateNote,
  toDeliveryResult,
} from '../../../../connector/src/itsm/servicenow/deliver.js';
import type { IncidentRecord } from '../../../../connector/src/itsm/servicenow/types.js';
import type { ResponseObservation } from '../../../../connector/src/itsm/servicenow/hooks.js';
import type { Operation } from '../../../../connector/src/outbox/operations.js';
import { OperationSchema } from '../../../../connector/src/outbox/operations.js';
import {
  BASIC_HEADER,
  CI_SYS_ID,
  GROUP_SYS_ID,
  INSTANCE,
  SN_HEADERS,
  SYS_ID,
  SYS_ID_2,
  basicConfig,
  incident,
  listQuery,
  snError,
  useNock,
  FIRST_ATTEMPT,
} from './helpers.js';

const KEY = 'dc1/hall-a/crah-07/supply-temp-high';
const LINK = { sysId: SYS_ID, number: 'INC0010023' };
const FIND_QUERY = listQuery({
  sysparm_query: `correlation_id=${KEY}^ORDERBYsys_created_on^ORDERBYnumber`,
  sysparm_fields: 'sys_id,number,state,correlation_id,sys_created_on',
  sysparm_limit: '20',
});
const WRITE_QUERY = listQuery({ sysparm_fields: 'sys_id,number,state,correlation_id' });
const config = basicConfig();

const sn = () => nock(INSTANCE, { reqheaders: { authorization: BASIC_HEADER } });
/** The search for the key (before a create, and the check after it) answering `records`. */
const find = (...records: Record<string, string>[]) =>
  sn().get('/api/now/table/incident').query(FIND_QUERY).reply(200, { result: records }, SN_HEADERS);
const op = (o: unknown): Operation => OperationSchema.parse(o);

const CREATE = op({
  op: 'create',
  fields: {
    short_description: 'CRAH-07 supply air temperature high (29.4 °C)',
    description: 'Alarm from BMS hall A: supply air 29.4 °C > 27 °C.',
    impact: 2,
    urgency: 1,
    category: 'facilities',
  },
  references: {
    cmdb_ci: { table: 'cmdb_ci', field: 'name', value: 'CRAH-07' },
    assignment_group: { table: 'sys_user_group', field: 'name', value: 'DC Facilities Hall A' },
  },
});

function lookup(table: string, value: string) {
  return sn()
    .get(`/api/now/table/${table}`)
    .query(listQuery({ sysparm_query: `name=${value}`, sysparm_fields: 'sys_id,name', sysparm_limit: '2' }));
}

function patch(body: Record<string, string | number>) {
  return sn().patch(`/api/now/table/incident/${SYS_ID}`, body).query(WRITE_QUERY);
}

describe('itsm/servicenow/deliver', () => {
  useNock();

  describe('create', () => {
    it('searches, resolves references, then creates with correlation_id and display', async () => {
      const scope = sn()
        .get('/api/now/table/incident')
        .query(FIND_QUERY)
        .reply(200, { result: [] }, SN_HEADERS);
      const ci = lookup('cmdb_ci', 'CRAH-07').reply(200, {
        result: [{ sys_id: CI_SYS_ID, name: 'CRAH-07' }],
      });
      const group = lookup('sys_user_group', 'DC Facilities Hall A').reply(200, {
        result: [{ sys_id: GROUP_SYS_ID, name: 'DC Facilities Hall A' }],
      });
      const post = sn()
        .post('/api/now/table/incident', {
          short_description: 'CRAH-07 supply air temperature high (29.4 °C)',
          description: 'Alarm from BMS hall A: supply air 29.4 °C > 27 °C.',
          impact: 2,
          urgency: 1,
          category: 'facilities',
          cmdb_ci: CI_SYS_ID,
          assignment_group: GROUP_SYS_ID,
          correlation_id: KEY,
          correlation_display: 'Closeloop',
        })
        .query(WRITE_QUERY)
        .reply(201, { result: incident() }, SN_HEADERS);
      const check = find(incident());
      const client = createServiceNowClient({ config });
      const r = await deliverOperation(client, {
        attempt: FIRST_ATTEMPT,
        key: KEY,
        link: null,
        op: CREATE,
        config,
      });
      expect(r).to.deep.equal({ ok: true, link: LINK });
      for (const s of [scope, ci, group, post, check]) s.done();
    });

    it('found by correlation_id (earlier attempt crashed after creating) → that link, no POST', async () => {
      const seen: ResponseObservation[] = [];
      const scope = sn()
        .get('/api/now/table/incident')
        .query(FIND_QUERY)
        .reply(200, { result: [incident({ number: 'INC0010099' })] }, SN_HEADERS);
      const client = createServiceNowClient({ config, onResponse: (o) => seen.push(o) });
      const r = await deliverOperation(client, {
        attempt: FIRST_ATTEMPT,
        key: KEY,
        link: null,
        op: CREATE,
        config,
      });
      scope.done();
      expect(r).to.deep.equal({ ok: true, link: { sysId: SYS_ID, number: 'INC0010099' } });
      expect(seen.map((o) => o.operation)).to.deep.equal(['find incident']);
    });

    it('two incidents share the key → the oldest is kept, the other detached and cancelled with a note', async () => {
      const older = incident({ sys_created_on: '2025-03-14 09:26:50' });
      const newer = incident({
        sys_id: SYS_ID_2,
        number: 'INC0010024',
        sys_created_on: '2025-03-14 09:26:51',
      });
      const search = find(newer, older);
      const close = sn()
        .patch(`/api/now/table/incident/${SYS_ID_2}`, {
          correlation_id: '',
          correlation_display: '',
          work_notes: duplicateNote(KEY, older as IncidentRecord),
          state: 8,
        })
        .query(WRITE_QUERY)
        .reply(200, { result: { ...newer, state: '8', correlation_id: '' } }, SN_HEADERS);
      const writes: string[] = [];
      const r = await deliverOperation(createServiceNowClient({ config }), {
        attempt: { doubt: null, beforeWrite: async () => void writes.push('write') },
        key: KEY,
        link: null,
        op: CREATE,
        config,
      });
      for (const s of [search, close]) s.done();
      expect(r).to.deep.equal({ ok: true, link: LINK });
      expect(writes, 'the repair is a write like any other').to.deep.equal(['write']);
      expect(duplicateNote(KEY, older as IncidentRecord)).to.equal(
        `Closeloop: duplicate of INC0010023, which tracks the same event (correlation_id "${KEY}"). Closed as a duplicate and detached from the event; follow INC0010023.`,
      );
    });

    it('a duplicate ServiceNow will not cancel (403) is still detached from the key, with the note', async () => {
      const newer = incident({
        sys_id: SYS_ID_2,
        number: 'INC0010024',
        sys_created_on: '2025-03-14 09:26:51',
      });
      const older = incident({ sys_created_on: '2025-03-14 09:26:50' });
      const note = duplicateNote(KEY, older as IncidentRecord);
      const search = find(older, newer);
      const refused = sn()
        .patch(`/api/now/table/incident/${SYS_ID_2}`, {
          correlation_id: '',
          correlation_display: '',
          work_notes: note,
          state: 8,
        })
        .query(WRITE_QUERY)
        .reply(403, snError('Operation Failed', 'Closure blocked by Closeloop'), SN_HEADERS);
      const detach = sn()
        .patch(`/api/now/table/incident/${SYS_ID_2}`, {
          correlation_id: '',
          correlation_display: '',
          work_notes: note,
        })
        .query(WRITE_QUERY)
        .reply(200, { result: { ...newer, correlation_id: '' } }, SN_HEADERS);
      const r = await deliverOperation(createServiceNowClient({ config }), {
        attempt: FIRST_ATTEMPT,
        key: KEY,
        link: null,
        op: CREATE,
        config,
      });
      for (const s of [search, refused, detach]) s.done();
      expect(r).to.deep.equal({ ok: true, link: LINK });
    });

    it('the check after a create finds an older incident that landed meanwhile → keeps it, cancels the new one', async () => {
      const late = incident({
        sys_id: SYS_ID_2,
        number: 'INC0010020',
        sys_created_on: '2025-03-14 09:26:50',
      });
      const mine = incident({ sys_created_on: '2025-03-14 09:26:52' });
      const search = find();
      const create = op({ op: 'create', fields: { short_description: 'x' } });
      const post = sn()
        .post('/api/now/table/incident')
        .query(WRITE_QUERY)
        .reply(201, { result: mine }, SN_HEADERS);
      const check = find(mine, late);
      const close = sn()
        .patch(`/api/now/table/incident/${SYS_ID}`, {
          correlation_id: '',
          correlation_display: '',
          work_notes: duplicateNote(KEY, late as IncidentRecord),
          state: 8,
        })
        .query(WRITE_QUERY)
        .reply(200, { result: { ...mine, state: '8' } }, SN_HEADERS);
      const r = await deliverOperation(createServiceNowClient({ config }), {
        attempt: FIRST_ATTEMPT,
        key: KEY,
        link: null,
        op: create,
        config,
      });
      for (const s of [search, post, check, close]) s.done();
      expect(r).to.deep.equal({ ok: true, link: { sysId: SYS_ID_2, number: 'INC0010020' } });
    });

    it('a failing check after the create does not fail the create', async () => {
      const search = find();
      const post = sn()
        .post('/api/now/table/incident')
        .query(WRITE_QUERY)
        .reply(201, { result: incident() }, SN_HEADERS);
      const check = sn().get('/api/now/table/incident').query(FIND_QUERY).reply(503, snError('Busy'));
      const r = await deliverOperation(createServiceNowClient({ config }), {
        attempt: FIRST_ATTEMPT,
        key: KEY,
        link: null,
        op: op({ op: 'create', fields: { short_description: 'x' } }),
        config,
      });
      for (const s of [search, post, check]) s.done();
      expect(r).to.deep.equal({ ok: true, link: LINK });
    });

    it('an invalid key is refused without any request', async () => {
      const seen: ResponseObservation[] = [];
      const client = createServiceNowClient({ config, onResponse: (o) => seen.push(o) });
      for (const key of ['', 'x'.repeat(101), 'a^b']) {
        const r = await deliverOperation(client, {
          attempt: FIRST_ATTEMPT,
          key,
          link: null,
          op: CREATE,
          config,
        });
        expect(r).to.include({ ok: false, retryable: false });
        if (!r.ok) expect(r.error).to.match(/^refusing to create an incident: correlation_id/);
      }
      expect(seen).to.deep.equal([]);
    });

    it('a failed lookup leaves the field empty and says so in the description; the incident is created', async () => {
      const search = find();
      const ci = lookup('cmdb_ci', 'CRAH-07').reply(200, { result: [] });
      const group = lookup('sys_user_group', 'DC Facilities Hall A').reply(
        403,
        snError('Operation Failed', 'ACL'),
      );
      const post = sn()
        .post('/api/now/table/incident', {
          short_description: 'CRAH-07 supply air temperature high (29.4 °C)',
          description:
            'Alarm from BMS hall A: supply air 29.4 °C > 27 °C.\n\n' +
            'Closeloop could not find cmdb_ci where name = CRAH-07\n' +
            'Closeloop could not find sys_user_group where name = DC Facilities Hall A',
          impact: 2,
          urgency: 1,
          category: 'facilities',
          correlation_id: KEY,
          correlation_display: 'Closeloop',
        })
        .query(WRITE_QUERY)
        .reply(201, { result: incident() });
      const check = find(incident());
      const r = await deliverOperation(createServiceNowClient({ config }), {
        attempt: FIRST_ATTEMPT,
        key: KEY,
        link: null,
        op: CREATE,
        config,
      });
      expect(r).to.deep.equal({ ok: true, link: LINK });
      for (const s of [search, ci, group, post, check]) s.done();
    });

    it('a reference value that cannot be queried safely is treated as not found', async () => {
      const search = find();
      const post = sn()
        .post('/api/now/table/incident', {
          short_description: 'Leak',
          description: 'Closeloop could not find cmdb_ci where name = rack^12',
          correlation_id: KEY,
          correlation_display: 'Closeloop',
        })
        .query(WRITE_QUERY)
        .reply(201, { result: incident() });
      const check = find(incident());
      const create = op({
        op: 'create',
        fields: { short_description: 'Leak' },
        references: { cmdb_ci: { table: 'cmdb_ci', field: 'name', value: 'rack^12' } },
      });
      const r = await deliverOperation(createServiceNowClient({ config }), {
        attempt: FIRST_ATTEMPT,
        key: KEY,
        link: null,
        op: create,
        config,
      });
      expect(r).to.deep.equal({ ok: true, link: LINK });
      for (const s of [search, post, check]) s.done();
    });

    it('a lookup that fails for a transient reason postpones the create (retryable)', async () => {
      const search = find();
      const ci = lookup('cmdb_ci', 'CRAH-07').reply(503, snError('Service Unavailable'), {
        'Retry-After': '5',
      });
      const r = await deliverOperation(createServiceNowClient({ config }), {
        attempt: FIRST_ATTEMPT,
        key: KEY,
        link: null,
        op: CREATE,
        config,
      });
      search.done();
      ci.done();
      expect(r).to.deep.equal({
        ok: false,
        retryable: true,
        retryAfterMs: 5000,
        status: 503,
        error: 'ServiceNow lookup cmdb_ci: HTTP 503: Service Unavailable',
      });
    });

    it("a 400 on create → dead letter with ServiceNow's message", async () => {
      const search = find();
      const post = sn()
        .post('/api/now/table/incident')
        .query(WRITE_QUERY)
        .reply(400, snError('Exception while reading request', 'The payload is not valid JSON.'), SN_HEADERS);
      const create = op({ op: 'create', fields: { short_description: 'x' } });
      const r = await deliverOperation(createServiceNowClient({ config }), {
        attempt: FIRST_ATTEMPT,
        key: KEY,
        link: null,
        op: create,
        config,
      });
      search.done();
      post.done();
      expect(r).to.deep.equal({
        ok: false,
        retryable: false,
        status: 400,
        error:
          'ServiceNow create incident: HTTP 400: Exception while reading request (The payload is not valid JSON.)',
      });
    });
  });

  describe('operations on an existing incident', () => {
    const cases: [string, Operation, Record<string, string | number>][] = [
      ['note → work_notes', op({ op: 'note', text: 'CRAH-08 joined' }), { work_notes: 'CRAH-08 joined' }],
      [
        'update → fields + work_notes',
        op({ op: 'update', fields: { impact: 1, urgency: 1 }, note: 'Severity raised to critical' }),
        { impact: 1, urgency: 1, work_notes: 'Severity raised to critical' },
      ],
      ['update without note', op({ op: 'update', fields: { impact: 1 } }), { impact: 1 }],
      [
        'resolve → resolved state, close code and notes',
        op({ op: 'resolve', note: 'All 3 alarms cleared' }),
        {
          state: 6,
          close_code: 'Solved (Permanently)',
          close_notes: 'Resolved by Closeloop: all alarms cleared and telemetry back in range.',
          work_notes: 'All 3 alarms cleared',
        },
      ],
      [
        'reopen → reopen state + work note',
        op({ op: 'reopen', note: 'Alarm returned within the reopen window' }),
        { state: 2, work_notes: 'Alarm returned within the reopen window' },
      ],
    ];
    for (const [name, operation, body] of cases) {
      it(name, async () => {
        const scope = patch(body).reply(200, { result: incident({ state: '2' }) }, SN_HEADERS);
        const r = await deliverOperation(createServiceNowClient({ config }), {
          attempt: FIRST_ATTEMPT,
          key: KEY,
          link: LINK,
          op: operation,
          config,
        });
        scope.done();
        expect(r).to.deep.equal({ ok: true, link: LINK });
      });
    }

    it('uses the configured resolve states and close code', async () => {
      const custom = basicConfig({
        resolve: {
          close_code: 'Resolved by monitoring',
          close_notes: 'auto',
          resolved_state: 106,
          reopen_state: 102,
        },
      });
      const scope = patch({ state: 106, close_code: 'Resolved by monitoring', close_notes: 'auto' })
        .reply(200, { result: incident() })
        .patch(`/api/now/table/incident/${SYS_ID}`, { state: 102, work_notes: 'back' })
        .query(WRITE_QUERY)
        .reply(200, { result: incident() });
      const client = createServiceNowClient({ config: custom });
      expect(
        await deliverOperation(client, {
          attempt: FIRST_ATTEMPT,
          key: KEY,
          link: LINK,
          op: op({ op: 'resolve' }),
          config: custom,
        }),
      ).to.include({ ok: true });
      expect(
        await deliverOperation(client, {
          attempt: FIRST_ATTEMPT,
          key: KEY,
          link: LINK,
          op: op({ op: 'reopen', note: 'back' }),
          config: custom,
        }),
      ).to.include({ ok: true });
      scope.done();
    });

    it('verdict → upsert into the verdict table, then the optional work note', async () => {
      const checks = [
        {
          name: 'supply air',
          status: 'fail' as const,
          observed: '28.9 °C',
          expected: '18–27 °C',
          window: '10 min',
          samples: 41,
          message: 'CRAH-2 supply air 28.9 °C > 27 °C at 09:26',
        },
      ];
      const scope = sn()
        .get('/api/now/table/x_closeloop_verdict')
        .query(
          listQuery({
            sysparm_query: `correlation_id=${KEY}`,
            sysparm_fields: 'sys_id,correlation_id',
            sysparm_limit: '2',
          }),
        )
        .reply(200, { result: [] })
        .post('/api/now/table/x_closeloop_verdict', {
          verdict: 'fail',
          checks: JSON.stringify(checks),
          evaluated_at: '2025-03-14T09:26:53.000Z',
          correlation_id: KEY,
        })
        .query(listQuery({ sysparm_fields: 'sys_id' }))
        .reply(201, { result: { sys_id: SYS_ID_2 } });
      const note = patch({ work_notes: 'Telemetry still out of range' }).reply(200, { result: incident() });
      const verdict = op({
        op: 'verdict',
        verdict: 'fail',
        checks,
        evaluatedAt: '2025-03-14T09:26:53.000Z',
        note: 'Telemetry still out of range',
      });
      const r = await deliverOperation(createServiceNowClient({ config }), {
        attempt: FIRST_ATTEMPT,
        key: KEY,
        link: LINK,
        op: verdict,
        config,
      });
      scope.done();
      note.done();
      expect(r).to.deep.equal({ ok: true, link: LINK });
    });

    it('without a link yet (create not delivered) → retryable, no request', async () => {
      const seen: ResponseObservation[] = [];
      const client = createServiceNowClient({ config, onResponse: (o) => seen.push(o) });
      const r = await deliverOperation(client, {
        attempt: FIRST_ATTEMPT,
        key: KEY,
        link: null,
        op: op({ op: 'note', text: 'x' }),
        config,
      });
      expect(r).to.deep.equal({
        ok: false,
        retryable: true,
        error: `no incident recorded yet for "${KEY}": note waits for the create`,
      });
      expect(seen).to.deep.equal([]);
    });

    it('404 on update (incident deleted) → non-retryable with a clear message', async () => {
      const scope = patch({ work_notes: 'x' }).reply(
        404,
        snError('No Record found', "Record doesn't exist or ACL restricts the record retrieval"),
        SN_HEADERS,
      );
      const r = await deliverOperation(createServiceNowClient({ config }), {
        attempt: FIRST_ATTEMPT,
        key: KEY,
        link: LINK,
        op: op({ op: 'note', text: 'x' }),
        config,
      });
      scope.done();
      expect(r).to.deep.equal({
        ok: false,
        retryable: false,
        status: 404,
        error:
          `ServiceNow incident INC0010023 (${SYS_ID}) no longer exists (deleted in ServiceNow?); note for "${KEY}" not delivered: ` +
          "ServiceNow update incident: HTTP 404: No Record found (Record doesn't exist or ACL restricts the record retrieval)",
      });
    });

    it('resolve of an already closed incident (403) counts as delivered', async () => {
      const scope = patch({
        state: 6,
        close_code: 'Solved (Permanently)',
        close_notes: 'Resolved by Closeloop: all alarms cleared and telemetry back in range.',
      })
        .reply(403, snError('Operation Failed', 'Error while running Client Script'))
        .get(`/api/now/table/incident/${SYS_ID}`)
        .query(listQuery({}))
        .reply(200, { result: incident({ state: '7' }) });
      const r = await deliverOperation(createServiceNowClient({ config }), {
        attempt: FIRST_ATTEMPT,
        key: KEY,
        link: LINK,
        op: op({ op: 'resolve' }),
        config,
      });
      scope.done();
      expect(r).to.deep.equal({ ok: true, link: LINK });
    });

    it('resolve refused by the closure guard (403 on an open incident) → dead letter with the reason', async () => {
      const guard = 'Closeloop: resolution blocked, supply air 28.9 °C outside 18..27 °C';
      const scope = patch({
        state: 6,
        close_code: 'Solved (Permanently)',
        close_notes: 'Resolved by Closeloop: all alarms cleared and telemetry back in range.',
      })
        .reply(403, snError('Operation Failed', guard))
        .get(`/api/now/table/incident/${SYS_ID}`)
        .query(listQuery({}))
        .reply(200, { result: incident({ state: '2' }) });
      const r = await deliverOperation(createServiceNowClient({ config }), {
        attempt: FIRST_ATTEMPT,
        key: KEY,
        link: LINK,
        op: op({ op: 'resolve' }),
        config,
      });
      scope.done();
      expect(r).to.deep.equal({
        ok: false,
        retryable: false,
        status: 403,
        error: `ServiceNow update incident: HTTP 403: Operation Failed (${guard})`,
      });
    });
  });

  it('verdict checks are cut to whole checks that fit the 8000-char column, so they stay valid JSON', () => {
    const checks = Array.from({ length: 100 }, (_, i) => ({ name: `check ${i}`, message: 'x'.repeat(100) }));
    const json = checksJson(checks);
    expect(json.length).to.be.at.most(VERDICT_CHECKS_MAX_CHARS);
    const parsed = JSON.parse(json) as unknown[];
    expect(parsed.length).to.be.within(60, 99);
    expect(parsed).to.deep.equal(checks.slice(0, parsed.length));
    expect(checksJson([{ a: 1 }])).to.equal('[{"a":1}]');
    expect(checksJson([{ a: 'x'.repeat(50) }], 10)).to.equal('[]');
  });

  it('an unexpected (non-ServiceNow) error becomes a non-retryable result', () => {
    expect(toDeliveryResult(new TypeError('boom'))).to.deep.equal({
      ok: false,
      retryable: false,
      error: 'unexpected error while delivering to ServiceNow: boom',
    });
  });
});
