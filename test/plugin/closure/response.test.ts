import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';
import { FAILING_CHECK, NOW_ISO, verdictBody } from '../support/closure-fixtures.js';

const { response } = loadClosureModules();
const { parseClosureVerdictText, interpretConnectorReply } = response;

const problemOf = (body: string): string => {
  const result = parseClosureVerdictText(body);
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
};

describe('plugin closure/response', () => {
  it('parses the contract response, ignoring extra fields (event_key, console_url, samples)', () => {
    const body = verdictBody('fail', [{ ...FAILING_CHECK, samples: 12 } as never], NOW_ISO, {
      event_key: 'k',
      console_url: 'https://x/console/events/k',
    });
    expect(parseClosureVerdictText(body)).to.deep.equal({
      ok: true,
      verdict: { verdict: 'fail', checks: [FAILING_CHECK], evaluatedAt: NOW_ISO },
    });
  });

  it('renders numbers and null readings as text and fills a missing message', () => {
    const body = JSON.stringify({
      verdict: 'fail',
      checks: [{ name: 'inlet', status: 'FAIL', observed: 29.4, expected: null, window: '10m' }],
      evaluated_at: NOW_ISO,
    });
    const result = parseClosureVerdictText(body);
    expect(result.ok && result.verdict.checks[0]).to.deep.equal({
      name: 'inlet',
      status: 'fail',
      observed: '29.4',
      expected: '',
      window: '10m',
      message: 'inlet: fail, observed 29.4, over 10m',
    });
  });

  for (const [what, body, expected] of [
    ['not JSON', '<html>502 Bad Gateway</html>', 'body is not JSON: "<html>502 Bad Gateway</html>"'],
    ['an array', '[]', 'body is not a JSON object'],
    ['an unknown verdict', verdictBody('green'), 'verdict must be one of pass, fail, unknown, not_applicable, got "green"'],
    ['checks not an array', '{"verdict":"pass","checks":{},"evaluated_at":"2025-06-01T12:00:00Z"}', 'checks must be an array'],
    ['a missing evaluated_at', '{"verdict":"pass","checks":[]}', 'evaluated_at must be an ISO 8601 timestamp, got nothing'],
    ['an evaluated_at without zone', verdictBody('pass', [], '2025-06-01T12:00:00'), 'evaluated_at must be an ISO 8601'],
    ['a check without name', verdictBody('fail', [{ ...FAILING_CHECK, name: '' }]), 'checks[0]: name must be a non-empty string'],
    ['a check with an object reading', verdictBody('fail', [{ ...FAILING_CHECK, observed: {} as never }]), 'checks[0]: observed must be'],
  ] as const) {
    it(`rejects ${what} as malformed`, () => {
      const problem = problemOf(body);
      expect(problem).to.match(/^malformed connector response: /);
      expect(problem).to.contain(expected);
    });
  }

  it('rejects an absurd number of checks', () => {
    const checks = Array.from({ length: 201 }, () => FAILING_CHECK);
    expect(problemOf(verdictBody('fail', checks))).to.contain('too many checks (201)');
  });

  it('turns transport failures and HTTP errors into problems', () => {
    expect(interpretConnectorReply({ kind: 'failure', reason: 'timeout', detail: 'Read timed out' })).to.deep.equal({
      ok: false,
      problem: 'connector did not answer in time (Read timed out)',
    });
    expect(interpretConnectorReply({ kind: 'failure', reason: 'unreachable', detail: '' })).to.deep.equal({
      ok: false,
      problem: 'connector could not be reached',
    });
    expect(interpretConnectorReply({ kind: 'response', statusCode: 503, body: ' busy \n' })).to.deep.equal({
      ok: false,
      problem: 'connector answered HTTP 503: "busy"',
    });
    expect(interpretConnectorReply({ kind: 'response', statusCode: 200, body: verdictBody('pass') }).ok).to.equal(true);
  });

  it('truncates long bodies in problems', () => {
    const result = interpretConnectorReply({ kind: 'response', statusCode: 500, body: 'e'.repeat(1000) });
    expect(!result.ok && result.problem.length).to.be.lessThan(220);
  });
});
