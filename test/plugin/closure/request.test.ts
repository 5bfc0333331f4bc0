import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';
import { endpoint, settings, snapshot } from '../support/closure-fixtures.js';

const { request: requestModule } = loadClosureModules();
const { buildClosureCheckRequest, closureCheckBody, describeRequest } = requestModule;

const selfSubject = (record = snapshot()) => ({
  table: record.table,
  sysId: record.sysId,
  number: record.number,
  correlationId: record.correlationId,
  cmdbCi: record.cmdbCi,
  reason: 'correlation_display is Closeloop',
});

describe('plugin closure/request', () => {
  it('names the table and record being closed and the state it moves to', () => {
    const record = snapshot({ cmdbCi: 'ci-1' });
    expect(JSON.parse(closureCheckBody(record, '6', selfSubject(record)))).to.deep.equal({
      record: {
        table: 'incident',
        sys_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
        number: 'INC0010042',
        correlation_id: 'dc1/hall-a/crah-3/supply-temp',
        cmdb_ci: 'ci-1',
        target_state: '6',
      },
    });
  });

  it('names the guarding record when a work order is guarded through its incident', () => {
    const order = snapshot({ table: 'wm_order', sysId: 'f'.repeat(32), number: 'WO0010001', correlationId: '', via: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' });
    const body = JSON.parse(closureCheckBody(order, '3', selfSubject(snapshot())));
    expect(body.record).to.include({ table: 'wm_order', number: 'WO0010001', correlation_id: '', target_state: '3' });
    expect(body.guarded_by).to.deep.equal({
      table: 'incident',
      sys_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      number: 'INC0010042',
      correlation_id: 'dc1/hall-a/crah-3/supply-temp',
      cmdb_ci: '',
    });
  });

  it('asks about the stored correlation_id when the update changes it', () => {
    const changed = snapshot({ correlationId: 'someone/else' });
    const body = JSON.parse(closureCheckBody(changed, '6', selfSubject(snapshot())));
    expect(body.record.correlation_id).to.equal('dc1/hall-a/crah-3/supply-temp');
  });

  it('builds the contract request: POST /v1/closure-checks with X-API-Key', () => {
    const result = buildClosureCheckRequest(settings(), endpoint(), '{"record":{}}');
    if (!result.ok) throw new Error(result.problem);
    expect(result.request).to.deep.equal({
      method: 'POST',
      url: 'https://closeloop.dc1.example.com:8080/v1/closure-checks',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-API-Key': 'secret-key-123' },
      body: '{"record":{}}',
      transport: { kind: 'direct', timeoutMs: 8000 },
    });
  });

  it('goes through the MID Server when one is named, waiting at most 30 s', () => {
    const result = buildClosureCheckRequest(settings({ timeoutSeconds: 30 }), endpoint({ midServer: 'mid-dc1' }), '{}');
    expect(result.ok && result.request.transport).to.deep.equal({ kind: 'mid', midServer: 'mid-dc1', waitSeconds: 30 });
  });

  it('refuses to call without URL or API key', () => {
    expect(buildClosureCheckRequest(settings(), null, '{}')).to.deep.equal({ ok: false, problem: 'connector URL is not configured' });
    expect(buildClosureCheckRequest(settings(), endpoint({ url: '' }), '{}')).to.deep.equal({
      ok: false,
      problem: 'connector URL is not configured',
    });
    expect(buildClosureCheckRequest(settings(), endpoint({ apiKey: '' }), '{}')).to.deep.equal({
      ok: false,
      problem: 'connector API key is not configured',
    });
  });

  it('never shows the API key when describing the request', () => {
    const result = buildClosureCheckRequest(settings(), endpoint({ midServer: 'mid-dc1' }), '{}');
    if (!result.ok) throw new Error(result.problem);
    const text = describeRequest(result.request);
    expect(text).to.equal('POST https://closeloop.dc1.example.com:8080/v1/closure-checks via MID Server mid-dc1');
    expect(text).not.to.contain('secret-key-123');
  });
});
