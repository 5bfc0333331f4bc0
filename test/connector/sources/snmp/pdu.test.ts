import { expect } from 'chai';
import { trapFromNotification, v1TrapOid } from '../../../../connector/src/sources/snmp/pdu.js';

const rinfo = { address: '10.20.0.99', family: 'IPv4', port: 40000, size: 80 };

describe('sources/snmp pdu', () => {
  it('translates v1 trap OIDs as RFC 3584 says', () => {
    expect(v1TrapOid('1.3.6.1.4.1.318', 6, 5)).to.equal('1.3.6.1.4.1.318.0.5');
    expect(v1TrapOid('1.3.6.1.2.1.33.2', 6, 1)).to.equal('1.3.6.1.2.1.33.2.0.1');
    expect(v1TrapOid('1.3.6.1.4.1.8072', 0, 0)).to.equal('1.3.6.1.6.3.1.1.5.1');
    expect(v1TrapOid('1.3.6.1.4.1.8072', 2, 0)).to.equal('1.3.6.1.6.3.1.1.5.3');
  });

  it('normalises a v1 trap: agent-addr, uptime, octet strings as text', () => {
    const r = trapFromNotification({
      pdu: {
        type: 164,
        enterprise: '1.3.6.1.4.1.318',
        agentAddr: '10.20.0.11',
        generic: 6,
        specific: 5,
        upTime: 1234,
        community: 'secret-community',
        varbinds: [{ oid: '1.3.6.1.4.1.318.2.3.3.0', type: 4, value: Buffer.from('UPS: On battery power.') }],
      },
      rinfo,
    });
    expect(r).to.deep.equal({
      ok: true,
      trap: {
        version: 'v1',
        trapOid: '1.3.6.1.4.1.318.0.5',
        agentAddress: '10.20.0.11',
        senderAddress: '10.20.0.99',
        inform: false,
        upTime: 1234,
        varbinds: [{ oid: '1.3.6.1.4.1.318.2.3.3.0', type: 'OctetString', value: 'UPS: On battery power.' }],
      },
    });
    expect(JSON.stringify(r)).to.not.include('secret-community');
  });

  it('uses the sender when a v1 agent-addr is 0.0.0.0', () => {
    const r = trapFromNotification({
      pdu: {
        type: 164,
        enterprise: '1.3.6.1.4.1.476',
        agentAddr: '0.0.0.0',
        generic: 6,
        specific: 1,
        varbinds: [],
      },
      rinfo,
    });
    expect(r.ok && r.trap.agentAddress).to.equal('10.20.0.99');
  });

  it('normalises a v2c trap: snmpTrapOID, snmpTrapAddress, binary and Counter64 values', () => {
    const r = trapFromNotification({
      pdu: {
        type: 167,
        community: 'public',
        varbinds: [
          { oid: '1.3.6.1.2.1.1.3.0', type: 67, value: 555 },
          { oid: '1.3.6.1.6.3.1.1.4.1.0', type: 6, value: '1.3.6.1.2.1.33.2.1' },
          { oid: '1.3.6.1.6.3.18.1.3.0', type: 64, value: '10.20.0.12' },
          { oid: '1.3.6.1.2.1.33.1.2.3.0', type: 2, value: 42 },
          { oid: '1.3.6.1.4.1.9.1', type: 4, value: Buffer.from([0x00, 0xff, 0x10]) },
          { oid: '1.3.6.1.2.1.31.1.1.1.6.1', type: 70, value: Buffer.from([0x01, 0x00, 0x00, 0x00, 0x00]) },
          { oid: '1.3.6.1.4.1.9.2', type: 5, value: null },
        ],
      },
      rinfo,
    });
    expect(r).to.deep.equal({
      ok: true,
      trap: {
        version: 'v2c',
        trapOid: '1.3.6.1.2.1.33.2.1',
        agentAddress: '10.20.0.12',
        senderAddress: '10.20.0.99',
        inform: false,
        upTime: 555,
        varbinds: [
          { oid: '1.3.6.1.2.1.33.1.2.3.0', type: 'Integer', value: 42 },
          { oid: '1.3.6.1.4.1.9.1', type: 'OctetString', value: '0x00ff10' },
          { oid: '1.3.6.1.2.1.31.1.1.1.6.1', type: 'Counter64', value: '4294967296' },
          { oid: '1.3.6.1.4.1.9.2', type: 'Null', value: null },
        ],
      },
    });
  });

  it('marks v3 by its user and informs by PDU type', () => {
    const r = trapFromNotification({
      pdu: {
        type: 166,
        user: 'closeloop',
        varbinds: [{ oid: '1.3.6.1.6.3.1.1.4.1.0', type: 6, value: '1.3.6.1.4.1.318.0.9' }],
      },
      rinfo,
    });
    expect(r.ok && r.trap).to.deep.include({
      version: 'v3',
      user: 'closeloop',
      inform: true,
      trapOid: '1.3.6.1.4.1.318.0.9',
    });
  });

  const bad: Array<[string, unknown, string]> = [
    [
      'not an object',
      'x',
      'unexpected notification shape: : Invalid input: expected object, received string',
    ],
    [
      'v2 without snmpTrapOID',
      { pdu: { type: 167, varbinds: [] }, rinfo },
      'SNMPv2 notification without snmpTrapOID.0',
    ],
    [
      'v1 without enterprise',
      { pdu: { type: 164, varbinds: [] }, rinfo },
      'SNMPv1 trap without enterprise, generic-trap or specific-trap',
    ],
    ['a GetResponse', { pdu: { type: 162, varbinds: [] }, rinfo }, 'PDU type 162 is not a notification'],
  ];
  for (const [name, input, message] of bad) {
    it(`refuses ${name}`, () => {
      expect(trapFromNotification(input)).to.deep.equal({ ok: false, message });
    });
  }
});
