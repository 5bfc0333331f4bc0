// The outer header of an SNMP datagram, read before net-snmp processes it: the version, and for SNMPv3
// the USM security parameters (RFC 3414 §2.4) that replay protection needs and net-snmp does not hand to
// its callback: authoritative engine id, boots, time, user and the MAC. A minimal, bounded BER reader:
// anything unexpected is `null` (net-snmp then refuses the datagram itself).

export type SnmpHeader =
  | { version: 1 | 2 }
  | {
      version: 3;
      flags: number;
      engineId: string;
      engineBoots: number;
      engineTime: number;
      user: string;
      /** The message's MAC (hex); empty when the message is not authenticated. */
      authParams: string;
    };

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function readTlv(buf: Buffer, at: number, limit: number): Tlv | null {
  if (at + 2 > limit) return null;
  const tag = buf[at]!;
  let len = buf[at + 1]!;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 3 || start + n > limit) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i]!;
    start += n;
  }
  const end = start + len;
  return end > limit ? null : { tag, start, end };
}

function readInt(buf: Buffer, t: Tlv | null): number | null {
  if (!t || t.tag !== 0x02 || t.end - t.start < 1 || t.end - t.start > 5) return null;
  let n = buf[t.start]! & 0x80 ? -1 : 0;
  for (let i = t.start; i < t.end; i++) n = n * 256 + buf[i]!;
  return n;
}

const OCTETS = 0x04;
const SEQUENCE = 0x30;

export function readSnmpHeader(buf: Buffer): SnmpHeader | null {
  const msg = readTlv(buf, 0, buf.length);
  if (!msg || msg.tag !== SEQUENCE) return null;
  const vTlv = readTlv(buf, msg.start, msg.end);
  const version = readInt(buf, vTlv);
  if (version === 0) return { version: 1 };
  if (version === 1) return { version: 2 };
  if (version !== 3 || !vTlv) return null;
  const global = readTlv(buf, vTlv.end, msg.end);
  if (!global || global.tag !== SEQUENCE) return null;
  const msgId = readTlv(buf, global.start, global.end);
  const maxSize = msgId && readTlv(buf, msgId.end, global.end);
  const flags = maxSize && readTlv(buf, maxSize.end, global.end);
  if (!flags || flags.tag !== OCTETS || flags.end - flags.start !== 1) return null;
  const secParams = readTlv(buf, global.end, msg.end);
  if (!secParams || secParams.tag !== OCTETS) return null;
  const usm = readTlv(buf, secParams.start, secParams.end);
  if (!usm || usm.tag !== SEQUENCE) return null;
  const engine = readTlv(buf, usm.start, usm.end);
  if (!engine || engine.tag !== OCTETS || engine.end - engine.start > 32) return null;
  const bootsTlv = readTlv(buf, engine.end, usm.end);
  const boots = readInt(buf, bootsTlv);
  const timeTlv = bootsTlv && readTlv(buf, bootsTlv.end, usm.end);
  const time = readInt(buf, timeTlv);
  const userTlv = timeTlv && readTlv(buf, timeTlv.end, usm.end);
  if (!userTlv || userTlv.tag !== OCTETS || userTlv.end - userTlv.start > 32) return null;
  const authTlv = readTlv(buf, userTlv.end, usm.end);
  if (!authTlv || authTlv.tag !== OCTETS || authTlv.end - authTlv.start > 64) return null;
  if (boots === null || time === null || boots < 0 || time < 0) return null;
  return {
    version: 3,
    flags: buf[flags.start]!,
    engineId: buf.subarray(engine.start, engine.end).toString('hex'),
    engineBoots: boots,
    engineTime: time,
    user: buf.subarray(userTlv.start, userTlv.end).toString('utf8'),
    authParams: buf.subarray(authTlv.start, authTlv.end).toString('hex'),
  };
}
