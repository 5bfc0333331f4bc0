// The part of net-snmp's client (Session.trap) the storm runner uses to send real SNMPv2c traps.
// Merges with the receiver-side declarations in connector/src/sources/snmp/net-snmp.d.ts.
declare module 'net-snmp' {
  export type SessionVarbind = { oid: string; type: number; value: string | number };
  export type Session = {
    trap(typeOrOid: string, varbinds: SessionVarbind[], callback: (error: Error | null) => void): Session;
    close(): void;
  };
  export function createSession(
    target: string,
    community: string,
    options?: { version?: number; trapPort?: number; transport?: 'udp4' | 'udp6' },
  ): Session;
  export const Version2c: number;
  export const ObjectType: Record<'Integer' | 'OctetString' | 'OID' | 'TimeTicks' | 'IpAddress', number>;
}
