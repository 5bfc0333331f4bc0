import { expect } from 'chai';
import nock from 'nock';
import { createServiceNowClient } from '../../../../connector/src/itsm/servicenow/client.js';
import { runDoctor } from '../../../../connector/src/itsm/servicenow/doctor.js';
import { INSTANCE, SN_HEADERS, SYS_ID, basicConfig, listQuery, snError, useNock } from './helpers.js';

const PING = listQuery({ sysparm_fields: 'sys_id', sysparm_limit: '1' });
const DICTIONARY = listQuery({
  sysparm_query: 'nameINincident,task^elementISNOTEMPTY',
  sysparm_fields: 'name,element',
  sysparm_limit: '10000',
});
const CHOICES = listQuery({
  sysparm_query: 'nameINincident,task^element=close_code^inactive=false',
  sysparm_fields: 'value,label',
  sysparm_limit: '10000',
});
const DICTIONARY_ROWS = [
  { name: 'incident', element: 'caller_id' },
  { name: 'incident', element: 'category' },
  { name: 'incident', element: 'close_code' },
  { name: 'incident', element: 'impact' },
  { name: 'incident', element: 'urgency' },
  { name: 'task', element: 'short_description' },
  { name: 'task', element: 'description' },
  { name: 'task', element: 'cmdb_ci' },
  { name: 'task', element: 'assignment_group' },
  { name: 'task', element: 'work_notes' },
  { name: 'task', element: 'correlation_id' },
  { name: 'task', element: 'correlation_display' },
];
const CHOICE_ROWS = [
  { value: 'Duplicate', label: 'Duplicate' },
  { value: 'Known error', label: 'Known error' },
  { value: 'Solved (Permanently)', label: 'Solved (Permanently)' },
  { value: 'Solved (Work Around)', label: 'Solved (Work Around)' },
];
const FIELDS = ['short_description', 'cmdb_ci', 'work_notes', 'impact', 'correlation_id'];
const config = basicConfig();

describe('itsm/servicenow/doctor', () => {
  useNock();

  it('everything in place → every check passes', async () => {
    const scope = nock(INSTANCE)
      .get('/api/now/table/incident')
      .query(PING)
      .reply(200, { result: [{ sys_id: SYS_ID }] }, SN_HEADERS)
      .get('/api/now/table/sys_dictionary')
      .query(DICTIONARY)
      .reply(200, { result: DICTIONARY_ROWS }, SN_HEADERS)
      .get('/api/now/table/sys_choice')
      .query(CHOICES)
      .reply(200, { result: CHOICE_ROWS }, SN_HEADERS);
    const checks = await runDoctor(createServiceNowClient({ config }), {
      fieldsWritten: [...FIELDS, 'work_notes'],
      closeCodes: ['Solved (Permanently)'],
    });
    scope.done();
    expect(checks).to.deep.equal([
      { name: 'reachability', ok: true, detail: `${INSTANCE}/ answered` },
      { name: 'auth', ok: true, detail: 'basic auth accepted; incident is readable' },
      ...FIELDS.map((f) => ({
        name: `field incident.${f}`,
        ok: true,
        detail: 'exists (sys_dictionary, incident/task)',
      })),
      { name: 'close code "Solved (Permanently)"', ok: true, detail: 'exists (sys_choice close_code)' },
    ]);
  });

  it('a missing field and an unknown close code fail with an explanation', async () => {
    const scope = nock(INSTANCE)
      .get('/api/now/table/incident')
      .query(PING)
      .reply(200, { result: [] }, SN_HEADERS)
      .get('/api/now/table/sys_dictionary')
      .query(DICTIONARY)
      .reply(200, { result: DICTIONARY_ROWS }, SN_HEADERS)
      .get('/api/now/table/sys_choice')
      .query(CHOICES)
      .reply(200, { result: CHOICE_ROWS }, SN_HEADERS);
    const checks = await runDoctor(createServiceNowClient({ config }), {
      fieldsWritten: ['short_description', 'u_rack_position'],
      closeCodes: ['Solved (Permanently)', 'Fixed by vendor'],
    });
    scope.done();
    expect(checks.filter((c) => !c.ok)).to.deep.equal([
      {
        name: 'field incident.u_rack_position',
        ok: false,
        detail:
          'no column "u_rack_position" on incident or task in sys_dictionary (ServiceNow would silently drop it)',
      },
      {
        name: 'close code "Fixed by vendor"',
        ok: false,
        detail:
          'not an active close_code choice on incident or task; known: Duplicate, Known error, Solved (Permanently), Solved (Work Around)',
      },
    ]);
    expect(checks.filter((c) => c.ok).map((c) => c.name)).to.deep.equal([
      'reachability',
      'auth',
      'field incident.short_description',
      'close code "Solved (Permanently)"',
    ]);
  });

  it('unreachable instance → reachability fails, the rest is reported as not checked', async () => {
    const scope = nock(INSTANCE)
      .get('/api/now/table/incident')
      .query(PING)
      .replyWithError(
        Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:4848`), { code: 'ECONNREFUSED' }),
      );
    const checks = await runDoctor(createServiceNowClient({ config }), {
      fieldsWritten: ['short_description'],
      closeCodes: ['Solved (Permanently)'],
    });
    scope.done();
    expect(checks).to.deep.equal([
      {
        name: 'reachability',
        ok: false,
        detail: 'ServiceNow ping: network error (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:4848',
      },
      { name: 'auth', ok: false, detail: 'not checked: instance not reachable' },
      { name: 'field incident.short_description', ok: false, detail: 'not checked: instance not reachable' },
      { name: 'close code "Solved (Permanently)"', ok: false, detail: 'not checked: instance not reachable' },
    ]);
  });

  it("rejected credentials → reachable, auth fails with ServiceNow's message", async () => {
    const scope = nock(INSTANCE)
      .get('/api/now/table/incident')
      .query(PING)
      .reply(401, snError('User Not Authenticated', 'Required to provide Auth information'), SN_HEADERS);
    const checks = await runDoctor(createServiceNowClient({ config }), {
      fieldsWritten: ['impact'],
      closeCodes: [],
    });
    scope.done();
    expect(checks).to.deep.equal([
      { name: 'reachability', ok: true, detail: `${INSTANCE}/ answered HTTP 401` },
      {
        name: 'auth',
        ok: false,
        detail: 'ServiceNow ping: HTTP 401: User Not Authenticated (Required to provide Auth information)',
      },
      { name: 'field incident.impact', ok: false, detail: 'not checked: authentication failed' },
    ]);
  });

  it('missing credentials → auth fails as a configuration problem, nothing is sent', async () => {
    const incomplete = basicConfig({ auth: { type: 'basic' } });
    const checks = await runDoctor(createServiceNowClient({ config: incomplete }), {
      fieldsWritten: [],
      closeCodes: [],
    });
    expect(checks.map((c) => [c.name, c.ok])).to.deep.equal([
      ['reachability', false],
      ['auth', false],
    ]);
    expect(checks[1]?.detail).to.match(/needs a username and password/);
  });

  it('no read access to sys_dictionary → each field check fails with the reason', async () => {
    const scope = nock(INSTANCE)
      .get('/api/now/table/incident')
      .query(PING)
      .reply(200, { result: [] }, SN_HEADERS)
      .get('/api/now/table/sys_dictionary')
      .query(DICTIONARY)
      .reply(
        403,
        snError('Operation Failed', 'ACL Exception Insert Failed due to security constraints'),
        SN_HEADERS,
      );
    const checks = await runDoctor(createServiceNowClient({ config }), {
      fieldsWritten: ['impact'],
      closeCodes: [],
    });
    scope.done();
    expect(checks[2]).to.deep.equal({
      name: 'field incident.impact',
      ok: false,
      detail:
        'ServiceNow read sys_dictionary: HTTP 403: Operation Failed (ACL Exception Insert Failed due to security constraints)',
    });
  });
});
