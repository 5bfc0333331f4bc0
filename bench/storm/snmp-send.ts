// Sends storm traps as real SNMPv2c traps over loopback UDP to the connector's trap listener. The
// device the trap is about travels in snmpTrapAddress.0, as when traps come through a forwarder.
import { createSession, ObjectType, Version2c, type Session, type SessionVarbind } from 'net-snmp';
import type { TrapSpec } from './payloads.js';

const SNMP_TRAP_ADDRESS = '1.3.6.1.6.3.18.1.3.0';

export interface TrapSender {
  send(trap: TrapSpec): Promise<void>;
  close(): void;
}

export function trapSender(port: number, community: string): TrapSender {
  const session: Session = createSession('127.0.0.1', community, { version: Version2c, trapPort: port });
  return {
    send: (trap) =>
      new Promise<void>((resolve, reject) => {
        const varbinds: SessionVarbind[] = [
          ...trap.varbinds.map((v) => ({ oid: v.oid, type: ObjectType[v.type], value: v.value })),
          { oid: SNMP_TRAP_ADDRESS, type: ObjectType.IpAddress, value: trap.agentAddress },
        ];
        session.trap(trap.trapOid, varbinds, (err) => (err ? reject(err) : resolve()));
      }),
    close: () => session.close(),
  };
}
