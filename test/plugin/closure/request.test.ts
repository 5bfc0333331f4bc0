import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';
import { incident, settings } from '../support/closure-fixtures.js';

const { request: requestModule } = loadClosureModules();
const { buildClosureCheckRequest, describeRequest } = requestModule;

describe('plugin closure/request', () => {
  it('builds the contract request: POST /v1/closure-checks, X-API-Key, incident body', () => {
    const result = buildClosureCheckRequest(settings(), incident({ cmdbCi: 'ci-1' }));
    if (!result.ok) throw new Error(result.problem);
    expect(result.request).to.deep.equal({
      method: 'POST',
      url: 'https://closeloop.dc1.example.com:8080/v1/closure-checks',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-API-Key': 'secret-key-123' },
      body: JSON.stringify({
        incident: {
          sys_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
          number: 'INC0010042',
          correlation_id: 'dc1/hall-a/crah-3/supply-temp',
          cmdb_ci: 'ci-1',
        },
      }),
      transport: { kind: 'direct', timeoutMs: 8000 },
    });
  });

  it('goes through the MID Server when one is named, waiting at most 30 s', () => {
    const result = buildClosureCheckRequest(settings({ midServer: 'mid-dc1', timeoutSeconds: 30 }), incident());
    expect(result.ok && result.request.transport).to.deep.equal({ kind: 'mid', midServer: 'mid-dc1', waitSeconds: 30 });
  });

  it('uses the stub body instead of any transport when the ATF property is set', () => {
    const result = buildClosureCheckRequest(settings({ stubResponse: '{"verdict":"pass"}', connectorUrl: '' }), incident());
    expect(result.ok && result.request.transport).to.deep.equal({ kind: 'stub', body: '{"verdict":"pass"}' });
    expect(result.ok && describeRequest(result.request)).to.contain('stubbed by property');
  });

  it('refuses to call without URL or API key', () => {
    expect(buildClosureCheckRequest(settings({ connectorUrl: '' }), incident())).to.deep.equal({
      ok: false,
      problem: 'connector URL is not configured',
    });
    expect(buildClosureCheckRequest(settings({ apiKey: '' }), incident())).to.deep.equal({
      ok: false,
      problem: 'connector API key is not configured',
    });
  });

  it('never shows the API key when describing the request', () => {
    const result = buildClosureCheckRequest(settings({ midServer: 'mid-dc1' }), incident());
    if (!result.ok) throw new Error(result.problem);
    const text = describeRequest(result.request);
    expect(text).to.equal('POST https://closeloop.dc1.example.com:8080/v1/closure-checks via MID Server mid-dc1');
    expect(text).not.to.contain('secret-key-123');
  });
});
