import { expect } from 'chai';
import { AlarmSchema } from '../../../../connector/src/model/alarm.js';
import { decode } from '../../../../connector/src/sources/alertmanager/decode.js';
import { alarmFixture, RECEIVED, shippedSource, source } from '../fixtures.js';

const opts = { receivedAt: RECEIVED };
type Payload = { alerts: Array<Record<string, unknown>> } & Record<string, unknown>;
const fixture = (name: string) => structuredClone(alarmFixture(name)) as Payload;

describe('sources/alertmanager decode', () => {
  const am = shippedSource('alertmanager', 'alertmanager');

  it('decodes the DCGM thermal-slowdown fixture: fingerprint id, asset from labels, DCGM labels kept', () => {
    const body = fixture('alertmanager-gpu-thermal-slowdown.json');
    const r = decode('alertmanager', am, body, opts);
    expect(r.errors).to.deep.equal([]);
    expect(r.notes).to.equal(undefined);
    const [a] = r.alarms;
    expect(AlarmSchema.parse(a)).to.deep.equal(a);
    expect(a).to.deep.include({
      source: 'alertmanager',
      sourceKind: 'alertmanager',
      id: '4f3a9c1d2b7e8f60',
      state: 'active',
      severity: 'warning',
      type: 'GpuThermalSlowdown',
      raisedAt: '2025-06-12T14:06:30.000Z',
      receivedAt: '2025-06-12T14:15:00.000Z',
      asset: { site: 'DC1', rack: 'R03', equipmentId: 'gpu-r03-01' },
      value: 88,
      text: 'GPU 5 on gpu-r03-01 is in thermal slowdown',
      raw: body.alerts[0],
    });
    expect(a?.labels).to.include({
      gpu: '5',
      UUID: 'GPU-6a1f0c2e-93b4-4d8e-8d7a-2f1c9e0b5a11',
      Hostname: 'gpu-r03-01',
      modelName: 'NVIDIA H100 80GB HBM3',
      alertname: 'GpuThermalSlowdown',
    });
  });

  it('keeps the unit the alert rule names beside its value (`unit` annotation)', () => {
    const body = fixture('alertmanager-gpu-thermal-slowdown.json');
    const alert = body.alerts[0] as { annotations: Record<string, string> };
    alert.annotations = { ...alert.annotations, unit: ' °C ' };
    expect(decode('alertmanager', am, body, opts).alarms[0]).to.deep.include({ value: 88, unit: '°C' });
    // No value, no unit: a unit alone says nothing.
    delete alert.annotations['value'];
    expect(decode('alertmanager', am, body, opts).alarms[0]).to.not.have.property('unit');
  });

  it('turns a resolved alert into a clear at endsAt', () => {
    const body = fixture('alertmanager-gpu-xid.json');
    body.status = 'resolved';
    body.alerts[0] = { ...body.alerts[0], status: 'resolved', endsAt: '2025-06-12T15:51:02Z' };
    const [a] = decode('alertmanager', am, body, opts).alarms;
    expect(a).to.deep.include({
      id: '9c2e7a41d0b35f18',
      state: 'cleared',
      severity: 'critical',
      raisedAt: '2025-06-12T15:51:02.000Z',
    });
  });

  const severities: Array<[Record<string, string>, string | undefined, string]> = [
    [{}, 'critical', 'critical'],
    [{}, 'warning', 'warning'],
    [{}, 'info', 'info'],
    [{}, 'page', 'critical'],
    [{}, 'High', 'major'],
    [{ P2: 'minor' }, 'P2', 'minor'],
    [{ warning: 'major' }, 'warning', 'major'],
  ];
  for (const [map, label, want] of severities) {
    it(`maps severity label ${label} with ${JSON.stringify(map)} → ${want}`, () => {
      const cfg = source({ kind: 'alertmanager', severity_values: map });
      const body = fixture('alertmanager-gpu-xid.json');
      body.alerts[0] = { ...body.alerts[0], labels: { alertname: 'X', severity: label } };
      expect(decode('am', cfg, body, opts).alarms[0]?.severity).to.equal(want);
    });
  }

  it('reads severity from the configured label and assumes warning (with a note) when absent', () => {
    const cfg = source({ kind: 'alertmanager', severity_label: 'priority' });
    const body = fixture('alertmanager-gpu-xid.json');
    const first = body.alerts[0] ?? {};
    body.alerts = [
      { ...first, labels: { alertname: 'A', priority: 'critical', severity: 'info' } },
      { ...first, fingerprint: 'f2', labels: { alertname: 'B', severity: 'critical' } },
    ];
    const r = decode('am', cfg, body, opts);
    expect(r.alarms.map((a) => a.severity)).to.deep.equal(['critical', 'warning']);
    expect(r.notes).to.deep.equal(['1 alert(s) had no "priority" label; severity warning assumed']);
  });

  it('reports truncatedAlerts in notes', () => {
    const body = fixture('alertmanager-gpu-xid.json');
    body.truncatedAlerts = 3;
    const r = decode('alertmanager', am, body, opts);
    expect(r.alarms).to.have.length(1);
    expect(r.notes).to.deep.equal([
      'Alertmanager truncated 3 alert(s) from group {}/{team="gpu-ops"}:{alertname="GpuXidError"} (max_alerts); they were not received',
    ]);
  });

  const bad: Array<[string, (a: Record<string, unknown>) => Record<string, unknown>, string]> = [
    [
      'unknown severity',
      (a) => ({ ...a, labels: { alertname: 'X', severity: 'urgent' } }),
      'alerts[1].labels.severity: "urgent" is not one of critical, page, emergency, high, major, error, medium, minor, low, warning, warn, info, informational, none',
    ],
    [
      'no fingerprint',
      (a) => ({ ...a, fingerprint: undefined }),
      'alerts[1].fingerprint: Invalid input: expected string, received undefined',
    ],
    [
      'no alertname',
      (a) => ({ ...a, labels: { severity: 'critical' } }),
      'alerts[1].labels.alertname: missing',
    ],
    [
      'bad status',
      (a) => ({ ...a, status: 'pending' }),
      'alerts[1].status: Invalid option: expected one of "firing"|"resolved"',
    ],
    [
      'bad startsAt',
      (a) => ({ ...a, startsAt: 'soon' }),
      'alerts[1].startsAt: "soon" is not an ISO 8601 time with offset (or epoch seconds/ms)',
    ],
    [
      'numeric label',
      (a) => ({ ...a, labels: { alertname: 'X', gpu: 5 } }),
      'alerts[1].labels.gpu: Invalid input: expected string, received number',
    ],
  ];
  for (const [name, mutate, message] of bad) {
    it(`reports ${name} by index and keeps the other alerts`, () => {
      const body = fixture('alertmanager-gpu-xid.json');
      const good = body.alerts[0] ?? {};
      const broken = mutate(good);
      body.alerts = [good, broken, { ...good, fingerprint: 'other' }];
      const r = decode('am', am, body, opts);
      expect(r.alarms.map((a) => a.id)).to.deep.equal(['9c2e7a41d0b35f18', 'other']);
      expect(r.errors).to.deep.equal([{ index: 1, message, raw: broken }]);
    });
  }

  it('rejects bodies that are not Alertmanager payloads as a whole', () => {
    const cases: Array<[unknown, string]> = [
      [[], 'expected an Alertmanager webhook object, got an array'],
      [
        { status: 'firing' },
        'not an Alertmanager webhook payload: alerts: Invalid input: expected array, received undefined',
      ],
      [
        { alerts: {} },
        'not an Alertmanager webhook payload: alerts: Invalid input: expected array, received object',
      ],
      [
        { alerts: [], truncatedAlerts: -1 },
        'not an Alertmanager webhook payload: truncatedAlerts: Too small: expected number to be >=0',
      ],
    ];
    for (const [body, message] of cases) {
      expect(decode('am', am, body, opts).errors).to.deep.equal([{ index: null, message, raw: body }]);
    }
  });

  it('notes a payload version other than 4 but still decodes it', () => {
    const body = fixture('alertmanager-gpu-xid.json');
    body.version = '5';
    const r = decode('am', am, body, opts);
    expect(r.alarms).to.have.length(1);
    expect(r.notes).to.deep.equal(['Alertmanager payload version "5"; decoded as version 4']);
  });
});
