// Every value the connector writes fits its ServiceNow column and carries no control characters:
// the pure rules, and the client applying them to every write (with one warning per field).
import { expect } from 'chai';
import { checkResult } from '../../../support/alarms.js';
import nock from 'nock';
import { createServiceNowClient } from '../../../../connector/src/itsm/servicenow/client.js';
import { deliverOperation } from '../../../../connector/src/itsm/servicenow/deliver.js';
import type { ServiceNowError } from '../../../../connector/src/itsm/servicenow/errors.js';
import {
  ELLIPSIS,
  VERDICT_COLUMNS,
  boundRecord,
  boundText,
  cleanText,
  taskColumns,
} from '../../../../connector/src/itsm/servicenow/field-bounds.js';
import type { ServiceNowLogger } from '../../../../connector/src/itsm/servicenow/hooks.js';
import { OperationSchema } from '../../../../connector/src/outbox/operations.js';
import {
  FIRST_ATTEMPT,
  INSTANCE,
  SN_HEADERS,
  SYS_ID,
  basicConfig,
  incident,
  listQuery,
  useNock,
} from './helpers.js';

const KEY = 'dc1/hall-a/crah-07/supply-temp-high';
const WRITE_QUERY = listQuery({ sysparm_fields: 'sys_id,number,state,correlation_id' });

function capturingLogger(): ServiceNowLogger & { warnings: { obj: object; msg: string }[] } {
  const warnings: { obj: object; msg: string }[] = [];
  return { debug: () => undefined, warn: (obj, msg) => void warnings.push({ obj, msg }), warnings };
}

describe('itsm/servicenow: field bounds', () => {
  describe('cleanText', () => {
    it('one-line: NUL, ESC sequences and other controls go; CR/LF/TAB become one space; trimmed', () => {
      expect(cleanText('CRAH-07\u0000 \u001b[31mhot\u001b[0m\r\n  zone A\tB \u0007', false)).to.equal(
        'CRAH-07 hot zone A B',
      );
      expect(cleanText('\u001b]0;title\u0007CDU\u001bc', false)).to.equal('CDU');
      expect(cleanText('a\u0085b\u009bc\u007f', false)).to.equal('abc');
    });

    it('multi-line: newlines (CRLF/CR normalised to LF) and tabs stay, other controls go', () => {
      expect(cleanText('line 1\r\nline 2\rline 3\n\tindented\u0000\u001b[1m!', true)).to.equal(
        'line 1\nline 2\nline 3\n\tindented!',
      );
    });

    it('half a surrogate pair becomes U+FFFD; whole pairs stay', () => {
      expect(cleanText('ok 🌡 \ud83c bad', false)).to.equal('ok 🌡 \ufffd bad');
    });
  });

  describe('boundText', () => {
    it('cuts to the column size in characters, ending in an ellipsis, and says from how long', () => {
      const r = boundText('x'.repeat(500_000), { max: 4000, multiline: true });
      expect([...r.value]).to.have.length(4000);
      expect(r.value.endsWith(ELLIPSIS)).to.equal(true);
      expect(r.truncatedFrom).to.equal(500_000);
    });

    it('counts characters, not UTF-16 units, and never splits a pair', () => {
      const r = boundText('🌡'.repeat(200), { max: 160, multiline: false });
      expect([...r.value]).to.have.length(160);
      expect(r.value).to.equal(`${'🌡'.repeat(159)}${ELLIPSIS}`);
    });

    it('leaves a value that fits alone', () => {
      expect(boundText('CRAH-07 supply air high', { max: 160, multiline: false })).to.deep.equal({
        value: 'CRAH-07 supply air high',
      });
    });
  });

  describe('boundRecord', () => {
    it('the task columns the connector writes, at their sizes; numbers untouched; unknown columns capped', () => {
      const r = boundRecord(
        'create incident',
        {
          short_description: 's'.repeat(300),
          description: 'd'.repeat(5000),
          work_notes: 'w'.repeat(5000),
          close_notes: 'c'.repeat(5000),
          category: 'k'.repeat(50),
          correlation_display: 'p'.repeat(150),
          u_zone: 'z'.repeat(9000),
          impact: 2,
          correlation_id: KEY,
        },
        taskColumns(),
      );
      const len = (f: string) => [...String(r.record[f])].length;
      expect(len('short_description')).to.equal(160);
      expect(len('description')).to.equal(4000);
      expect(len('work_notes')).to.equal(4000);
      expect(len('close_notes')).to.equal(4000);
      expect(len('category')).to.equal(40);
      expect(len('correlation_display')).to.equal(100);
      expect(len('u_zone')).to.equal(4000);
      expect(r.record.impact).to.equal(2);
      expect(r.record.correlation_id).to.equal(KEY);
      expect(r.truncated.map((t) => t.field).sort()).to.deep.equal([
        'category',
        'close_notes',
        'correlation_display',
        'description',
        'short_description',
        'u_zone',
        'work_notes',
      ]);
    });

    it('refuses, never alters, an exact column that does not fit (correlation_id, the verdict JSON)', () => {
      const refuse = (record: Record<string, string>, columns = taskColumns()) => {
        try {
          boundRecord('create incident', record, columns);
        } catch (e) {
          return e as ServiceNowError;
        }
        throw new Error('expected a refusal');
      };
      expect(refuse({ correlation_id: 'k'.repeat(101) })).to.include({
        kind: 'invalid_input',
        retryable: false,
      });
      expect(refuse({ correlation_id: 'k\u0000' }).message).to.equal(
        'ServiceNow create incident: refusing to write correlation_id: contains control characters',
      );
      expect(refuse({ checks: 'x'.repeat(8001) }, VERDICT_COLUMNS).message).to.match(
        /checks: 8001 characters \(the column holds 8000\)/,
      );
    });
  });

  describe('on the way out (client)', () => {
    useNock();

    it('a 500 KB description and a short_description with NUL/ESC/CRLF go out bounded and clean, one warning per field', async () => {
      const logger = capturingLogger();
      const client = createServiceNowClient({ config: basicConfig(), logger });
      const sent: Record<string, unknown>[] = [];
      const scope = nock(INSTANCE)
        .post('/api/now/table/incident', (body: Record<string, unknown>) => {
          sent.push(body);
          return true;
        })
        .query(WRITE_QUERY)
        .times(2)
        .reply(201, { result: incident() }, SN_HEADERS);
      const fields = {
        short_description: 'CRAH-07\u0000 supply air\u001b[31m high\r\nsecond line',
        description: `${'Alarm text. '.repeat(45_000)}`,
        correlation_id: KEY,
      };
      await client.createIncident(fields);
      await client.createIncident(fields);
      scope.done();
      expect(sent).to.have.length(2);
      const body = sent[0]!;
      expect(body.short_description).to.equal('CRAH-07 supply air high second line');
      expect([...String(body.description)]).to.have.length(4000);
      expect(String(body.description).endsWith(ELLIPSIS)).to.equal(true);
      expect(JSON.stringify(body).length).to.be.below(5000);
      expect(logger.warnings).to.have.length(1);
      expect(logger.warnings[0]!.obj).to.include({
        table: 'incident',
        field: 'description',
        length: 540_000,
        max: 4000,
      });
      expect(logger.warnings[0]!.msg).to.match(/incident\.description was longer than the column/);
    });

    it('work notes, close notes and the verdict row are bounded too', async () => {
      const sent: Record<string, unknown>[] = [];
      const capture = (body: Record<string, unknown>) => {
        sent.push(body);
        return true;
      };
      const scope = nock(INSTANCE)
        .patch(`/api/now/table/incident/${SYS_ID}`, capture)
        .query(WRITE_QUERY)
        .reply(200, { result: incident() }, SN_HEADERS)
        .get('/api/now/table/x_closeloop_verdict')
        .query(
          listQuery({
            sysparm_query: `correlation_id=${KEY}`,
            sysparm_fields: 'sys_id,correlation_id',
            sysparm_limit: '2',
          }),
        )
        .reply(200, { result: [] }, SN_HEADERS)
        .post('/api/now/table/x_closeloop_verdict', capture)
        .query(listQuery({ sysparm_fields: 'sys_id' }))
        .reply(201, { result: { sys_id: SYS_ID } }, SN_HEADERS)
        .patch(`/api/now/table/incident/${SYS_ID}`, capture)
        .query(WRITE_QUERY)
        .reply(200, { result: incident() }, SN_HEADERS);
      const config = basicConfig({
        resolve: { close_notes: `Resolved.\u0000 ${'n'.repeat(6000)}` },
      });
      const client = createServiceNowClient({ config });
      const link = { sysId: SYS_ID, number: 'INC0010023' };
      await deliverOperation(client, {
        key: KEY,
        link,
        op: OperationSchema.parse({ op: 'resolve', note: `All clear\u001b[0m\r\n${'y'.repeat(6000)}` }),
        config,
        attempt: FIRST_ATTEMPT,
      });
      await deliverOperation(client, {
        key: KEY,
        link,
        op: OperationSchema.parse({
          op: 'verdict',
          verdict: 'fail',
          checks: [
            checkResult({ name: 'supply', status: 'fail', message: `29.4 °C\u001b[31m ${'m'.repeat(5000)}` }),
          ],
          evaluatedAt: '2025-03-14T09:26:53Z\n',
          note: 'verdict\u0000 changed',
        }),
        config,
        attempt: FIRST_ATTEMPT,
      });
      scope.done();
      const [resolve, verdict, note] = sent as [
        Record<string, string>,
        Record<string, string>,
        Record<string, string>,
      ];
      expect([...resolve.work_notes!]).to.have.length(4000);
      expect(resolve.work_notes!.startsWith('All clear\n')).to.equal(true);
      expect([...resolve.close_notes!]).to.have.length(4000);
      expect(resolve.close_notes!.startsWith('Resolved. n')).to.equal(true);
      expect(verdict.evaluated_at).to.equal('2025-03-14T09:26:53Z');
      const checks = JSON.parse(verdict.checks!) as { message: string }[];
      expect(checks[0]!.message.startsWith('29.4 °C m')).to.equal(true);
      expect([...checks[0]!.message]).to.have.length(1000);
      expect(note.work_notes).to.equal('verdict changed');
    });

    it('a key with control characters is refused before anything is sent', async () => {
      const r = await deliverOperation(createServiceNowClient({ config: basicConfig() }), {
        key: 'DC1/CRAH\u001b[31m',
        link: null,
        op: OperationSchema.parse({ op: 'create', fields: { short_description: 'x' } }),
        config: basicConfig(),
        attempt: FIRST_ATTEMPT,
      });
      expect(r).to.deep.equal({
        ok: false,
        retryable: false,
        error: 'refusing to create an incident: correlation_id contains control characters',
      });
    });
  });
});
