import { expect } from 'chai';
import { main } from '../../../connector/src/cli/main.js';
import { startEventServiceMock, type EventServiceMock } from '../sources/redfish/eventservice-mock.js';

describe('closeloop redfish', () => {
  let bmc: EventServiceMock;
  beforeEach(async () => {
    bmc = await startEventServiceMock({ username: 'closeloop', password: 'bmc-pass-1' });
  });
  afterEach(() => bmc.stop());

  async function run(argv: string[], env: Record<string, string> = {}) {
    let out = '';
    let err = '';
    const code = await main(argv, {
      env: { CLOSELOOP_BMC_PASSWORD: 'bmc-pass-1', ...env },
      stdout: (t) => (out += t),
      stderr: (t) => (err += t),
    });
    return { code, out, err };
  }
  const conn = () => ['--bmc', bmc.url, '--user', 'closeloop'];

  it('subscribes once per destination, sending the source token as a header', async () => {
    const dest = 'http://127.0.0.1:8080/v1/alarms/redfish';
    const first = await run(
      ['redfish', 'subscribe', ...conn(), '--destination', dest, '--token-env', 'RF_TOKEN'],
      { RF_TOKEN: 'tok-123' },
    );
    expect(first.code, first.err).to.equal(0);
    expect(first.out).to.match(
      /^subscribed: \/redfish\/v1\/EventService\/Subscriptions\/\S+ → http:\/\/127\.0\.0\.1:8080\/v1\/alarms\/redfish/,
    );
    const posted = bmc.posted[0] as { Destination: string; HttpHeaders?: Record<string, string>[] };
    expect(posted.Destination).to.equal(dest);
    expect(JSON.stringify(posted.HttpHeaders)).to.include('Bearer tok-123');
    const again = await run(['redfish', 'subscribe', ...conn(), '--destination', dest]);
    expect(again.out).to.match(/^already subscribed/);
    const list = await run(['redfish', 'list', ...conn()]);
    expect(list.out).to.include(dest);
  });

  it('says clearly what is missing, without a stack trace', async () => {
    const r = await run(['redfish', 'list', '--bmc', bmc.url, '--user', 'closeloop'], {
      CLOSELOOP_BMC_PASSWORD: '',
    });
    expect(r.code).to.equal(1);
    expect(r.err).to.equal('error: the BMC password is read from CLOSELOOP_BMC_PASSWORD, which is not set\n');
  });
});
