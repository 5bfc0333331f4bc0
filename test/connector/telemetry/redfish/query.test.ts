import { expect } from 'chai';
import {
  extractReading,
  parseRedfishQuery,
  type RedfishQuery,
} from '../../../../connector/src/telemetry/redfish/query.js';

const q = (text: string): RedfishQuery => {
  const parsed = parseRedfishQuery(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
};

describe('telemetry/redfish/query', () => {
  it('parses URI#property, dotted and JSON-pointer paths, and bare sensor URIs', () => {
    expect(
      q('/redfish/v1/ThermalEquipment/CDUs/1/SecondaryCoolantConnectors/1#SupplyTemperatureCelsius'),
    ).to.deep.equal({
      uri: '/redfish/v1/ThermalEquipment/CDUs/1/SecondaryCoolantConnectors/1',
      path: ['SupplyTemperatureCelsius'],
    });
    expect(q('/redfish/v1/X/#/FlowLitersPerMinute/Reading').path).to.deep.equal([
      'FlowLitersPerMinute',
      'Reading',
    ]);
    expect(q('/redfish/v1/X#A.B').path).to.deep.equal(['A', 'B']);
    expect(q('/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow')).to.deep.equal({
      uri: '/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow',
      path: [],
    });
    expect(parseRedfishQuery('/api/x')).to.have.property('error').that.contains('/redfish/v1');
    expect(parseRedfishQuery('/redfish/v1/../etc')).to.have.property('error');
    expect(parseRedfishQuery('/redfish/v1/X#')).to.have.property('error');
  });

  it('a value of a resource that is not working (Status.State) is an invalid reading, not a reading of now', () => {
    const sensor = (State: unknown) => ({ Reading: 79.6, Status: { State, Health: 'OK' } });
    for (const state of [
      'UnavailableOffline',
      'Absent',
      'Disabled',
      'StandbyOffline',
      'Starting',
      'InTest',
      'Updating',
    ])
      for (const query of [
        '/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow',
        '/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow#Reading',
      ])
        expect(extractReading(sensor(state), q(query)), `${state} ${query}`).to.deep.equal({
          ok: true,
          value: null,
          invalid: `Status.State ${state} (not a current reading)`,
        });
    for (const state of ['Enabled', 'Degraded'])
      expect(extractReading(sensor(state), q('/redfish/v1/S'))).to.deep.equal({ ok: true, value: 79.6 });
    // A leak detector that went offline keeps its last DetectorState; a connector that is absent, its excerpts.
    const detector = { DetectorState: 'OK', Status: { State: 'UnavailableOffline', Health: 'OK' } };
    expect(extractReading(detector, q('/redfish/v1/L#DetectorState'))).to.include({ value: null });
    const connector = {
      Status: { State: 'Absent' },
      SupplyTemperatureCelsius: { Reading: 30, DataSourceUri: '/x' },
    };
    expect(extractReading(connector, q('/redfish/v1/C#SupplyTemperatureCelsius'))).to.include({
      value: null,
    });
    // No Status, or no State in it: nothing says the value is not current.
    expect(extractReading({ Reading: 5, Status: { Health: 'OK' } }, q('/redfish/v1/S'))).to.deep.equal({
      ok: true,
      value: 5,
    });
  });

  it('reads excerpts (Reading), plain numbers, health enums, booleans; nulls and text are invalid readings', () => {
    const doc = {
      Reading: 79.6,
      SupplyTemperatureCelsius: { Reading: 30, DataSourceUri: '/x' },
      Sensors: [{ Reading: 1 }, { Reading: 2 }],
      RatedFlowLitersPerMinute: 50,
      DetectorState: 'Warning',
      Status: { Health: 'OK', State: 'Enabled' },
      Leak: true,
      Missing: { Reading: null },
      Text: { Reading: 'NaN' },
      Numeric: { Reading: '31.5' },
    };
    expect(extractReading(doc, q('/redfish/v1/S'))).to.deep.equal({ ok: true, value: 79.6 });
    expect(extractReading(doc, q('/redfish/v1/S#SupplyTemperatureCelsius'))).to.deep.equal({
      ok: true,
      value: 30,
    });
    expect(extractReading(doc, q('/redfish/v1/S#Sensors/1'))).to.deep.equal({ ok: true, value: 2 });
    expect(extractReading(doc, q('/redfish/v1/S#RatedFlowLitersPerMinute'))).to.deep.equal({
      ok: true,
      value: 50,
    });
    expect(extractReading(doc, q('/redfish/v1/S#DetectorState'))).to.deep.equal({ ok: true, value: 1 });
    expect(extractReading(doc, q('/redfish/v1/S#Status.Health'))).to.deep.equal({ ok: true, value: 0 });
    expect(extractReading(doc, q('/redfish/v1/S#Leak'))).to.deep.equal({ ok: true, value: 1 });
    // The BMC answered, but not with a reading: evidence of a failed sensor, kept as such.
    expect(extractReading(doc, q('/redfish/v1/S#Missing'))).to.deep.equal({
      ok: true,
      value: null,
      invalid: 'null (no value)',
    });
    expect(extractReading(doc, q('/redfish/v1/S#Text'))).to.deep.equal({
      ok: true,
      value: null,
      invalid: 'NaN',
    });
    expect(extractReading(doc, q('/redfish/v1/S#Numeric'))).to.deep.equal({ ok: true, value: 31.5 });
    expect(extractReading(doc, q('/redfish/v1/S#Nope'))).to.deep.equal({
      ok: false,
      message: '/redfish/v1/S has no Nope',
    });
    expect(extractReading(doc, q('/redfish/v1/S#Status.State'))).to.deep.equal({
      ok: true,
      value: null,
      invalid: '"Enabled" (not a number)',
    });
    expect(extractReading(doc, q('/redfish/v1/S#Status'))).to.deep.equal({
      ok: false,
      message: '/redfish/v1/S#Status is {"Health":"OK","State":"Enabled"}, not a number',
    });
  });
});
