import { expect } from 'chai';
import {
  addLogSecrets,
  createLogger,
  createSecretMask,
} from '../../../connector/src/observability/logger.js';
import { sourceSecrets } from '../../../connector/src/service/credentials.js';
import { SourceSchema } from '../../../connector/src/mapping/schema.js';
import { createLogLimiter } from '../../../connector/src/observability/log-limiter.js';

describe('log masking', () => {
  it('masks secrets of any length, raw, JSON-escaped and URL-encoded, longest first', () => {
    const m = createSecretMask(['k', 'pa"ss\\word', 'a b&c', 'token-abc', 'token-abcdef']);
    expect(m.mask('key k')).to.equal('[REDACTED]ey [REDACTED]');
    expect(m.mask(JSON.stringify({ msg: 'pa"ss\\word' }))).to.equal('{"msg":"[REDACTED]"}');
    expect(m.mask('/x?q=a%20b%26c')).to.equal('/x?q=[REDACTED]');
    expect(m.mask('token-abcdef')).to.equal('[REDACTED]');
  });

  it('masks credential-like query values it was never told about', () => {
    const m = createSecretMask([]);
    expect(m.mask('GET /v1/x?token=abc&b=1&access_token=zz#f')).to.equal(
      'GET /v1/x?token=[REDACTED]&b=1&access_token=[REDACTED]#f',
    );
    expect(m.mask('"url":"/a?API_KEY=s3cr3t"')).to.equal('"url":"/a?API_KEY=[REDACTED]"');
    expect(m.mask('/a?stoken=1&signature=sha256%3Dab')).to.equal('/a?stoken=1&signature=[REDACTED]');
    const basic = Buffer.from('integration:p4ss').toString('base64');
    expect(m.mask(`{"Authorization":"Basic ${basic}"}`)).to.equal('{"Authorization":"Basic [REDACTED]"}');
    expect(m.mask('authorization: Bearer eyJhbGciOi.x-y_z')).to.equal('authorization: Bearer [REDACTED]');
  });

  it('learns secrets after creation (the per-source ones the runtime resolves)', () => {
    const lines: string[] = [];
    const log = createLogger({
      level: 'info',
      secrets: [],
      destination: { write: (l: string) => void lines.push(l) },
    });
    log.info('first ab1');
    addLogSecrets(log, ['ab1']);
    log.info('second ab1');
    expect(lines[0]).to.include('first ab1');
    expect(lines[1]).to.include('second [REDACTED]');
  });

  it('collects every per-source secret the mappings name from the environment', () => {
    const env = {
      T: 'tok',
      H: 'hm',
      C: ' c1 , c2',
      A: 'auth',
      P: 'priv',
      M: 'mqpw',
      U: 'user-not-secret',
    };
    const fields = { id: '$.id', state: '$.state', severity: '$.severity', type: '$.type' };
    const sources = {
      a: SourceSchema.parse({ kind: 'webhook', auth: { type: 'bearer', token_env: 'T' }, fields }),
      b: SourceSchema.parse({ kind: 'redfish', auth: { type: 'hmac', secret_env: 'H' } }),
      c: SourceSchema.parse({
        kind: 'snmp',
        communities: ['lit'],
        communities_env: 'C',
        users: [
          { name: 'u', auth_protocol: 'sha', auth_key_env: 'A', priv_protocol: 'aes', priv_key_env: 'P' },
        ],
      }),
      d: SourceSchema.parse({
        kind: 'mqtt',
        url: 'mqtt://x',
        topics: ['t'],
        username_env: 'U',
        password_env: 'M',
      }),
    };
    expect(sourceSecrets(sources, env)).to.have.members([
      'tok',
      'hm',
      'lit',
      ' c1 , c2',
      'c1',
      'c2',
      'auth',
      'priv',
      'mqpw',
    ]);
  });
});

describe('log limiter', () => {
  it('lets a few lines per key and window through and reports the rest as one count', () => {
    const reports: [string, number][] = [];
    const l = createLogLimiter({
      perWindow: 2,
      windowMs: 1000,
      onSuppressed: (k, n) => reports.push([k, n]),
    });
    const admitted = [0, 1, 2, 3, 4].map((i) => l.admit('junk', i));
    expect(admitted).to.deep.equal([true, true, false, false, false]);
    expect(l.admit('other', 5)).to.equal(true);
    expect(l.admit('junk', 1001)).to.equal(true);
    expect(reports).to.deep.equal([['junk', 3]]);
    l.admit('junk', 1002);
    l.admit('junk', 1003);
    l.close();
    expect(reports).to.deep.equal([
      ['junk', 3],
      ['junk', 1],
    ]);
  });
});
