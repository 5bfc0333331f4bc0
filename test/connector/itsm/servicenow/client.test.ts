import { expect } from 'chai';
import nock from 'nock';
import { createServiceNowClient } from '../../../../connector/src/itsm/servicenow/client.js';
import type { ServiceNowError } from '../../../../connector/src/itsm/servicenow/errors.js';
import type { ResponseObservation } from '../../../../connector/src/itsm/servicenow/hooks.js';
import {
  BASIC_HEADER,
  CI_SYS_ID,
  INSTANCE,
  SN_HEADERS,
  SYS_ID,
  SYS_ID_2,
  basicConfig,
  fakeClock,
  incident,
  listQuery,
  snError,
  useNock,
} from './helpers.js';

const KEY = 'dc1/hall-a/crah-07/supply-temp-high';
const FIND_QUERY = listQuery({
  sysparm_query: `correlation_id=${KEY}^ORDERBYsys_created_on^ORDERBYnumber`,
  sysparm_fields: 'sys_id,number,state,correlation_id,sys_created_on',
  sysparm_limit: '20',
});
const WRITE_QUERY = listQuery({ sysparm_fields: 'sys_id,number,state,correlation_id' });

const sn = () => nock(INSTANCE, { reqheaders: { authorization: BASIC_HEADER, accept: 'application/json' } });

async function rejection(p: Promise<unknown>): Promise<ServiceNowError> {
  try {
    await p;
  } catch (e) {
    return e as ServiceNowError;
  }
  throw new Error('expected a rejection');
}

describe('itsm/servicenow/client', () => {
  useNock();

  it('refuses to be built without an instance URL', () => {
    expect(() => createServiceNowClient({ config: basicConfig({ instance_url: undefined }) })).to.throw(
      /instance_url is not set/,
    );
  });

  describe('findIncidentsByCorrelationId', () => {
    it('queries an exact correlation_id match, oldest first, with its creation time', async () => {
      const scope = sn()
        .get('/api/now/table/incident')
        .query(FIND_QUERY)
        .reply(200, { result: [incident()] }, { ...SN_HEADERS, 'X-Total-Count': '1' });
      const found = await createServiceNowClient({ config: basicConfig() }).findIncidentsByCorrelationId(KEY);
      scope.done();
      expect(found).to.deep.equal([incident()]);
    });

    it('returns nothing when nothing matches', async () => {
      const scope = sn()
        .get('/api/now/table/incident')
        .query(FIND_QUERY)
        .reply(200, { result: [] }, SN_HEADERS);
      expect(
        await createServiceNowClient({ config: basicConfig() }).findIncidentsByCorrelationId(KEY),
      ).to.deep.equal([]);
      scope.done();
    });

    it('several matches → all of them, oldest first by sys_created_on, then number', async () => {
      const newer = incident({
        sys_id: SYS_ID_2,
        number: 'INC0010024',
        sys_created_on: '2025-03-14 09:27:10',
      });
      const older = incident({ number: 'INC0010025', sys_created_on: '2025-03-14 09:27:02' });
      const scope = sn()
        .get('/api/now/table/incident')
        .query(FIND_QUERY)
        .reply(200, { result: [newer, older] }, SN_HEADERS);
      const found = await createServiceNowClient({ config: basicConfig() }).findIncidentsByCorrelationId(KEY);
      scope.done();
      expect(found.map((r) => r.number)).to.deep.equal(['INC0010025', 'INC0010024']);
    });

    it('a row whose correlation_id differs (condition ignored by the instance) is refused', async () => {
      const scope = sn()
        .get('/api/now/table/incident')
        .query(FIND_QUERY)
        .reply(200, { result: [incident({ correlation_id: 'something-else' })] }, SN_HEADERS);
      const e = await rejection(
        createServiceNowClient({ config: basicConfig() }).findIncidentsByCorrelationId(KEY),
      );
      scope.done();
      expect(e).to.include({ kind: 'ambiguous', retryable: false });
      expect(e.message).to.match(/has correlation_id "something-else"/);
    });

    for (const bad of ['', ' ', 'k'.repeat(101), 'a^ORactive=true', 'line\nbreak']) {
      it(`refuses key ${JSON.stringify(bad.slice(0, 20))} without any request`, async () => {
        const seen: ResponseObservation[] = [];
        // No interceptor and no network: any request would surface as a network error instead.
        const client = createServiceNowClient({ config: basicConfig(), onResponse: (o) => seen.push(o) });
        const e = await rejection(client.findIncidentsByCorrelationId(bad));
        expect(e).to.include({ kind: 'invalid_input', retryable: false });
        expect(seen).to.deep.equal([]);
      });
    }
  });

  it('createIncident POSTs the fields as JSON and returns the record (201)', async () => {
    const fields = {
      short_description: 'CRAH-07 supply air 29.4 °C',
      impact: 2,
      urgency: 1,
      correlation_id: KEY,
    };
    const scope = sn()
      .matchHeader('content-type', 'application/json')
      .post('/api/now/table/incident', fields)
      .query(WRITE_QUERY)
      .reply(
        201,
        { result: incident() },
        { ...SN_HEADERS, Location: `${INSTANCE}/api/now/table/incident/${SYS_ID}` },
      );
    const created = await createServiceNowClient({ config: basicConfig() }).createIncident(fields);
    scope.done();
    expect(created).to.include({ sys_id: SYS_ID, number: 'INC0010023' });
  });

  it('updateIncident PATCHes /incident/<sys_id>', async () => {
    const scope = sn()
      .patch(`/api/now/table/incident/${SYS_ID}`, { work_notes: 'CRAH-08 joined' })
      .query(WRITE_QUERY)
      .reply(200, { result: incident({ state: '2' }) }, SN_HEADERS);
    const r = await createServiceNowClient({ config: basicConfig() }).updateIncident(SYS_ID, {
      work_notes: 'CRAH-08 joined',
    });
    scope.done();
    expect(r.state).to.equal('2');
  });

  it('uses the configured incident table', async () => {
    const scope = sn()
      .get(`/api/now/table/u_dc_incident/${SYS_ID}`)
      .query(listQuery({}))
      .reply(200, { result: incident({ caller_id: '' }) }, SN_HEADERS);
    const r = await createServiceNowClient({
      config: basicConfig({ incident_table: 'u_dc_incident' }),
    }).getIncident(SYS_ID);
    scope.done();
    expect(r.caller_id).to.equal('');
  });

  it("getIncident of a deleted record → 404, non-retryable, with ServiceNow's message", async () => {
    const scope = sn()
      .get(`/api/now/table/incident/${SYS_ID}`)
      .query(listQuery({}))
      .reply(
        404,
        snError('No Record found', "Record doesn't exist or ACL restricts the record retrieval"),
        SN_HEADERS,
      );
    const e = await rejection(createServiceNowClient({ config: basicConfig() }).getIncident(SYS_ID));
    scope.done();
    expect(e).to.include({ status: 404, retryable: false, operation: 'get incident' });
    expect(e.message).to.equal(
      "ServiceNow get incident: HTTP 404: No Record found (Record doesn't exist or ACL restricts the record retrieval)",
    );
  });

  it('refuses a sys_id that is not one, without a request', async () => {
    const e = await rejection(
      createServiceNowClient({ config: basicConfig() }).updateIncident('INC0010023', {}),
    );
    expect(e.kind).to.equal('invalid_input');
  });

  describe('lookupSysId', () => {
    const ciQuery = listQuery({
      sysparm_query: 'name=CRAH-07',
      sysparm_fields: 'sys_id,name',
      sysparm_limit: '2',
    });

    it('returns the one matching sys_id and caches it for lookup_cache_ttl', async () => {
      const clock = fakeClock();
      const scope = sn()
        .get('/api/now/table/cmdb_ci')
        .query(ciQuery)
        .times(2)
        .reply(200, { result: [{ sys_id: CI_SYS_ID, name: 'CRAH-07' }] }, SN_HEADERS);
      const client = createServiceNowClient({
        config: basicConfig({ lookup_cache_ttl: '10m' }),
        now: clock.now,
      });
      expect(await client.lookupSysId('cmdb_ci', 'name', 'CRAH-07')).to.equal(CI_SYS_ID);
      clock.advance(599_999);
      expect(await client.lookupSysId('cmdb_ci', 'name', 'CRAH-07')).to.equal(CI_SYS_ID);
      expect(scope.pendingMocks()).to.have.length(1); // second answer not used yet: served from cache
      clock.advance(1);
      expect(await client.lookupSysId('cmdb_ci', 'name', 'CRAH-07')).to.equal(CI_SYS_ID);
      scope.done();
    });

    it('a miss is null (and cached too)', async () => {
      const scope = sn().get('/api/now/table/cmdb_ci').query(ciQuery).reply(200, { result: [] }, SN_HEADERS);
      const client = createServiceNowClient({ config: basicConfig() });
      expect(await client.lookupSysId('cmdb_ci', 'name', 'CRAH-07')).to.equal(null);
      expect(await client.lookupSysId('cmdb_ci', 'name', 'CRAH-07')).to.equal(null);
      scope.done();
    });

    it('several matches, or a row without the value (ignored condition), are null', async () => {
      const scope = sn()
        .get('/api/now/table/cmdb_ci')
        .query(ciQuery)
        .reply(200, {
          result: [
            { sys_id: CI_SYS_ID, name: 'CRAH-07' },
            { sys_id: SYS_ID, name: 'crah-07' },
          ],
        })
        .get('/api/now/table/cmdb_ci')
        .query(
          listQuery({ sysparm_query: 'name=CRAH-09', sysparm_fields: 'sys_id,name', sysparm_limit: '2' }),
        )
        .reply(200, { result: [{ sys_id: CI_SYS_ID, name: 'UPS-2' }] });
      const client = createServiceNowClient({ config: basicConfig() });
      expect(await client.lookupSysId('cmdb_ci', 'name', 'CRAH-07')).to.equal(null);
      expect(await client.lookupSysId('cmdb_ci', 'name', 'CRAH-09')).to.equal(null);
      scope.done();
    });

    it('errors are not cached', async () => {
      const scope = sn()
        .get('/api/now/table/cmdb_ci')
        .query(ciQuery)
        .reply(503, snError('Service Unavailable'))
        .get('/api/now/table/cmdb_ci')
        .query(ciQuery)
        .reply(200, { result: [{ sys_id: CI_SYS_ID, name: 'CRAH-07' }] });
      const client = createServiceNowClient({ config: basicConfig() });
      expect((await rejection(client.lookupSysId('cmdb_ci', 'name', 'CRAH-07'))).retryable).to.equal(true);
      expect(await client.lookupSysId('cmdb_ci', 'name', 'CRAH-07')).to.equal(CI_SYS_ID);
      scope.done();
    });
  });

  it('insertRecord POSTs to any table', async () => {
    const scope = sn()
      .post('/api/now/table/x_closeloop_audit', { message: 'hello' })
      .query(listQuery({ sysparm_fields: 'sys_id' }))
      .reply(201, { result: { sys_id: SYS_ID_2 } }, SN_HEADERS);
    expect(
      await createServiceNowClient({ config: basicConfig() }).insertRecord('x_closeloop_audit', {
        message: 'hello',
      }),
    ).to.deep.equal({ sys_id: SYS_ID_2 });
    scope.done();
  });

  describe('upsertVerdict', () => {
    const findVerdict = listQuery({
      sysparm_query: `correlation_id=${KEY}`,
      sysparm_fields: 'sys_id,correlation_id',
      sysparm_limit: '2',
    });
    const record = { verdict: 'fail', checks: '[]', evaluated_at: '2025-03-14T09:26:53Z' };

    it('inserts when no verdict row exists for the key', async () => {
      const scope = sn()
        .get('/api/now/table/x_closeloop_verdict')
        .query(findVerdict)
        .reply(200, { result: [] }, SN_HEADERS)
        .post('/api/now/table/x_closeloop_verdict', { ...record, correlation_id: KEY })
        .query(listQuery({ sysparm_fields: 'sys_id' }))
        .reply(201, { result: { sys_id: SYS_ID_2 } }, SN_HEADERS);
      const r = await createServiceNowClient({ config: basicConfig() }).upsertVerdict(KEY, record);
      scope.done();
      expect(r).to.deep.equal({ sysId: SYS_ID_2, created: true });
    });

    it('updates the existing row', async () => {
      const scope = sn()
        .get('/api/now/table/x_closeloop_verdict')
        .query(findVerdict)
        .reply(200, { result: [{ sys_id: SYS_ID_2, correlation_id: KEY }] }, SN_HEADERS)
        .patch(`/api/now/table/x_closeloop_verdict/${SYS_ID_2}`, { ...record, correlation_id: KEY })
        .query(listQuery({ sysparm_fields: 'sys_id' }))
        .reply(200, { result: { sys_id: SYS_ID_2 } }, SN_HEADERS);
      const r = await createServiceNowClient({ config: basicConfig() }).upsertVerdict(KEY, record);
      scope.done();
      expect(r).to.deep.equal({ sysId: SYS_ID_2, created: false });
    });
  });

  it('getDictionary reads element names of incident and task', async () => {
    const scope = sn()
      .get('/api/now/table/sys_dictionary')
      .query(
        listQuery({
          sysparm_query: 'nameINincident,task^elementISNOTEMPTY',
          sysparm_fields: 'name,element',
          sysparm_limit: '10000',
        }),
      )
      .reply(
        200,
        {
          result: [
            { name: 'incident', element: 'caller_id' },
            { name: 'task', element: 'short_description' },
            { name: 'task', element: 'work_notes' },
            { name: 'incident', element: 'short_description' },
          ],
        },
        SN_HEADERS,
      );
    expect(
      await createServiceNowClient({ config: basicConfig() }).getDictionary(['incident', 'task']),
    ).to.deep.equal(['caller_id', 'short_description', 'work_notes']);
    scope.done();
  });

  it('getChoices reads active sys_choice values', async () => {
    const scope = sn()
      .get('/api/now/table/sys_choice')
      .query(
        listQuery({
          sysparm_query: 'nameINincident,task^element=close_code^inactive=false',
          sysparm_fields: 'value,label',
          sysparm_limit: '10000',
        }),
      )
      .reply(
        200,
        {
          result: [
            { value: 'Solved (Permanently)', label: 'Solved (Permanently)' },
            { value: 'Solved (Work Around)', label: 'Solved (Work Around)' },
            { value: 'Solved (Permanently)', label: 'Résolu (définitivement)' },
          ],
        },
        SN_HEADERS,
      );
    expect(
      await createServiceNowClient({ config: basicConfig() }).getChoices(['incident', 'task'], 'close_code'),
    ).to.deep.equal(['Solved (Permanently)', 'Solved (Work Around)']);
    scope.done();
  });

  describe('responses', () => {
    it('reports every answer to onResponse with operation, status and latency', async () => {
      const seen: ResponseObservation[] = [];
      const scope = sn()
        .get('/api/now/table/incident')
        .query(FIND_QUERY)
        .delay(30)
        .reply(200, { result: [] }, SN_HEADERS);
      await createServiceNowClient({
        config: basicConfig(),
        onResponse: (o) => seen.push(o),
      }).findIncidentsByCorrelationId(KEY);
      scope.done();
      expect(seen).to.have.length(1);
      expect(seen[0]).to.include({ operation: 'find incident', status: 200 });
      expect(seen[0]?.ms).to.be.at.least(25);
    });

    it('a timeout is a retryable network error reported with status 0', async () => {
      const seen: ResponseObservation[] = [];
      const scope = sn()
        .get('/api/now/table/incident')
        .query(FIND_QUERY)
        .delay(500)
        .reply(200, { result: [] });
      const client = createServiceNowClient({
        config: basicConfig({ timeout: 0.05 }),
        onResponse: (o) => seen.push(o),
      });
      const e = await rejection(client.findIncidentsByCorrelationId(KEY));
      scope.done();
      expect(e).to.include({ kind: 'network', retryable: true, status: undefined });
      expect(e.message).to.match(/^ServiceNow find incident: timed out \(ETIMEDOUT\)/);
      expect(seen.map((o) => o.status)).to.deep.equal([0]);
    });

    it('a 200 HTML page (hibernating instance) is retryable; a JSON body of the wrong shape is not', async () => {
      const scope = sn()
        .get('/api/now/table/incident')
        .query(FIND_QUERY)
        .reply(200, '<html><head><title>Instance Hibernating page</title></head></html>', {
          'Content-Type': 'text/html',
        })
        .get('/api/now/table/incident')
        .query(FIND_QUERY)
        .reply(200, { records: [] }, SN_HEADERS);
      const client = createServiceNowClient({ config: basicConfig() });
      const html = await rejection(client.findIncidentsByCorrelationId(KEY));
      expect(html).to.include({ kind: 'bad_response', retryable: true, status: 200 });
      const shape = await rejection(client.findIncidentsByCorrelationId(KEY));
      expect(shape).to.include({ kind: 'bad_response', retryable: false, status: 200 });
      expect(shape.message).to.equal(
        'ServiceNow find incident: HTTP 200 with an unexpected body: result: Invalid input: expected array, received undefined',
      );
      scope.done();
    });

    it('does not follow redirects (an SSO login in the way)', async () => {
      const scope = sn()
        .get('/api/now/table/incident')
        .query(FIND_QUERY)
        .reply(302, '', { Location: `${INSTANCE}/login.do` });
      const e = await rejection(
        createServiceNowClient({ config: basicConfig() }).findIncidentsByCorrelationId(KEY),
      );
      scope.done();
      expect(e).to.include({ status: 302, retryable: false });
    });
  });

  describe('rate limiting', () => {
    it('waits for the token bucket instead of failing', async () => {
      const clock = fakeClock();
      const scope = sn()
        .get('/api/now/table/incident')
        .query(FIND_QUERY)
        .times(3)
        .reply(200, { result: [] }, SN_HEADERS);
      // 120/h: a burst of 2, then one request every 3600/118 s.
      const client = createServiceNowClient({
        config: basicConfig({ rate_limit_per_hour: 120 }),
        now: clock.now,
        sleep: clock.sleep,
      });
      for (let i = 0; i < 3; i++) await client.findIncidentsByCorrelationId(KEY);
      scope.done();
      expect(clock.sleeps).to.deep.equal([Math.ceil(3_600_000 / 118)]);
    });

    it('after a 429 with Retry-After, no request goes out before it has passed', async () => {
      const clock = fakeClock();
      const sentAt: number[] = [];
      const scope = sn()
        .get('/api/now/table/incident')
        .query(FIND_QUERY)
        .reply(() => {
          sentAt.push(clock.now());
          return [
            429,
            snError('Rate limit exceeded', 'Too many requests for rule Closeloop integration'),
            {
              ...SN_HEADERS,
              'Retry-After': '42',
              'X-RateLimit-Limit': '30000',
              'X-RateLimit-Rule': 'b5dc4d8e1b',
            },
          ];
        })
        .get('/api/now/table/incident')
        .query(FIND_QUERY)
        .reply(() => {
          sentAt.push(clock.now());
          return [200, { result: [] }, SN_HEADERS];
        });
      const client = createServiceNowClient({ config: basicConfig(), now: clock.now, sleep: clock.sleep });
      const e = await rejection(client.findIncidentsByCorrelationId(KEY));
      expect(e).to.include({ status: 429, retryable: true, retryAfterMs: 42_000 });
      expect(e.message).to.equal(
        'ServiceNow find incident: HTTP 429: Rate limit exceeded (Too many requests for rule Closeloop integration)',
      );
      await client.findIncidentsByCorrelationId(KEY); // another key's delivery, right away
      scope.done();
      expect(sentAt[1]! - sentAt[0]!).to.equal(42_000);
    });
  });
});
