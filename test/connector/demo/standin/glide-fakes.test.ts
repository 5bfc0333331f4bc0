// The Glide fakes' platform quirks and the blocking channel, without a worker: the RPC is answered
// synchronously by a table here.
import { expect } from 'chai';
import { createGlide, newSession, type Session } from '../../../../connector/src/demo/standin/glide-fakes.js';
import type { GlideCall } from '../../../../connector/src/demo/standin/plugin-protocol.js';
import { answer, callSync, createChannel } from '../../../../connector/src/demo/standin/sync-rpc.js';
import { filterCondition } from '../../../../connector/src/demo/standin/business-rules.js';

describe('stand-in Glide fakes', () => {
  const calls: GlideCall[] = [];
  let session: Session = newSession('tech', 'u1', ['itil']);
  const rows = [
    { sys_id: 'a'.repeat(32), correlation_id: 'k1', verdict: 'pass', checks: '', evaluated_at: 'x' },
    { sys_id: 'b'.repeat(32), correlation_id: 'k2', verdict: 'fail', checks: '[]', evaluated_at: 'y' },
  ];
  const glide = createGlide(
    (call) => {
      calls.push(call);
      if (call.op === 'property') return call.name === 'known' ? 'value' : null;
      if (call.op === 'query') return rows;
      if (call.op === 'insert') return 'c'.repeat(32);
      if (call.op === 'http') {
        return {
          status: 0,
          body: '',
          headers: {},
          error: 'java.net.ConnectException: Connection refused (Connection refused)',
        };
      }
      return null;
    },
    () => session,
  );

  beforeEach(() => {
    calls.length = 0;
    session = newSession('tech', 'u1', ['itil']);
  });

  it('getValue: null for empty, "1"/"0" for booleans; unknown columns are ignored by setValue and read as null', () => {
    const record = new glide.GlideRecord('incident', {
      sys_id: 'd'.repeat(32),
      correlation_id: '',
      active: 'true',
    });
    expect(record.getValue('correlation_id')).to.equal(null);
    expect(record.getValue('active')).to.equal('1');
    record.setValue('active', false);
    expect(record.getValue('active')).to.equal('0');
    record.setValue('u_nope', 'x');
    expect(record.getValue('u_nope')).to.equal(null);
    expect(record.toRow()).to.not.have.property('u_nope');
    expect(record.getUniqueValue()).to.equal('d'.repeat(32));
  });

  it('queries become encoded queries, including an unknown column (which then matches every row)', () => {
    const record = new glide.GlideRecord('x_closeloop_verdict');
    record.addQuery('correlation_id', 'k1');
    record.addQuery('u_bogus', '!=', 'x');
    record.orderByDesc('sys_updated_on');
    record.setLimit(2);
    record.query();
    expect(calls[0]).to.deep.equal({
      op: 'query',
      table: 'x_closeloop_verdict',
      encodedQuery: 'correlation_id=k1^u_bogus!=x^ORDERBYDESCsys_updated_on',
      limit: 2,
    });
    expect(record.next()).to.equal(true);
    expect(record.getValue('checks')).to.equal(null);
    expect(record.next()).to.equal(true);
    expect(record.next()).to.equal(false);
  });

  it('insert returns the new sys_id; gs reads properties (alt only when missing), roles (admin has all) and messages', () => {
    const audit = new glide.GlideRecord('x_closeloop_closure_audit');
    audit.initialize();
    audit.setValue('outcome', 'blocked');
    expect(audit.insert()).to.equal('c'.repeat(32));
    expect(glide.gs.getProperty('known', 'alt')).to.equal('value');
    expect(glide.gs.getProperty('missing', 'alt')).to.equal('alt');
    expect(glide.gs.hasRole('x_closeloop.closure_override')).to.equal(false);
    session = newSession('admin', 'u0', ['admin']);
    expect(glide.gs.hasRole('x_closeloop.closure_override')).to.equal(true);
    glide.gs.addErrorMessage('<p>blocked</p>');
    glide.gs.warn('careful');
    expect(session.errorMessages).to.deep.equal(['<p>blocked</p>']);
    expect(session.logs).to.deep.equal([{ level: 'warn', message: 'careful' }]);
  });

  it('RESTMessageV2.execute() reports a refused connection as status 0 with the Java message', () => {
    const message = new glide.RESTMessageV2();
    message.setEndpoint('http://127.0.0.1:9/v1/closure-checks');
    message.setHttpMethod('post');
    message.setRequestHeader('X-API-Key', 'k');
    message.setRequestBody('{}');
    message.setHttpTimeout(1500);
    const response = message.execute();
    expect(calls[0]).to.deep.include({
      op: 'http',
      method: 'POST',
      timeoutMs: 1500,
      headers: { 'X-API-Key': 'k' },
    });
    expect(response.getStatusCode()).to.equal(0);
    expect(response.haveError()).to.equal(true);
    expect(response.getErrorMessage()).to.match(/ConnectException/);
  });

  it('filter conditions: CHANGESTO, CHANGESFROM, VALCHANGES and plain conditions, ANDed; ^OR binds tighter', () => {
    const context = (previous: Record<string, string>, current: Record<string, string>) => ({
      table: 'incident',
      operation: 'update' as const,
      current,
      previous,
      user: 'u',
      roles: [],
      session: 's',
      interactive: false,
    });
    expect(filterCondition('stateCHANGESTO6^EQ')(context({ state: '2' }, { state: '6' }))).to.equal(true);
    expect(filterCondition('stateCHANGESTO6^EQ')(context({ state: '6' }, { state: '7' }))).to.equal(false);
    expect(filterCondition('stateCHANGESFROM6')(context({ state: '6' }, { state: '7' }))).to.equal(true);
    expect(
      filterCondition('impactVALCHANGES^active=true')(
        context({ impact: '3' }, { impact: '1', active: 'true' }),
      ),
    ).to.equal(true);
    expect(
      filterCondition('impactVALCHANGES^active=true')(
        context({ impact: '3' }, { impact: '1', active: 'false' }),
      ),
    ).to.equal(false);
    const guard = filterCondition(
      'stateVALCHANGES^ORcorrelation_idVALCHANGES^ORcorrelation_displayVALCHANGES^EQ',
    );
    expect(guard(context({ state: '2', correlation_id: 'k' }, { state: '2', correlation_id: 'x' }))).to.equal(
      true,
    );
    expect(guard(context({ state: '2', correlation_id: 'k' }, { state: '6', correlation_id: 'k' }))).to.equal(
      true,
    );
    expect(guard(context({ state: '2', correlation_id: 'k' }, { state: '2', correlation_id: 'k' }))).to.equal(
      false,
    );
    expect(
      filterCondition('stateVALCHANGES^ORimpact=1^active=true')(
        context({ state: '2' }, { state: '2', impact: '1', active: 'false' }),
      ),
    ).to.equal(false);
  });
});

describe('stand-in blocking channel', () => {
  it('returns what the other side answered', () => {
    const { channel } = createChannel(1024);
    expect(callSync(channel, () => answer(channel, { rows: [1, 2] }), 1000)).to.deep.equal({ rows: [1, 2] });
  });

  it('gives up after the timeout when nobody answers, and reports answers too large for the channel', () => {
    const { channel } = createChannel(64);
    expect(() => callSync(channel, () => undefined, 30)).to.throw(/did not answer within 30 ms/);
    expect(() => callSync(channel, () => answer(channel, 'x'.repeat(200)), 1000)).to.throw(
      /exceeds the channel/,
    );
  });
});
