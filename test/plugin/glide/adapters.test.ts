// The small Glide adapters the guard reads its configuration and state through.
import { expect } from 'chai';
import { loadGlideAdapters } from '../support/plugin-modules.js';
import { world } from '../support/glide-fakes.js';
import { configureApp, storeIncident } from '../support/incident-world.js';

const { guardedTableStore, connectorState, record, connection, overrideStore } = loadGlideAdapters();

describe('plugin glide adapters', () => {
  beforeEach(() => {
    world.reset();
    configureApp();
  });

  it('guarded tables: one row per table; none for an unknown or malformed name; two rows are an error', () => {
    expect(guardedTableStore.findGuardedTable('incident')).to.deep.include({ kind: 'found' });
    expect(guardedTableStore.findGuardedTable('problem')).to.deep.equal({ kind: 'none' });
    expect(guardedTableStore.findGuardedTable('')).to.deep.equal({ kind: 'none' });
    expect(guardedTableStore.findGuardedTable('incident^ORtable_name!=x')).to.deep.equal({ kind: 'none' });
    world.insertRow('x_closeloop_guarded_table', { table_name: 'incident', closing_states: '6' });
    expect(guardedTableStore.findGuardedTable('incident')).to.deep.include({ kind: 'error' });
  });

  it('connector state: reads closed when there is no row, and writes one row', () => {
    expect(connectorState.readBreaker()).to.deep.equal({ failures: 0, openUntilMs: 0, lastError: '' });
    connectorState.writeBreaker({ failures: 2, openUntilMs: 123, lastError: 'timeout' });
    connectorState.writeBreaker({ failures: 3, openUntilMs: 456, lastError: 'timeout' });
    expect(world.rows('x_closeloop_connector_state')).to.have.length(1);
    expect(connectorState.readBreaker()).to.deep.equal({ failures: 3, openUntilMs: 456, lastError: 'timeout' });
  });

  it('loadRecord reads a task-derived record on its own table, with its via field', () => {
    const incident = storeIncident();
    const order = world.insertRow('wm_order', { number: 'WO1', state: '16', initiated_from: incident.sys_id!, sys_class_name: 'wm_order' });
    expect(record.loadRecord(order.sys_id!)).to.deep.include({ table: 'wm_order', number: 'WO1', via: incident.sys_id });
    expect(record.loadRecord('not-a-sys-id')).to.equal(null);
    expect(record.loadRecord('f'.repeat(32))).to.equal(null);
  });

  it('the connection alias is used when it has a URL; otherwise the properties', () => {
    expect(connection.connectorEndpoint()).to.deep.include({ origin: 'properties', url: 'https://closeloop.dc1.example.com:8080' });
    world.connection = {
      attributes: { connection_url: 'http://closeloop.dc1.local:8080', use_mid: 'true', mid_server: 'mid-dc1' },
      credential: { api_key: 'k' },
    };
    expect(connection.connectorEndpoint()).to.deep.equal({
      url: 'http://closeloop.dc1.local:8080',
      apiKey: 'k',
      midServer: 'mid-dc1',
      origin: 'alias',
    });
    world.connection = { attributes: { connection_url: '' }, credential: {} };
    expect(connection.connectorEndpoint()?.origin).to.equal('properties');
    world.properties.set('x_closeloop.connector.url', '');
    world.properties.set('x_closeloop.connector.api_key', '');
    expect(connection.connectorEndpoint()).to.equal(null);
  });

  it('a MID Server named by sys_id on the connection is sent by name', () => {
    const agent = world.insertRow('ecc_agent', { sys_id: 'a'.repeat(32), name: 'mid-dc1' });
    world.connection = { attributes: { connection_url: 'https://c', use_mid: 'true', mid_server: agent.sys_id! }, credential: {} };
    expect(connection.connectorEndpoint()?.midServer).to.equal('mid-dc1');
  });

  it('override requests: the newest pending one of this user and record', () => {
    const incident = storeIncident();
    expect(overrideStore.findOverrideRequest('incident', incident.sys_id!, world.userId)).to.equal(null);
    overrideStore.insertOverrideRequest('incident', incident.sys_id!, world.userId, 'J1', '2025-06-01 11:59:00');
    overrideStore.insertOverrideRequest('incident', incident.sys_id!, 'someone-else', 'J2', '2025-06-01 11:59:30');
    const found = overrideStore.findOverrideRequest('incident', incident.sys_id!, world.userId);
    expect(found).to.deep.include({ justification: 'J1', requestedAtMs: Date.UTC(2025, 5, 1, 11, 59, 0) });
    overrideStore.markOverrideUsed(found!.sysId, 'audit-1');
    expect(overrideStore.findOverrideRequest('incident', incident.sys_id!, world.userId)).to.equal(null);
  });
});
