import { expect } from 'chai';
import { ConfigSchema } from '../../../connector/src/config/schema.js';
import { closeProviders, createProviders } from '../../../connector/src/telemetry/create.js';

describe('telemetry/createProviders', () => {
  it('builds one provider per configured name, with durations in milliseconds', async () => {
    const config = ConfigSchema.parse({
      telemetry: {
        providers: {
          dcgm: { kind: 'prometheus', url: 'http://127.0.0.1:9' },
          'cdu-1': {
            kind: 'redfish',
            url: 'https://127.0.0.1:9',
            auth: 'session',
            username: 'u',
            password: 'p',
          },
          bms: { kind: 'mqtt', url: 'mqtt://127.0.0.1:9', topics: ['bms/#'] },
        },
      },
    });
    expect(config.telemetry.providers.dcgm).to.include({ step: 15_000, timeout: 2000 });
    const providers = createProviders(config.telemetry.providers);
    expect([...providers].map(([name, p]) => [name, p.name, p.kind, typeof p.sample])).to.deep.equal([
      ['dcgm', 'dcgm', 'prometheus', 'undefined'],
      ['cdu-1', 'cdu-1', 'redfish', 'function'],
      ['bms', 'bms', 'mqtt', 'undefined'],
    ]);
    await closeProviders(providers);
  });
});
