// Turns the notification net-snmp's receiver hands us into a plain, JSON-safe Trap: version, the
// notification OID (v1 traps translated per RFC 3584), agent address and the remaining varbinds.
import { z } from 'zod';

export type VarbindValue = string | number | null;
export type Varbind = { oid: string; type: string; value: VarbindValue };

export type Trap = {
  version: 'v1' | 'v2c' | 'v3';
  /** Notification OID: snmpTrapOID.0 for v2c/v3, RFC 3584 translation for v1. */
  trapOid: string;
  /** The device the trap is about: v1 agent-addr, else snmpTrapAddress.0, else the sender. */
  agentAddress: string;
  /** UDP source address of the packet (a proxy or the device itself). */
  senderAddress: string;
  inform: boolean;
  /** sysUpTime of the agent, in hundredths of a second, when the PDU carries it. */
  upTime?: number;
  /** SNMPv3 user name. The v1/v2c community is deliberately not kept (it is a shared secret). */
  user?: string;
  /** Varbinds other than sysUpTime.0, snmpTrapOID.0 and snmpTrapAddress.0. */
  varbinds: Varbind[];
};

export const OID = {
  sysUpTime: '1.3.6.1.2.1.1.3.0',
  snmpTrapOID: '1.3.6.1.6.3.1.1.4.1.0',
  snmpTrapAddress: '1.3.6.1.6.3.18.1.3.0',
  snmpTraps: '1.3.6.1.6.3.1.1.5',
} as const;

const PDU_TRAP_V1 = 164;
const PDU_INFORM = 166;
const PDU_TRAP_V2 = 167;

const TYPE_NAMES: Record<number, string> = {
  1: 'Boolean',
  2: 'Integer',
  3: 'BitString',
  4: 'OctetString',
  5: 'Null',
  6: 'OID',
  64: 'IpAddress',
  65: 'Counter',
  66: 'Gauge',
  67: 'TimeTicks',
  68: 'Opaque',
  70: 'Counter64',
  128: 'NoSuchObject',
  129: 'NoSuchInstance',
  130: 'EndOfMibView',
};

const RawVarbindSchema = z.object({ oid: z.string().min(1), type: z.number().int(), value: z.unknown() });
const NotificationSchema = z.object({
  pdu: z.object({
    type: z.number().int(),
    varbinds: z.array(RawVarbindSchema),
    enterprise: z.string().optional(),
    agentAddr: z.string().optional(),
    generic: z.number().int().optional(),
    specific: z.number().int().optional(),
    upTime: z.number().optional(),
    community: z.string().optional(),
    user: z.string().optional(),
  }),
  rinfo: z.object({ address: z.string() }),
});

export function trapFromNotification(
  notification: unknown,
): { ok: true; trap: Trap } | { ok: false; message: string } {
  const parsed = NotificationSchema.safeParse(notification);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return {
      ok: false,
      message: `unexpected notification shape: ${i ? `${i.path.join('.')}: ${i.message}` : ''}`,
    };
  }
  const { pdu, rinfo } = parsed.data;
  const varbinds = pdu.varbinds.map((v) => ({
    oid: v.oid,
    type: TYPE_NAMES[v.type] ?? `type${v.type}`,
    value: v.type === 70 ? counter64(v.value) : plain(v.value),
  }));
  const find = (oid: string) => varbinds.find((v) => v.oid === oid);
  const base = {
    senderAddress: rinfo.address,
    inform: pdu.type === PDU_INFORM,
    ...(pdu.user ? { user: pdu.user } : {}),
  };

  if (pdu.type === PDU_TRAP_V1) {
    if (pdu.enterprise === undefined || pdu.generic === undefined || pdu.specific === undefined) {
      return { ok: false, message: 'SNMPv1 trap without enterprise, generic-trap or specific-trap' };
    }
    return {
      ok: true,
      trap: {
        ...base,
        version: 'v1',
        trapOid: v1TrapOid(pdu.enterprise, pdu.generic, pdu.specific),
        agentAddress: pdu.agentAddr && pdu.agentAddr !== '0.0.0.0' ? pdu.agentAddr : rinfo.address,
        ...(pdu.upTime !== undefined ? { upTime: pdu.upTime } : {}),
        varbinds,
      },
    };
  }
  if (pdu.type !== PDU_TRAP_V2 && pdu.type !== PDU_INFORM) {
    return { ok: false, message: `PDU type ${pdu.type} is not a notification` };
  }
  const trapOid = find(OID.snmpTrapOID);
  if (!trapOid || typeof trapOid.value !== 'string') {
    return { ok: false, message: 'SNMPv2 notification without snmpTrapOID.0' };
  }
  const trapAddress = find(OID.snmpTrapAddress);
  const upTime = find(OID.sysUpTime);
  return {
    ok: true,
    trap: {
      ...base,
      version: pdu.user ? 'v3' : 'v2c',
      trapOid: trapOid.value,
      agentAddress: typeof trapAddress?.value === 'string' ? trapAddress.value : rinfo.address,
      ...(typeof upTime?.value === 'number' ? { upTime: upTime.value } : {}),
      varbinds: varbinds.filter(
        (v) => v.oid !== OID.snmpTrapOID && v.oid !== OID.sysUpTime && v.oid !== OID.snmpTrapAddress,
      ),
    },
  };
}

/** RFC 3584 §3.1: generic traps map to snmpTraps.(g+1); enterprise-specific to enterprise.0.specific. */
export function v1TrapOid(enterprise: string, generic: number, specific: number): string {
  if (generic >= 0 && generic <= 5) return `${OID.snmpTraps}.${generic + 1}`;
  return `${enterprise}.0.${specific}`;
}

/** Varbind values as JSON-safe scalars: printable octet strings as text, others as 0x-hex. */
function plain(value: unknown): VarbindValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) {
    const text = value.toString('utf8');
    return /^[\x20-\x7e\t\r\n]*$/.test(text) ? text : `0x${value.toString('hex')}`;
  }
  return JSON.stringify(value);
}

/** Counter64 arrives as big-endian bytes; its decimal text keeps full precision. */
function counter64(value: unknown): VarbindValue {
  if (Buffer.isBuffer(value)) return value.length ? BigInt(`0x${value.toString('hex')}`).toString() : '0';
  return plain(value);
}
