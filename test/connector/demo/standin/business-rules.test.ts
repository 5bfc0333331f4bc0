import { expect } from 'chai';
import { changesTo, ruleSysId, type BusinessRule } from '../../../../connector/src/demo/standin/index.js';
import { startHarness, type Harness } from './helpers.js';

describe('stand-in before business rules', () => {
  let h: Harness;
  let removeRules: (() => void)[] = [];
  const add = (rule: BusinessRule) => removeRules.push(h.standin.businessRules.add(rule));

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.standin.close();
  });
  afterEach(() => {
    removeRules.forEach((remove) => remove());
    removeRules = [];
    h.standin.reset();
  });

  const incident = async () => {
    const res = await h.http.post('/api/now/table/incident', {
      short_description: 'CRAH-2 supply air high',
      work_notes: 'opened',
    });
    expect(res.status).to.equal(201);
    return String(res.data.result.sys_id);
  };
  const resolve = {
    state: '6',
    close_code: 'Solved (Permanently)',
    close_notes: 'fixed',
    work_notes: 'trying to resolve',
  };

  it('an abort answers 403 with the platform body and leaves the record and its journal unchanged', async () => {
    const rule: BusinessRule = {
      name: 'Test guard',
      table: 'incident',
      when: 'before',
      operations: ['update'],
      condition: changesTo('state', '6'),
      run: (api) => {
        api.addErrorMessage('Telemetry still out of range: CRAH-2 supply air 29.5 °C (expected 18–27 °C)');
        api.setAbortAction(true);
      },
    };
    add(rule);
    const id = await incident();
    const before = { ...h.standin.tables.get('incident', id) };

    const res = await h.http.patch(`/api/now/table/incident/${id}`, resolve);
    expect(res.status).to.equal(403);
    expect(res.data).to.deep.equal({
      error: {
        message: 'Telemetry still out of range: CRAH-2 supply air 29.5 °C (expected 18–27 °C)',
        detail: `Operation against file 'incident' was aborted by Business Rule 'Test guard^${ruleSysId(rule)}'. Business Rule Stack:Test guard`,
      },
      status: 'failure',
    });
    expect(h.standin.tables.get('incident', id)).to.deep.equal(before);
    expect(h.standin.tables.journal('incident', id).map((e) => e.value)).to.deep.equal(['opened']);
    const got = await h.http.get(`/api/now/table/incident/${id}`);
    expect(got.data.result.state).to.equal('1');
  });

  it('without an error message the abort says "Operation Failed"; a given sys_id is named', async () => {
    add({
      name: 'Silent abort',
      sysId: '33adc444b18d4477bf35c8a351e78095',
      table: 'incident',
      when: 'before',
      operations: ['update'],
      run: (api) => api.setAbortAction(true),
    });
    const id = await incident();
    const res = await h.http.patch(`/api/now/table/incident/${id}`, { short_description: 'changed' });
    expect(res.status).to.equal(403);
    expect(res.data.error.message).to.equal('Operation Failed');
    expect(res.data.error.detail).to.contain("'Silent abort^33adc444b18d4477bf35c8a351e78095'");
  });

  it('a rule sees previous and current, may change current, and its condition limits when it runs', async () => {
    const seen: { before: string; after: string }[] = [];
    add({
      name: 'Stamp resolution',
      table: 'incident',
      when: 'before',
      operations: ['update'],
      condition: changesTo('state', '6'),
      run: (api) => {
        seen.push({ before: api.previous?.state ?? '', after: api.current.state ?? '' });
        api.current.close_notes = `${api.current.close_notes} (checked)`;
        api.current.work_notes = `${api.current.work_notes}\nguard: allowed`;
      },
    });
    const id = await incident();
    await h.http.patch(`/api/now/table/incident/${id}`, { short_description: 'not a resolution' });
    expect(seen).to.deep.equal([]);
    const res = await h.http.patch(`/api/now/table/incident/${id}`, resolve);
    expect(res.status).to.equal(200);
    expect(seen).to.deep.equal([{ before: '1', after: '6' }]);
    expect(res.data.result).to.include({ state: '6', close_notes: 'fixed (checked)' });
    expect(h.standin.tables.journal('incident', id).map((e) => e.value)).to.deep.equal([
      'opened',
      'trying to resolve\nguard: allowed',
    ]);
  });

  it('rules run in order and may be asynchronous; the first abort wins', async () => {
    const ran: string[] = [];
    add({
      name: 'Late',
      order: 200,
      table: 'incident',
      when: 'before',
      operations: ['update'],
      run: () => void ran.push('late'),
    });
    add({
      name: 'Early async abort',
      order: 50,
      table: 'incident',
      when: 'before',
      operations: ['update'],
      run: async (api) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        ran.push('early');
        api.setAbortAction(true);
      },
    });
    const id = await incident();
    const res = await h.http.patch(`/api/now/table/incident/${id}`, { impact: 1 });
    expect(res.status).to.equal(403);
    expect(ran).to.deep.equal(['early']);
    expect(h.standin.tables.get('incident', id)?.impact).to.equal('3');
  });

  it('serialises writes to one record while a rule is waiting', async () => {
    add({
      name: 'Slow',
      table: 'incident',
      when: 'before',
      operations: ['update'],
      run: () => new Promise((resolve) => setTimeout(resolve, 50)),
    });
    const id = await incident();
    const [a, b] = await Promise.all([
      h.http.patch(`/api/now/table/incident/${id}`, { work_notes: 'one' }),
      h.http.patch(`/api/now/table/incident/${id}`, { work_notes: 'two' }),
    ]);
    expect([a.status, b.status]).to.deep.equal([200, 200]);
    expect(h.standin.tables.get('incident', id)?.sys_mod_count).to.equal('2');
  });
});
