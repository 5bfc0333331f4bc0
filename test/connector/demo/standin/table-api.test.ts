import { expect } from 'chai';
import { startHarness, type Harness } from './helpers.js';

describe('stand-in Table API', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.standin.close();
  });
  beforeEach(() => h.standin.reset());

  const createIncident = async (fields: Record<string, unknown> = {}) => {
    const res = await h.http.post('/api/now/table/incident', {
      short_description: 'CRAH-1 supply air high',
      ...fields,
    });
    expect(res.status).to.equal(201);
    return res.data.result as Record<string, unknown>;
  };

  it('answers an insert with 201, a {result} envelope, a 32-hex sys_id, INC numbers and platform timestamps', async () => {
    const first = await createIncident();
    const second = await createIncident();
    expect(first.sys_id).to.match(/^[0-9a-f]{32}$/);
    expect(first.number).to.equal('INC0010001');
    expect(second.number).to.equal('INC0010002');
    expect(first.sys_created_on).to.match(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(first.sys_updated_on).to.equal(first.sys_created_on);
    expect(first.state).to.equal('1');
    expect(first.sys_mod_count).to.equal('0');
    expect(first.sys_created_by).to.equal('admin');
  });

  it('returns every value as a string and ignores columns the table does not have', async () => {
    const created = await createIncident({ impact: 2, urgency: 2, u_no_such_column: 'x' });
    expect(created.impact).to.equal('2');
    expect(created).to.not.have.property('u_no_such_column');
  });

  it('computes priority from impact × urgency and overrides a written priority', async () => {
    const expected: Record<string, string> = {
      '1,1': '1',
      '1,3': '3',
      '2,2': '3',
      '2,3': '4',
      '3,3': '5',
      '3,1': '3',
    };
    for (const [pair, priority] of Object.entries(expected)) {
      const [impact, urgency] = pair.split(',');
      const created = await createIncident({ impact, urgency, priority: '1' });
      expect(created.priority, pair).to.equal(priority);
    }
    const incident = await createIncident({ impact: 3, urgency: 3 });
    const updated = await h.http.patch(`/api/now/table/incident/${String(incident.sys_id)}`, { impact: 1 });
    expect(updated.data.result.priority).to.equal('3');
  });

  it('truncates correlation_id to its 100-character column', async () => {
    const created = await createIncident({ correlation_id: 'k'.repeat(130) });
    expect(created.correlation_id).to.equal('k'.repeat(100));
  });

  it('keeps work_notes as journal entries: GET shows "" and sys_journal_field holds the entries', async () => {
    const incident = await createIncident({ work_notes: 'first note' });
    const id = String(incident.sys_id);
    const updated = await h.http.patch(`/api/now/table/incident/${id}`, { work_notes: 'second note' });
    expect(updated.status).to.equal(200);
    expect(updated.data.result.work_notes).to.equal('');
    expect(updated.data.result.sys_mod_count).to.equal('1');

    const got = await h.http.get(`/api/now/table/incident/${id}`);
    expect(got.data.result.work_notes).to.equal('');

    const journal = await h.http.get('/api/now/table/sys_journal_field', {
      params: { sysparm_query: `element_id=${id}^element=work_notes^ORDERBYsys_created_on` },
    });
    expect(journal.status).to.equal(200);
    expect(journal.data.result.map((e: { value: string }) => e.value)).to.deep.equal([
      'first note',
      'second note',
    ]);
    expect(journal.data.result[0]).to.include({ name: 'incident', element: 'work_notes', element_id: id });

    const display = await h.http.get(`/api/now/table/incident/${id}`, {
      params: { sysparm_display_value: 'true' },
    });
    expect(display.data.result.work_notes).to.match(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d - System Administrator \(Work notes\)\nsecond note\n\n/,
    );
    expect(display.data.result.work_notes).to.contain('first note');
  });

  it('returns reference columns as {link, value}, bare with exclude_reference_link, labelled with display values', async () => {
    const [group] = h.standin.tables.list('sys_user_group', 'name=Facilities - Cooling');
    const [ci] = h.standin.tables.list('cmdb_ci', 'name=CRAH-1');
    const incident = await createIncident({ assignment_group: group?.sys_id, cmdb_ci: ci?.sys_id });
    expect(incident.assignment_group).to.deep.equal({
      link: `${h.standin.url}/api/now/table/sys_user_group/${group?.sys_id}`,
      value: group?.sys_id,
    });
    expect(incident.caller_id).to.equal('');

    const id = String(incident.sys_id);
    const bare = await h.http.get(`/api/now/table/incident/${id}`, {
      params: { sysparm_exclude_reference_link: 'true' },
    });
    expect(bare.data.result.cmdb_ci).to.equal(ci?.sys_id);

    const display = await h.http.get(`/api/now/table/incident/${id}`, {
      params: { sysparm_display_value: 'true', sysparm_fields: 'cmdb_ci,state,priority,cmdb_ci.name' },
    });
    expect(display.data.result).to.deep.equal({
      cmdb_ci: { display_value: 'CRAH-1', link: `${h.standin.url}/api/now/table/cmdb_ci/${ci?.sys_id}` },
      state: 'New',
      priority: '5 - Planning',
      'cmdb_ci.name': 'CRAH-1',
    });

    const all = await h.http.get(`/api/now/table/incident/${id}`, {
      params: {
        sysparm_display_value: 'all',
        sysparm_fields: 'state',
        sysparm_exclude_reference_link: 'true',
      },
    });
    expect(all.data.result).to.deep.equal({ state: { display_value: 'New', value: '1' } });
  });

  it('honours sysparm_fields, sysparm_limit and sysparm_offset, with X-Total-Count', async () => {
    for (let i = 0; i < 5; i += 1) await createIncident({ short_description: `n${i}` });
    const page = await h.http.get('/api/now/table/incident', {
      params: {
        sysparm_fields: 'number,short_description,no_such_field',
        sysparm_limit: 2,
        sysparm_offset: 1,
        sysparm_query: 'ORDERBYnumber',
      },
    });
    expect(page.status).to.equal(200);
    expect(page.headers['x-total-count']).to.equal('5');
    expect(page.headers.link).to.contain('rel="next"');
    expect(page.data.result).to.deep.equal([
      { number: 'INC0010002', short_description: 'n1' },
      { number: 'INC0010003', short_description: 'n2' },
    ]);
  });

  it('answers with the platform status codes and error envelopes', async () => {
    const unknownTable = await h.http.get('/api/now/table/u_does_not_exist');
    expect(unknownTable.status).to.equal(400);
    expect(unknownTable.data).to.deep.equal({
      error: { message: 'Invalid table u_does_not_exist', detail: null },
      status: 'failure',
    });

    const missing = await h.http.get(`/api/now/table/incident/${'0'.repeat(32)}`);
    expect(missing.status).to.equal(404);
    expect(missing.data).to.deep.equal({
      error: {
        message: 'No Record found',
        detail: "Record doesn't exist or ACL restricts the record retrieval",
      },
      status: 'failure',
    });
    const missingUpdate = await h.http.patch(`/api/now/table/incident/${'0'.repeat(32)}`, {
      short_description: 'x',
    });
    expect(missingUpdate.status).to.equal(404);

    const badJson = await h.http.post('/api/now/table/incident', '{"short_description":', {
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.status).to.equal(400);
    expect(badJson.data.status).to.equal('failure');
    expect(badJson.data.error.message).to.equal('Exception while reading request');

    const empty = await h.http.get('/api/now/table/incident', {
      params: { sysparm_query: 'number=INC9999999' },
    });
    expect(empty.status).to.equal(200);
    expect(empty.data).to.deep.equal({ result: [] });
    expect(empty.headers).to.not.have.property('etag');

    const unknownApi = await h.http.get('/api/now/nothing/here');
    expect(unknownApi.status).to.equal(400);
  });

  it('treats PUT like PATCH (partial update) and DELETE answers 204 without a body', async () => {
    const incident = await createIncident({ description: 'keep me' });
    const id = String(incident.sys_id);
    const put = await h.http.put(`/api/now/table/incident/${id}`, { short_description: 'changed' });
    expect(put.status).to.equal(200);
    expect(put.data.result).to.include({ short_description: 'changed', description: 'keep me' });
    const del = await h.http.delete(`/api/now/table/incident/${id}`);
    expect(del.status).to.equal(204);
    expect(del.data).to.equal('');
    expect((await h.http.get(`/api/now/table/incident/${id}`)).status).to.equal(404);
  });

  it('needs close_code and close_notes to resolve (data policy) and stamps resolved_at', async () => {
    const incident = await createIncident();
    const id = String(incident.sys_id);
    const refused = await h.http.patch(`/api/now/table/incident/${id}`, { state: '6' });
    expect(refused.status).to.equal(403);
    expect(refused.data.error.detail).to.contain('Resolution code, Resolution notes');
    expect(h.standin.tables.get('incident', id)?.state).to.equal('1');

    const resolved = await h.http.patch(`/api/now/table/incident/${id}`, {
      state: 6,
      close_code: 'Solved (Permanently)',
      close_notes: 'Unit repaired',
    });
    expect(resolved.status).to.equal(200);
    expect(resolved.data.result).to.include({ state: '6', incident_state: '6', active: 'true' });
    expect(resolved.data.result.resolved_at).to.match(/^\d{4}-/);

    const reopened = await h.http.patch(`/api/now/table/incident/${id}`, { state: 2 });
    expect(reopened.data.result).to.include({ state: '2', resolved_at: '' });
  });

  it('serves the dictionary (incident and task rows) and close_code choices', async () => {
    const dictionary = await h.http.get('/api/now/table/sys_dictionary', {
      params: {
        sysparm_query: 'nameINincident,task^elementINcorrelation_id,close_code,work_notes,caller_id',
        sysparm_fields: 'name,element,internal_type,max_length',
      },
    });
    const rows = dictionary.data.result as {
      name: string;
      element: string;
      internal_type: string;
      max_length: string;
    }[];
    expect(rows.map((r) => `${r.name}.${r.element}`).sort()).to.deep.equal([
      'incident.caller_id',
      'incident.close_code',
      'task.correlation_id',
      'task.work_notes',
    ]);
    expect(rows.find((r) => r.element === 'correlation_id')?.max_length).to.equal('100');

    const choices = await h.http.get('/api/now/table/sys_choice', {
      params: {
        sysparm_query: 'name=incident^element=close_code^inactive=false',
        sysparm_fields: 'value,label',
      },
    });
    const values = (choices.data.result as { value: string }[]).map((c) => c.value);
    expect(values).to.include.members([
      'Solved (Permanently)',
      'Solved (Work Around)',
      'Not Solved (Not Reproducible)',
    ]);
  });

  it('seeds the demo topology: groups, CRAH/CDU/UPS units and GPU servers', async () => {
    const groups = await h.http.get('/api/now/table/sys_user_group', { params: { sysparm_fields: 'name' } });
    expect(groups.data.result.map((g: { name: string }) => g.name)).to.include.members([
      'Facilities - Cooling',
      'Facilities - Power',
      'IT - GPU Operations',
      'Service Desk',
    ]);
    const cis = await h.http.get('/api/now/table/cmdb_ci', { params: { sysparm_fields: 'name' } });
    expect(cis.data.result.map((c: { name: string }) => c.name)).to.include.members([
      'CRAH-1',
      'CRAH-4',
      'CDU-1',
      'UPS-1',
      'UPS-2',
      'gpu-r01-01',
    ]);
  });

  it('stores the plugin verdict table and reads it back by correlation_id', async () => {
    const verdict = await h.http.post('/api/now/table/x_closeloop_verdict', {
      correlation_id: 'site:dc1/zone:a',
      verdict: 'pass',
      checks: '[]',
      evaluated_at: '2025-06-01T10:00:00Z',
    });
    expect(verdict.status).to.equal(201);
    const found = await h.http.get('/api/now/table/x_closeloop_verdict', {
      params: { sysparm_query: 'correlation_id=site:dc1/zone:a', sysparm_fields: 'verdict,evaluated_at' },
    });
    expect(found.data.result).to.deep.equal([{ verdict: 'pass', evaluated_at: '2025-06-01T10:00:00Z' }]);
  });
  it('refuses a second pushed verdict with the same correlation_id (the plugin table has a unique index)', async () => {
    const body = {
      correlation_id: 'dc1/zone-a',
      verdict: 'fail',
      checks: '[]',
      evaluated_at: '2025-06-01T10:00:00Z',
    };
    expect((await h.http.post('/api/now/table/x_closeloop_verdict', body)).status).to.equal(201);
    const duplicate = await h.http.post('/api/now/table/x_closeloop_verdict', {
      ...body,
      correlation_id: 'DC1/zone-a',
    });
    expect(duplicate.status).to.equal(403);
    expect(duplicate.data.error.detail).to.contain('Unique Key violation');
    expect(h.standin.tables.list('x_closeloop_verdict')).to.have.length(1);
  });

  it('refuses the audit table over the Table API (no web service access, as the plugin defines it); /__standin/tables reads it', async () => {
    const incident = await createIncident();
    await h.standin.tables.insert('x_closeloop_closure_audit', {
      task: String(incident.sys_id),
      outcome: 'blocked',
    });
    const res = await h.http.get('/api/now/table/x_closeloop_closure_audit');
    expect(res.status).to.equal(403);
    expect(res.data.status).to.equal('failure');
    const admin = await h.http.get('/__standin/tables/x_closeloop_closure_audit', {
      params: { query: 'outcome=blocked' },
    });
    expect(admin.status).to.equal(200);
    expect(admin.data.count).to.equal(1);
    expect(admin.data.rows[0]).to.include({ task: incident.sys_id, outcome: 'blocked' });
  });
});
