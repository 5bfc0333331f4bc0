import { expect } from 'chai';
import { matches, order, parseEncodedQuery } from '../../../../connector/src/demo/standin/encoded-query.js';
import { startHarness, type Harness } from './helpers.js';

describe('stand-in encoded queries', () => {
  describe('parsing', () => {
    it('reads AND, OR (binding tighter than AND), ^NQ and ORDERBY terms', () => {
      const query = parseEncodedQuery(
        'active=true^state=1^ORstate=2^NQnumberSTARTSWITHINC^ORDERBYDESCsys_created_on^ORDERBYnumber',
      );
      expect(query.alternatives).to.deep.equal([
        [
          [{ field: 'active', operator: '=', value: 'true' }],
          [
            { field: 'state', operator: '=', value: '1' },
            { field: 'state', operator: '=', value: '2' },
          ],
        ],
        [[{ field: 'number', operator: 'STARTSWITH', value: 'INC' }]],
      ]);
      expect(query.orderBy).to.deep.equal([
        { field: 'sys_created_on', descending: true },
        { field: 'number', descending: false },
      ]);
    });

    it('splits each operator from the field name', () => {
      const cases: [string, string, string, string][] = [
        ['state!=6', 'state', '!=', '6'],
        ['stateIN1,2,3', 'state', 'IN', '1,2,3'],
        ['stateNOT IN6,7', 'state', 'NOT IN', '6,7'],
        ['short_descriptionLIKEsupply air', 'short_description', 'LIKE', 'supply air'],
        ['correlation_idISEMPTY', 'correlation_id', 'ISEMPTY', ''],
        ['correlation_idISNOTEMPTY', 'correlation_id', 'ISNOTEMPTY', ''],
        ['priority<=2', 'priority', '<=', '2'],
        ['cmdb_ci.name=CRAH-1', 'cmdb_ci.name', '=', 'CRAH-1'],
      ];
      for (const [text, field, operator, value] of cases) {
        expect(parseEncodedQuery(text).alternatives[0]?.[0]?.[0], text).to.deep.equal({
          field,
          operator,
          value,
        });
      }
    });

    it('matches and orders plain rows through a reader', () => {
      const rows = [
        { n: 'b', p: '2' },
        { n: 'a', p: '10' },
        { n: 'c', p: '1' },
      ];
      const read = (row: { n: string; p: string }, field: string) =>
        field === 'n'
          ? { value: row.n, numeric: false }
          : field === 'p'
            ? { value: row.p, numeric: true }
            : undefined;
      const query = parseEncodedQuery('p>1^ORDERBYDESCp');
      const kept = rows.filter((row) => matches(query, (field) => read(row, field)));
      expect(order(kept, query.orderBy, read).map((r) => r.n)).to.deep.equal(['a', 'b']);
    });
  });

  describe('over HTTP', () => {
    let h: Harness;
    const numbers = async (query: string): Promise<string[]> => {
      const res = await h.http.get('/api/now/table/incident', {
        params: { sysparm_query: query, sysparm_fields: 'number' },
      });
      expect(res.status, query).to.equal(200);
      return (res.data.result as { number: string }[]).map((r) => r.number);
    };

    before(async () => {
      h = await startHarness();
      const [cooling] = h.standin.tables.list('sys_user_group', 'name=Facilities - Cooling');
      const [crah] = h.standin.tables.list('cmdb_ci', 'name=CRAH-1');
      await h.standin.tables.insert('incident', {
        short_description: 'CRAH-1 supply air temperature high',
        correlation_id: 'dc1/zone-a/crah',
        assignment_group: cooling?.sys_id ?? '',
        cmdb_ci: crah?.sys_id ?? '',
        impact: 1,
        urgency: 1,
      }); // INC0010001
      await h.standin.tables.insert('incident', {
        short_description: 'GPU thermal slowdown gpu-r01-01',
        correlation_id: 'dc1/zone-a/gpu',
        state: 2,
      }); // INC0010002
      await h.standin.tables.insert('incident', {
        short_description: 'UPS-1 on battery',
        impact: 2,
        urgency: 2,
      }); // INC0010003
    });
    after(async () => {
      await h.standin.close();
    });

    it('=, != and ^ (AND)', async () => {
      expect(await numbers('correlation_id=dc1/zone-a/crah')).to.deep.equal(['INC0010001']);
      expect(await numbers('state!=1')).to.deep.equal(['INC0010002']);
      expect(await numbers('state=1^priority=1')).to.deep.equal(['INC0010001']);
    });

    it('compares strings without regard to case, as the platform database does', async () => {
      expect(await numbers('correlation_id=DC1/ZONE-A/CRAH')).to.deep.equal(['INC0010001']);
    });

    it('^OR, IN, STARTSWITH, LIKE', async () => {
      expect(await numbers('correlation_id=dc1/zone-a/crah^ORstate=2')).to.deep.equal([
        'INC0010001',
        'INC0010002',
      ]);
      expect(await numbers('priorityIN1,3')).to.deep.equal(['INC0010001', 'INC0010003']);
      expect(await numbers('correlation_idSTARTSWITHdc1/zone-a')).to.deep.equal(['INC0010001', 'INC0010002']);
      expect(await numbers('short_descriptionLIKEthermal')).to.deep.equal(['INC0010002']);
    });

    it('ISEMPTY and ISNOTEMPTY', async () => {
      expect(await numbers('correlation_idISEMPTY')).to.deep.equal(['INC0010003']);
      expect(await numbers('correlation_idISNOTEMPTY')).to.deep.equal(['INC0010001', 'INC0010002']);
    });

    it('ORDERBY and ORDERBYDESC (numeric for integer columns)', async () => {
      expect(await numbers('ORDERBYDESCnumber')).to.deep.equal(['INC0010003', 'INC0010002', 'INC0010001']);
      expect(await numbers('ORDERBYpriority')).to.deep.equal(['INC0010001', 'INC0010003', 'INC0010002']);
    });

    it('dot-walks through a reference', async () => {
      expect(await numbers('cmdb_ci.name=CRAH-1')).to.deep.equal(['INC0010001']);
      expect(await numbers('assignment_group.name=Facilities - Cooling')).to.deep.equal(['INC0010001']);
    });

    it('silently ignores an invalid field name, so the query matches EVERY row (as the platform does)', async () => {
      const all = await numbers('');
      expect(all).to.have.length(3);
      expect(await numbers('u_correlation_key=dc1/zone-a/crah')).to.deep.equal(all);
      // Only the invalid condition is dropped; valid ones beside it still apply.
      expect(await numbers('u_bogus=1^state=2')).to.deep.equal(['INC0010002']);
    });
  });
});
