import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  DEFAULT_REGISTRY_PREFIXES,
  deleteSubscription,
  listSubscriptions,
  subscribe,
} from '../../../../connector/src/sources/redfish/subscribe.js';
import { startEventServiceMock, type EventServiceMock } from './eventservice-mock.js';

const creds = { username: 'closeloop', password: 's3cret-Pa55' };
const destination = 'http://127.0.0.1:8080/v1/alarms/redfish';

describe('sources/redfish subscribe (loopback EventService from the DMTF examples)', () => {
  let bmc: EventServiceMock;
  beforeEach(async () => {
    bmc = await startEventServiceMock(creds);
  });
  afterEach(async () => {
    await bmc.stop();
  });
  const conn = () => ({ bmcUrl: bmc.url, ...creds });

  it('lists the existing subscription of the mockup', async () => {
    expect(await listSubscriptions(conn())).to.deep.equal([
      {
        id: '1',
        uri: '/redfish/v1/EventService/Subscriptions/1',
        destination: 'http://www.dnsname.com/Destination1',
        protocol: 'Redfish',
        context: 'WebUser3',
      },
    ]);
  });

  it('creates a subscription with Destination, Protocol Redfish, EventFormatType Event and RegistryPrefixes', async () => {
    const r = await subscribe({
      ...conn(),
      destination,
      context: 'closeloop-DC1',
      httpHeaders: { Authorization: 'Bearer t0k' },
    });
    expect(r).to.deep.equal({ id: '2', uri: '/redfish/v1/EventService/Subscriptions/2', created: true });
    expect(bmc.posted).to.deep.equal([
      {
        Destination: destination,
        Protocol: 'Redfish',
        SubscriptionType: 'RedfishEvent',
        EventFormatType: 'Event',
        RegistryPrefixes: DEFAULT_REGISTRY_PREFIXES,
        Context: 'closeloop-DC1',
        HttpHeaders: [{ Authorization: 'Bearer t0k' }],
      },
    ]);
    const listed = await listSubscriptions(conn());
    expect(listed.map((s) => s.destination)).to.deep.equal([
      'http://www.dnsname.com/Destination1',
      destination,
    ]);
    expect(listed[1]).to.deep.include({
      eventFormatType: 'Event',
      registryPrefixes: DEFAULT_REGISTRY_PREFIXES,
    });
  });

  it('is idempotent per destination: a second subscribe returns the existing one without POST', async () => {
    const first = await subscribe({ ...conn(), destination, registryPrefixes: ['Environmental'] });
    const second = await subscribe({ ...conn(), destination });
    expect(second).to.deep.equal({ id: first.id, uri: first.uri, created: false });
    expect(bmc.posted).to.have.length(1);
    expect(bmc.subscriptions.size).to.equal(2);
  });

  it('deletes by id or URI; deleting again reports nothing deleted', async () => {
    const { id, uri } = await subscribe({ ...conn(), destination });
    expect(await deleteSubscription(conn(), id)).to.deep.equal({ deleted: true });
    expect(await deleteSubscription(conn(), uri)).to.deep.equal({ deleted: false });
    expect(await deleteSubscription(conn(), '/redfish/v1/EventService/Subscriptions/1')).to.deep.equal({
      deleted: true,
    });
    expect(await listSubscriptions(conn())).to.deep.equal([]);
    expect(bmc.requests.filter((r) => r.startsWith('DELETE'))).to.deep.equal([
      'DELETE /redfish/v1/EventService/Subscriptions/2',
      'DELETE /redfish/v1/EventService/Subscriptions/2',
      'DELETE /redfish/v1/EventService/Subscriptions/1',
    ]);
  });

  it('reports the Redfish error message on refusal, never the password', async () => {
    bmc.failNextPost(400, 'The value for the property Destination is not a URI.');
    const err = await subscribe({ ...conn(), destination }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).to.equal(
      'POST /redfish/v1/EventService/Subscriptions: HTTP 400: A general error has occurred. See ExtendedInfo for more information. The value for the property Destination is not a URI.',
    );
    const denied = await listSubscriptions({ ...conn(), password: 'wrong' }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(denied?.message).to.match(
      /^GET \/redfish\/v1\/EventService\/Subscriptions: HTTP 401: .*Authentication required\.$/,
    );
    expect(denied?.message).to.not.include('wrong');
  });

  it('reports an unreachable BMC without credentials in the message', async () => {
    await bmc.stop();
    const err = await listSubscriptions(conn()).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).to.equal('GET /redfish/v1/EventService/Subscriptions: ECONNREFUSED');
    bmc = await startEventServiceMock(creds); // for afterEach
  });

  it('refuses a non-HTTP bmcUrl', async () => {
    const err = await listSubscriptions({ ...conn(), bmcUrl: 'ftp://127.0.0.1' }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).to.equal('bmcUrl must be http(s), got ftp:');
  });
});

describe('sources/redfish subscribe over HTTPS with a private CA', function () {
  this.timeout(20_000);
  let dir = '';
  let bmc: EventServiceMock | null = null;
  let ca = '';

  before(async function () {
    const run = promisify(execFile);
    try {
      await run('openssl', ['version']);
    } catch {
      console.log('      skipped: openssl is not installed, no certificate can be made for the HTTPS BMC');
      this.skip();
    }
    dir = await mkdtemp(path.join(os.tmpdir(), 'closeloop-rf-tls-'));
    const f = (n: string) => path.join(dir, n);
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=Test BMC CA',
      '-keyout',
      f('ca.key'),
      '-out',
      f('ca.pem'),
    ]);
    await run('openssl', [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      f('bmc.key'),
      '-out',
      f('bmc.csr'),
    ]);
    await writeFile(f('ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
    await run('openssl', [
      'x509',
      '-req',
      '-in',
      f('bmc.csr'),
      '-CA',
      f('ca.pem'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-days',
      '1',
      '-extfile',
      f('ext.cnf'),
      '-out',
      f('bmc.pem'),
    ]);
    ca = await readFile(f('ca.pem'), 'utf8');
    bmc = await startEventServiceMock({
      ...creds,
      tls: { key: await readFile(f('bmc.key'), 'utf8'), cert: await readFile(f('bmc.pem'), 'utf8') },
    });
  });
  after(async () => {
    await bmc?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('subscribes when the CA is given and refuses the certificate without it', async () => {
    const url = bmc?.url ?? '';
    expect(url).to.match(/^https:/);
    const r = await subscribe({ bmcUrl: url, ...creds, destination, ca });
    expect(r.created).to.equal(true);
    const err = await listSubscriptions({ bmcUrl: url, ...creds }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).to.match(
      /^GET \/redfish\/v1\/EventService\/Subscriptions: (UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)$/,
    );
  });
});
