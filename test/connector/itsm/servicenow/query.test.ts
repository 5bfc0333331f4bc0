import { expect } from 'chai';
import { ServiceNowError } from '../../../../connector/src/itsm/servicenow/errors.js';
import {
  and,
  correlationIdProblem,
  correlationIdTerm,
  eq,
  isIn,
  normaliseBaseUrl,
  tableParams,
  tablePath,
  withQuery,
} from '../../../../connector/src/itsm/servicenow/query.js';

function refusal(fn: () => unknown): ServiceNowError {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(ServiceNowError);
    const err = e as ServiceNowError;
    expect(err.kind).to.equal('invalid_input');
    expect(err.retryable).to.equal(false);
    return err;
  }
  throw new Error('expected a refusal');
}

describe('itsm/servicenow/query', () => {
  describe('correlation_id validation', () => {
    const cases: [string, unknown, RegExp | null][] = [
      ['a normal key', 'dc1/hall-a/crah-07/supply-temp-high', null],
      ['exactly 100 chars', 'k'.repeat(100), null],
      ['empty', '', /empty/],
      ['only spaces', '   ', /empty/],
      ['101 chars', 'k'.repeat(101), /101 characters \(max 100\)/],
      ['a caret', 'a^ORcorrelation_idISNOTEMPTY', /"\^"/],
      ['a newline', 'a\nb', /line break/],
      ['a carriage return', 'a\rb', /line break/],
      ['not a string', 42, /must be a string/],
      ['a script value', 'javascript:gs.getUser().getName()', /javascript:/],
      ['a script value in other case, after spaces', '  JavaScript :1', /javascript:/],
      ['"javascript:" not at the start', 'DC1/equipment/javascript:x', null],
    ];
    for (const [name, key, expected] of cases) {
      it(`${name} → ${expected === null ? 'accepted' : 'refused'}`, () => {
        const problem = correlationIdProblem(key);
        if (expected === null) expect(problem).to.equal(null);
        else expect(problem).to.match(expected);
      });
    }

    it('the query term is an exact match, and refuses a bad key', () => {
      expect(correlationIdTerm('find', 'dc1/crah-07')).to.equal('correlation_id=dc1/crah-07');
      expect(refusal(() => correlationIdTerm('find incident', '')).message).to.equal(
        'ServiceNow find incident: refusing to query with this key: correlation_id is empty',
      );
    });
  });

  it('builds encoded queries from checked terms', () => {
    expect(
      and(isIn('op', 'name', ['incident', 'task']), eq('op', 'element', 'close_code'), 'inactive=false'),
    ).to.equal('nameINincident,task^element=close_code^inactive=false');
    expect(eq('op', 'location.name', 'Hall A')).to.equal('location.name=Hall A');
  });

  it('refuses unsafe fields and values', () => {
    refusal(() => eq('op', 'name^ORname', 'x'));
    refusal(() => eq('op', 'Name', 'x'));
    refusal(() => eq('op', 'name', ''));
    refusal(() => eq('op', 'name', 'a^b'));
    refusal(() => isIn('op', 'name', []));
    refusal(() => isIn('op', 'name', ['a,b']));
    // The instance would run it as a script and compare with the result.
    refusal(() => eq('op', 'name', 'javascript:gs.getUserID()'));
    refusal(() => isIn('op', 'name', ['CRAH-1', 'javascript:new GlideRecord("sys_user")']));
  });

  it('builds table paths with checked names and sys_ids', () => {
    expect(tablePath('op', 'incident')).to.equal('/api/now/table/incident');
    expect(tablePath('op', 'x_closeloop_verdict', '9d385017c611228701d22104cc95c371')).to.equal(
      '/api/now/table/x_closeloop_verdict/9d385017c611228701d22104cc95c371',
    );
    refusal(() => tablePath('op', '../incident'));
    refusal(() => tablePath('op', 'incident', '../../sys_user'));
    refusal(() => tablePath('op', 'incident', 'INC0010023'));
  });

  it('encodes the query string in a fixed order', () => {
    const url = withQuery(
      '/api/now/table/incident',
      tableParams({ query: 'correlation_id=dc1/a b', fields: ['sys_id', 'number'], limit: 2 }),
    );
    expect(url).to.equal(
      '/api/now/table/incident?sysparm_query=correlation_id%3Ddc1%2Fa%20b&sysparm_fields=sys_id%2Cnumber&sysparm_limit=2&sysparm_exclude_reference_link=true',
    );
    expect(withQuery('/x', [])).to.equal('/x');
  });

  it('normalises the instance URL', () => {
    expect(normaliseBaseUrl('https://acme.service-now.com//')).to.equal('https://acme.service-now.com');
    expect(normaliseBaseUrl('http://127.0.0.1:8080')).to.equal('http://127.0.0.1:8080');
  });
});
