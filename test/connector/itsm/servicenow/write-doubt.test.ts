// Writes whose outcome is unknown: what each failure says about the write (may it still land? may it
// have been applied?), the hook that runs before every write and only before writes, and what a
// delivery does when an earlier attempt left a write in doubt (look first, do not write twice).
import { expect } from 'chai';
import { createServer, type Server } from 'node:net';
import nock from 'nock';
import { createServiceNowClient } from '../../../../connector/src/itsm/servicenow/client.js';
import { deliverOperation } from '../../../../connector/src/itsm/servicenow/deliver.js';
import type { ServiceNowError } from '../../../../connector/src/itsm/servicenow/errors.js';
import type { DeliveryAttempt, Operation } from '../../../../connector/src/outbox/operations.js';
import { OperationSchema } from '../../../../connector/src/outbox/operations.js';
import {
  FIRST_ATTEMPT,
  INSTANCE,
  SN_HEADERS,
  SYS_ID,
  basicConfig,
  incident,
  listQuery,
  snError,
  useNock,
} from './helpers.js';

const KEY = 'dc1/hall-a/crah-07/supply-temp-high';
const LINK = { sysId: SYS_ID, number: 'INC0010023' };
const WRITE_QUERY = listQuery({ sysparm_fields: 'sys_id,number,state,correlation_id' });
const JOURNAL_QUERY = listQuery({
  sysparm_query: `name=incident^element_id=${SYS_ID}^element=work_notes^ORDERBYDESCsys_created_on`,
  sysparm_fields: 'element_id,value,sys_created_on',
  sysparm_limit: '50',
});
const SENT_AT = new Date('2025-03-14T09:26:53Z');
const config = basicConfig();
const op = (o: unknown): Operation => OperationSchema.parse(o);
const NOTE = op({ op: 'note', text: 'CRAH-08 supply air 28.1 °C joined this event' });

async function rejection(p: Promise<unknown>): Promise<ServiceNowError> {
  try {
    await p;
  } catch (e) {
    return e as ServiceNowError;
  }
  throw new Error('expected a rejection');
}

/** An attempt following one whose write got no answer at SENT_AT; records each write it lets out. */
function inDoubt(writes: string[] = []): DeliveryAttempt {
  return { doubt: { sentAt: SENT_AT }, beforeWrite: async () => void writes.push('write') };
}

const journal = (...entries: { value: string; at: string }[]) =>
  nock(INSTANCE)
    .get('/api/now/table/sys_journal_field')
    .query(JOURNAL_QUERY)
    .reply(
      200,
      { result: entries.map((e) => ({ element_id: SYS_ID, value: e.value, sys_created_on: e.at })) },
      SN_HEADERS,
    );

describe('itsm/servicenow: writes in doubt', () => {
  useNock();

  describe('what a failed write leaves in doubt', () => {
    const post = () => nock(INSTANCE).post('/api/now/table/incident').query(WRITE_QUERY);
    const create = (timeout?: number) =>
      createServiceNowClient({ config: basicConfig(timeout ? { timeout } : {}) }).createIncident({
        short_description: 'x',
      });

    it('no answer (timeout) → may still land', async () => {
      const scope = post().delay(300).reply(201, { result: incident() });
      const e = await rejection(create(0.05));
      scope.done();
      expect(e).to.include({ kind: 'network', retryable: true, doubt: 'pending' });
    });

    it('a 502/503/504 page from the load balancer → may still land (the instance may still be working)', async () => {
      for (const status of [502, 503, 504]) {
        const scope = post().reply(status, '<html><body>Gateway</body></html>', {
          'Content-Type': 'text/html',
        });
        const e = await rejection(create());
        scope.done();
        expect(e, String(status)).to.include({ status, retryable: true, doubt: 'pending' });
      }
    });

    it("the instance's own 500 → over, but may have been applied (look before writing again)", async () => {
      const scope = post().reply(500, snError('Internal Server Error'), SN_HEADERS);
      expect(await rejection(create())).to.include({ status: 500, doubt: 'visible' });
      scope.done();
    });

    it('a transaction cancelled by a quota rule (200 + error envelope) → retryable, may have been applied', async () => {
      const scope = post().reply(
        200,
        snError(
          'Transaction cancelled: maximum execution time exceeded',
          'Transaction cancelled: maximum execution time exceeded Check logs for error trace or enable glide.rest.debug property to verify REST request processing',
        ),
        SN_HEADERS,
      );
      const e = await rejection(create());
      scope.done();
      expect(e).to.include({ kind: 'http', status: 200, retryable: true, doubt: 'visible' });
      expect(e.message).to.match(
        /^ServiceNow create incident: HTTP 200: Transaction cancelled: maximum execution time exceeded/,
      );
    });

    it('4xx (429 included) → refused, nothing applied', async () => {
      for (const [status, body] of [
        [400, snError('Exception while reading request')],
        [403, snError('Operation Failed', 'Data Policy Exception')],
        [429, snError('Rate limit exceeded')],
      ] as const) {
        const scope = post().reply(status, body, SN_HEADERS);
        const e = await rejection(create());
        scope.done();
        expect(e.doubt, String(status)).to.equal(undefined);
      }
    });

    it('a refused connection → nothing left, nothing in doubt', async () => {
      const server: Server = createServer();
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const { port } = server.address() as { port: number };
      await new Promise<void>((r) => server.close(() => r()));
      nock.enableNetConnect('127.0.0.1');
      try {
        const client = createServiceNowClient({
          config: basicConfig({ instance_url: `http://127.0.0.1:${port}` }),
        });
        const e = await rejection(client.createIncident({ short_description: 'x' }));
        expect(e).to.include({ kind: 'network', retryable: true, doubt: undefined });
      } finally {
        nock.disableNetConnect();
      }
    });

    it('a read that gets no answer leaves no write in doubt', async () => {
      const scope = nock(INSTANCE)
        .get(`/api/now/table/incident/${SYS_ID}`)
        .query(listQuery({}))
        .delay(300)
        .reply(200, { result: incident() });
      const client = createServiceNowClient({ config: basicConfig({ timeout: 0.05 }) });
      const e = await rejection(client.getIncident(SYS_ID));
      scope.done();
      expect(e).to.include({ kind: 'network', doubt: undefined });
    });
  });

  describe('the hook before each write', () => {
    it('runs immediately before every write and never before a read; a throw stops the write', async () => {
      const order: string[] = [];
      const scope = nock(INSTANCE)
        .get(`/api/now/table/incident/${SYS_ID}`)
        .query(listQuery({}))
        .reply(200, () => {
          order.push('GET');
          return { result: incident() };
        })
        .patch(`/api/now/table/incident/${SYS_ID}`)
        .query(WRITE_QUERY)
        .reply(200, () => {
          order.push('PATCH');
          return { result: incident() };
        });
      const client = createServiceNowClient({ config });
      await client.getIncident(SYS_ID);
      await client.updateIncident(SYS_ID, { impact: 1 }, { beforeSend: async () => void order.push('hook') });
      scope.done();
      expect(order).to.deep.equal(['GET', 'hook', 'PATCH']);

      const e = await rejection(
        client.updateIncident(
          SYS_ID,
          { impact: 2 },
          {
            beforeSend: async () => {
              throw new Error('the claim on delivery 7 was taken over by another worker');
            },
          },
        ),
      );
      // No interceptor is left: had the PATCH gone out, nock would have answered "no match".
      expect(e).to.include({ kind: 'not_sent', retryable: true, doubt: undefined });
      expect(e.message).to.equal(
        'ServiceNow update incident: not sent: the claim on delivery 7 was taken over by another worker',
      );
    });

    it('a delivery lets out every write through the attempt, and only writes', async () => {
      const writes: string[] = [];
      const scope = nock(INSTANCE)
        .patch(`/api/now/table/incident/${SYS_ID}`, { work_notes: 'hello' })
        .query(WRITE_QUERY)
        .reply(200, { result: incident() }, SN_HEADERS);
      const r = await deliverOperation(createServiceNowClient({ config }), {
        key: KEY,
        link: LINK,
        op: op({ op: 'note', text: 'hello' }),
        config,
        attempt: { doubt: null, beforeWrite: async () => void writes.push('write') },
      });
      scope.done();
      expect(r).to.deep.equal({ ok: true, link: LINK });
      expect(writes).to.deep.equal(['write']);
    });
  });

  describe('an earlier attempt left a work note in doubt', () => {
    it('the note is in the journal (written after it was sent) → not written again', async () => {
      const scope = journal(
        { value: 'an older, other note', at: '2025-03-14 09:20:00' },
        { value: NOTE.op === 'note' ? NOTE.text : '', at: '2025-03-14 09:26:54' },
      );
      const writes: string[] = [];
      const r = await deliverOperation(createServiceNowClient({ config }), {
        key: KEY,
        link: LINK,
        op: NOTE,
        config,
        attempt: inDoubt(writes),
      });
      scope.done();
      expect(r).to.deep.equal({ ok: true, link: LINK });
      expect(writes).to.deep.equal([]);
    });

    it('the same text written long before the attempt does not count → written', async () => {
      const text = NOTE.op === 'note' ? NOTE.text : '';
      const scope = journal({ value: text, at: '2025-03-14 09:10:00' });
      const patch = nock(INSTANCE)
        .patch(`/api/now/table/incident/${SYS_ID}`, { work_notes: text })
        .query(WRITE_QUERY)
        .reply(200, { result: incident() }, SN_HEADERS);
      const r = await deliverOperation(createServiceNowClient({ config }), {
        key: KEY,
        link: LINK,
        op: NOTE,
        config,
        attempt: inDoubt(),
      });
      scope.done();
      patch.done();
      expect(r).to.deep.equal({ ok: true, link: LINK });
    });

    it('a reopen whose note landed is done (the update is applied whole); one whose note did not is sent', async () => {
      const reopen = op({ op: 'reopen', note: 'Alarm returned within the reopen window' });
      let scope = journal({ value: 'Alarm returned within the reopen window', at: '2025-03-14 09:27:01' });
      let r = await deliverOperation(createServiceNowClient({ config }), {
        key: KEY,
        link: LINK,
        op: reopen,
        config,
        attempt: inDoubt(),
      });
      scope.done();
      expect(r).to.deep.equal({ ok: true, link: LINK });

      scope = journal();
      const patch = nock(INSTANCE)
        .patch(`/api/now/table/incident/${SYS_ID}`, {
          state: 2,
          work_notes: 'Alarm returned within the reopen window',
        })
        .query(WRITE_QUERY)
        .reply(200, { result: incident({ state: '2' }) }, SN_HEADERS);
      r = await deliverOperation(createServiceNowClient({ config }), {
        key: KEY,
        link: LINK,
        op: reopen,
        config,
        attempt: inDoubt(),
      });
      scope.done();
      patch.done();
      expect(r).to.deep.equal({ ok: true, link: LINK });
    });

    it('a resolve whose note landed is not sent again; a verdict in doubt writes its row again but not its note', async () => {
      let scope = journal({ value: 'All 3 alarms cleared', at: '2025-03-14 09:26:55' });
      let r = await deliverOperation(createServiceNowClient({ config }), {
        key: KEY,
        link: LINK,
        op: op({ op: 'resolve', note: 'All 3 alarms cleared' }),
        config,
        attempt: inDoubt(),
      });
      scope.done();
      expect(r).to.deep.equal({ ok: true, link: LINK });

      const ROW = '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e';
      const data = {
        verdict: 'pass',
        checks: '[]',
        evaluated_at: '2025-03-14T09:26:53Z',
        correlation_id: KEY,
      };
      scope = nock(INSTANCE)
        .get('/api/now/table/x_closeloop_verdict')
        .query(
          listQuery({
            sysparm_query: `correlation_id=${KEY}`,
            sysparm_fields: 'sys_id,correlation_id',
            sysparm_limit: '2',
          }),
        )
        .reply(200, { result: [{ sys_id: ROW, correlation_id: KEY }] }, SN_HEADERS)
        .patch(`/api/now/table/x_closeloop_verdict/${ROW}`, data)
        .query(listQuery({ sysparm_fields: 'sys_id' }))
        .reply(200, { result: { sys_id: ROW } }, SN_HEADERS);
      const notes = journal({ value: 'Telemetry back in range', at: '2025-03-14 09:26:56' });
      const writes: string[] = [];
      r = await deliverOperation(createServiceNowClient({ config }), {
        key: KEY,
        link: LINK,
        op: op({
          op: 'verdict',
          verdict: 'pass',
          checks: [],
          evaluatedAt: '2025-03-14T09:26:53Z',
          note: 'Telemetry back in range',
        }),
        config,
        attempt: inDoubt(writes),
      });
      scope.done();
      notes.done();
      expect(r).to.deep.equal({ ok: true, link: LINK });
      expect(writes, 'the row update only').to.deep.equal(['write']);
    });

    it('the journal cannot be read (403) → the note is written (at least once)', async () => {
      const text = NOTE.op === 'note' ? NOTE.text : '';
      const scope = nock(INSTANCE)
        .get('/api/now/table/sys_journal_field')
        .query(JOURNAL_QUERY)
        .reply(403, snError('User Not Authorized'), SN_HEADERS)
        .patch(`/api/now/table/incident/${SYS_ID}`, { work_notes: text })
        .query(WRITE_QUERY)
        .reply(200, { result: incident() }, SN_HEADERS);
      const r = await deliverOperation(createServiceNowClient({ config }), {
        key: KEY,
        link: LINK,
        op: NOTE,
        config,
        attempt: inDoubt(),
      });
      scope.done();
      expect(r).to.deep.equal({ ok: true, link: LINK });
    });

    it('nothing in doubt → no journal read at all', async () => {
      const text = NOTE.op === 'note' ? NOTE.text : '';
      const scope = nock(INSTANCE)
        .patch(`/api/now/table/incident/${SYS_ID}`, { work_notes: text })
        .query(WRITE_QUERY)
        .reply(200, { result: incident() }, SN_HEADERS);
      const r = await deliverOperation(createServiceNowClient({ config }), {
        key: KEY,
        link: LINK,
        op: NOTE,
        config,
        attempt: FIRST_ATTEMPT,
      });
      scope.done();
      expect(r).to.deep.equal({ ok: true, link: LINK });
    });
  });

  describe('the verdict upsert', () => {
    const VERDICT_FIND = listQuery({
      sysparm_query: `correlation_id=${KEY}`,
      sysparm_fields: 'sys_id,correlation_id',
      sysparm_limit: '2',
    });
    const ROW = '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e';

    it('an insert refused by the unique index (another landed first) updates that row instead', async () => {
      const data = {
        verdict: 'pass',
        checks: '[]',
        evaluated_at: '2025-03-14T09:26:53Z',
        correlation_id: KEY,
      };
      const scope = nock(INSTANCE)
        .get('/api/now/table/x_closeloop_verdict')
        .query(VERDICT_FIND)
        .reply(200, { result: [] }, SN_HEADERS)
        .post('/api/now/table/x_closeloop_verdict', data)
        .query(listQuery({ sysparm_fields: 'sys_id' }))
        .reply(
          403,
          snError(
            'Operation Failed',
            "Error during insert of x_closeloop_verdict (Unique Key violation detected by database (Duplicate entry 'k' for key 'x_closeloop_verdict_correlation'))",
          ),
          SN_HEADERS,
        )
        .get('/api/now/table/x_closeloop_verdict')
        .query(VERDICT_FIND)
        .reply(200, { result: [{ sys_id: ROW, correlation_id: KEY }] }, SN_HEADERS)
        .patch(`/api/now/table/x_closeloop_verdict/${ROW}`, data)
        .query(listQuery({ sysparm_fields: 'sys_id' }))
        .reply(200, { result: { sys_id: ROW } }, SN_HEADERS);
      const client = createServiceNowClient({ config });
      expect(
        await client.upsertVerdict(KEY, {
          verdict: 'pass',
          checks: '[]',
          evaluated_at: '2025-03-14T09:26:53Z',
        }),
      ).to.deep.equal({ sysId: ROW, created: false });
      scope.done();
    });
  });
});
