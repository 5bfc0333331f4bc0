// Storm messages through the connector's own decoders, outside the connector: the naive bridge uses
// this to read the same alarms, and the report uses it to map each alarm identity back to its fault.
import type { Alarm } from '../../connector/src/model/alarm.js';
import type { Engine } from '../../connector/src/service/engine-types.js';
import { decode as decodeSnmp } from '../../connector/src/sources/snmp/decode.js';
import type { Trap } from '../../connector/src/sources/snmp/pdu.js';
import type { StormMessage, TrapSpec } from './generate.js';

/** The trap as the connector's listener sees it after net-snmp parsed a v2c trap from loopback. */
export function trapAsReceived(spec: TrapSpec): Trap {
  return {
    version: 'v2c',
    trapOid: spec.trapOid,
    agentAddress: spec.agentAddress,
    senderAddress: '127.0.0.1',
    inform: false,
    varbinds: spec.varbinds.map((v) => ({ oid: v.oid, type: v.type, value: v.value })),
  };
}

export interface DecodedMessage {
  alarms: Alarm[];
  errors: string[];
}

export function decodeMessage(engine: Engine, m: StormMessage, receivedAt: Date): DecodedMessage {
  if (m.payload.transport === 'snmp') {
    const source = engine.sources[m.source];
    if (!source || source.kind !== 'snmp') return { alarms: [], errors: [`no snmp source "${m.source}"`] };
    const r = decodeSnmp(m.source, source, trapAsReceived(m.payload.trap), { receivedAt });
    return { alarms: r.alarms, errors: r.errors.map((e) => e.message) };
  }
  const r = engine.decode(m.source, m.payload.body, { receivedAt });
  return { alarms: r.alarms, errors: r.errors.map((e) => e.message) };
}

export const identityOf = (a: Pick<Alarm, 'source' | 'id'>): string => `${a.source}:${a.id}`;
