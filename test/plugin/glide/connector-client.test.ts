import { expect } from 'chai';
import { loadGlideAdapters } from '../support/plugin-modules.js';
import { world } from '../support/glide-fakes.js';
import { hookHits } from '../support/glide-require-hook.js';
import type { ConnectorRequest } from '../../../plugin/src/server/closure/types.js';

const { connectorClient } = loadGlideAdapters();

const request = (transport: ConnectorRequest['transport']): ConnectorRequest => ({
  method: 'POST',
  url: 'https://closeloop.example.com/v1/closure-checks',
  headers: { 'Content-Type': 'application/json', 'X-API-Key': 'k1' },
  body: '{"incident":{}}',
  transport,
});

describe('plugin glide/connector-client (sn_ws.RESTMessageV2)', () => {
  beforeEach(() => world.reset());

  it('is loaded against the Glide fakes', () => {
    expect(hookHits['@servicenow/glide/sn_ws']).to.be.greaterThan(0);
  });

  it('direct: sets endpoint, method, headers, body and the socket timeout, then execute()', () => {
    world.connector = () => ({ status: 200, body: '{"verdict":"pass"}' });
    const reply = connectorClient.sendClosureCheck(request({ kind: 'direct', timeoutMs: 8000 }));
    expect(reply).to.deep.equal({ kind: 'response', statusCode: 200, body: '{"verdict":"pass"}' });
    expect(world.requests).to.deep.equal([
      {
        endpoint: 'https://closeloop.example.com/v1/closure-checks',
        method: 'post',
        headers: { 'Content-Type': 'application/json', 'X-API-Key': 'k1' },
        body: '{"incident":{}}',
        httpTimeoutMs: 8000,
        midServer: null,
        mode: 'execute',
        waitSeconds: null,
      },
    ]);
  });

  it('MID: setMIDServer, executeAsync, then waitForResponse(seconds); no socket timeout', () => {
    world.connector = () => ({ status: 200, body: '{}' });
    const reply = connectorClient.sendClosureCheck(request({ kind: 'mid', midServer: 'mid-dc1', waitSeconds: 12 }));
    expect(reply).to.deep.include({ kind: 'response', statusCode: 200 });
    expect(world.requests[0]).to.deep.include({ midServer: 'mid-dc1', mode: 'executeAsync', waitSeconds: 12, httpTimeoutMs: null });
  });

  it('MID: no answer within the wait → timeout', () => {
    world.connector = () => ({ status: 200, body: '{}', delayMs: 13_000 });
    const reply = connectorClient.sendClosureCheck(request({ kind: 'mid', midServer: 'mid-dc1', waitSeconds: 12 }));
    expect(reply).to.deep.include({ kind: 'failure', reason: 'timeout' });
  });

  it('direct: a read timeout → timeout', () => {
    world.connector = () => ({ status: 200, body: '{}', delayMs: 9000 });
    expect(connectorClient.sendClosureCheck(request({ kind: 'direct', timeoutMs: 8000 }))).to.deep.equal({
      kind: 'failure',
      reason: 'timeout',
      detail: 'java.net.SocketTimeoutException: Read timed out',
    });
  });

  it('no HTTP exchange (status 0) → unreachable with the platform error text', () => {
    world.connector = () => ({ unreachable: 'java.net.ConnectException: Connection refused' });
    expect(connectorClient.sendClosureCheck(request({ kind: 'direct', timeoutMs: 8000 }))).to.deep.equal({
      kind: 'failure',
      reason: 'unreachable',
      detail: 'java.net.ConnectException: Connection refused',
    });
  });

  it('an HTTP error is an answer, not a transport failure', () => {
    world.connector = () => ({ status: 503, body: 'busy' });
    expect(connectorClient.sendClosureCheck(request({ kind: 'direct', timeoutMs: 8000 }))).to.deep.equal({
      kind: 'response',
      statusCode: 503,
      body: 'busy',
    });
  });

  it('never throws: an exception from execute() becomes a failure', () => {
    world.connector = () => ({ throws: 'com.glide.Something broke' });
    expect(connectorClient.sendClosureCheck(request({ kind: 'direct', timeoutMs: 8000 }))).to.deep.include({
      kind: 'failure',
      reason: 'unreachable',
    });
  });
});
