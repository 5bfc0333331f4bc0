import { expect } from 'chai';
import { AlarmSchema } from '../../../../connector/src/model/alarm.js';
import { decode } from '../../../../connector/src/sources/webhook/decode.js';
import { fieldMapProblems } from '../../../../connector/src/sources/mapped-record.js';
import { alarmFixture, RECEIVED, shippedSource, source } from '../fixtures.js';

const opts = { receivedAt: RECEIVED };

describe('sources/webhook decode', () => {
  const bms = shippedSource('bms', 'webhook');

  it('decodes the BMS fixture through the shipped field map', () => {
    const body = alarmFixture('bms-crah-supply-air-high.json');
    const r = decode('bms', bms, body, opts);
    expect(r.errors).to.deep.equal([]);
    expect(r.alarms).to.have.length(1);
    const a = r.alarms[0];
    expect(AlarmSchema.parse(a)).to.deep.equal(a);
    expect(a).to.deep.equal({
      source: 'bms',
      sourceKind: 'webhook',
      id: 'DC1-CRAH-1-SAT-HI',
      state: 'active',
      severity: 'major',
      type: 'supply_air_temp_high',
      raisedAt: '2025-06-12T14:02:11.000Z',
      clock: 'source',
      receivedAt: '2025-06-12T14:15:00.000Z',
      asset: {
        site: 'DC1',
        room: 'HALL-A',
        row: 'A1',
        equipmentId: 'CRAH-1',
        equipmentName: 'CRAH-1 Hall A row A1',
        equipmentClass: 'CRAH',
      },
      value: 29.4,
      unit: '°C',
      limit: 27,
      text: 'CRAH-1 supply air temperature 29.4 °C above high limit 27 °C',
      labels: { point: 'DC1/HALL-A/CRAH-1/SAT', bms_priority: 'HIGH' },
      raw: body,
    });
  });

  it('maps the return to normal to a clear of the same id', () => {
    const body = { ...(alarmFixture('bms-crah-supply-air-high.json') as object), state: 'RETURN_TO_NORMAL' };
    const [a] = decode('bms', bms, body, opts).alarms;
    expect(a?.state).to.equal('cleared');
    expect(a?.id).to.equal('DC1-CRAH-1-SAT-HI');
  });

  it('takes a top-level array as a batch when no batch_path is set', () => {
    const one = alarmFixture('bms-crah-supply-air-high.json') as Record<string, unknown>;
    const r = decode('bms', bms, [one, { ...one, alarmId: 'X2', priority: 'URGENT' }], opts);
    expect(r.alarms.map((a) => a.id)).to.deep.equal(['DC1-CRAH-1-SAT-HI']);
    expect(r.errors).to.deep.equal([
      {
        index: 1,
        message:
          '[1].priority (severity): "URGENT" is not one of critical, major, minor, warning, info, LIFE_SAFETY, HIGH, MEDIUM, LOW, NOTICE',
        raw: { ...one, alarmId: 'X2', priority: 'URGENT' },
      },
    ]);
  });

  describe('batches at batch_path', () => {
    const vendor = source({
      kind: 'webhook',
      batch_path: '$.data.alarms',
      fields: {
        id: '$.uid',
        state: '$.active',
        severity: '$.sev',
        type: '$.kind',
        raised_at: '$.ts',
        rack: '$.loc[1]',
        value: '$.v',
        limit: '$.lim',
        labels: { first_tag: '$.tags[0]', extra: '$.meta' },
      },
      state_values: { true: 'active', false: 'cleared' },
      severity_values: { '1': 'critical', '2': 'major' },
    });
    const good = {
      uid: 7,
      active: true,
      sev: 1,
      kind: 'door_open',
      ts: 1749736931,
      loc: ['HALL-A', 'R03'],
      v: '3',
      lim: '0.5',
      tags: ['x'],
    };

    it('decodes numbers-as-strings, booleans, epoch seconds, array paths and structured labels', () => {
      const r = decode(
        'dcim',
        vendor,
        { data: { alarms: [good, { ...good, uid: 'u8', active: false, meta: { a: 1 } }] } },
        opts,
      );
      expect(r.errors).to.deep.equal([]);
      expect(
        r.alarms.map((a) => [a.id, a.state, a.severity, a.raisedAt, a.asset.rack, a.value, a.limit, a.text]),
      ).to.deep.equal([
        ['7', 'active', 'critical', '2025-06-12T14:02:11.000Z', 'R03', 3, 0.5, 'door_open'],
        ['u8', 'cleared', 'critical', '2025-06-12T14:02:11.000Z', 'R03', 3, 0.5, 'door_open'],
      ]);
      expect(r.alarms[0]?.labels).to.deep.equal({ first_tag: 'x' });
      expect(r.alarms[1]?.labels).to.deep.equal({ first_tag: 'x', extra: '{"a":1}' });
      expect(r.alarms[1]?.raw).to.deep.equal({ ...good, uid: 'u8', active: false, meta: { a: 1 } });
    });

    const table: Array<[string, Record<string, unknown>, string]> = [
      [
        'unknown severity',
        { sev: 'urgent' },
        'data.alarms[3].sev (severity): "urgent" is not one of critical, major, minor, warning, info, 1, 2',
      ],
      [
        'unknown state',
        { active: 'maybe' },
        'data.alarms[3].active (state): "maybe" is not one of true, false',
      ],
      ['missing id', { uid: undefined }, 'data.alarms[3].uid (id): missing'],
      ['empty type', { kind: '' }, 'data.alarms[3].kind (type): missing'],
      ['object as id', { uid: { x: 1 } }, 'data.alarms[3].uid (id): {"x":1} is not text'],
      ['non-numeric value', { v: '12 kW' }, 'data.alarms[3].v (value): "12 kW" is not a number'],
      [
        'naive local time',
        { ts: '2025-06-12T14:02:11' },
        'data.alarms[3].ts (raised_at): "2025-06-12T14:02:11" is not an ISO 8601 time with offset (or epoch seconds/ms)',
      ],
      [
        'id too long',
        { uid: 'x'.repeat(201) },
        'data.alarms[3].id: Too big: expected string to have <=200 characters',
      ],
      [
        'two problems at once',
        { sev: 'urgent', v: 'n/a' },
        'data.alarms[3].sev (severity): "urgent" is not one of critical, major, minor, warning, info, 1, 2; data.alarms[3].v (value): "n/a" is not a number',
      ],
    ];
    for (const [name, patch, message] of table) {
      it(`reports ${name} with its index and keeps the good alarms`, () => {
        const bad = { ...good, ...patch };
        const alarms = [good, good, good, bad, good];
        const r = decode('dcim', vendor, { data: { alarms } }, opts);
        expect(r.alarms).to.have.length(4);
        expect(r.errors).to.deep.equal([{ index: 3, message, raw: bad }]);
      });
    }

    it('reports a non-object batch entry', () => {
      const r = decode('dcim', vendor, { data: { alarms: [good, 'oops'] } }, opts);
      expect(r.alarms).to.have.length(1);
      expect(r.errors).to.deep.equal([
        { index: 1, message: 'data.alarms[1]: expected an object, got string "oops"', raw: 'oops' },
      ]);
    });

    it('rejects a body without the batch array as a whole', () => {
      for (const body of [{ data: {} }, { data: { alarms: {} } }, 'text', null]) {
        const r = decode('dcim', vendor, body, opts);
        expect(r.alarms).to.deep.equal([]);
        expect(r.errors).to.have.length(1);
        expect(r.errors[0]?.index).to.equal(null);
        expect(r.errors[0]?.message).to.match(/^\$\.data\.alarms: expected an array of alarms, got /);
        expect(r.errors[0]?.raw).to.equal(body);
      }
    });

    it('decodes an empty batch to nothing, without errors', () => {
      expect(decode('dcim', vendor, { data: { alarms: [] } }, opts)).to.deep.equal({
        alarms: [],
        positions: [],
        errors: [],
      });
    });
  });

  it('rejects a single-alarm body that is not an object', () => {
    const r = decode('bms', bms, 42, opts);
    expect(r.errors).to.deep.equal([
      {
        index: null,
        message: 'expected a JSON object (one alarm) or an array of alarms, got number 42',
        raw: 42,
      },
    ]);
  });

  it('uses receivedAt when the vendor sends no time, and the type as text', () => {
    const cfg = source({
      kind: 'webhook',
      fields: { id: '$.id', state: '$.s', severity: '$.p', type: '$.t' },
    });
    const r = decode('x', cfg, { id: 'a', s: 'active', p: 'Minor', t: 'smoke' }, opts);
    expect(r.alarms[0]).to.include({
      raisedAt: RECEIVED.toISOString(),
      clock: 'received',
      text: 'smoke',
      severity: 'minor',
    });
  });

  it('reports a malformed path in the configuration instead of throwing', () => {
    const cfg = source({
      kind: 'webhook',
      fields: { id: 'id', state: '$.s', severity: '$.p', type: '$.t[x]' },
    });
    expect(fieldMapProblems(cfg)).to.deep.equal([
      'fields.id: path "id" must start with "$"',
      'fields.type: path "$.t[x]": unexpected "[" at position 3',
    ]);
    const r = decode('x', cfg, { id: 'a' }, opts);
    expect(r.errors[0]?.index).to.equal(null);
    expect(r.errors[0]?.message).to.match(/^source "x" is misconfigured: fields\.id: /);
  });
});
