// ServiceNow misbehaving, then gone, then back, while alarms keep coming: `closeloop serve` (a real
// child process) must reflect every alarm on the one incident, in the order the alarms happened,
// and never open a second incident.
import { expect } from 'chai';
import { createCleanup } from './helpers/cleanup.js';
import { keyOf, postSiteAlarm, siteAlarm, type SiteAlarm } from './helpers/site-alarms.js';
import { sleep, until } from './helpers/wait.js';
import { createWorld } from './helpers/world.js';

const EQUIPMENT = 'CRAH-9';
const KEY = keyOf(EQUIPMENT);

describe('e2e: ServiceNow errors and an outage while alarms arrive', function () {
  this.timeout(60_000);
  const cleanup = createCleanup();
  afterEach(() => cleanup.run());

  it('every alarm is reflected on one incident, in order, after 5xx bursts, dropped connections, 429 and a full outage', async () => {
    const world = await createWorld(cleanup, { config: { noise: { note_interval: 0 } } });
    const { process: connector, api } = await world.startConnector();
    const send = async (alarm: SiteAlarm) =>
      expect(await postSiteAlarm(connector.url, world.sourceToken, alarm), `POST ${alarm.text}`).to.equal(
        202,
      );

    // The instance answers badly at first: consumed in this order by whatever the connector sends.
    const table = { path: '/api/now/table/*' };
    world.standin.faults.serverErrors(3, { ...table, status: 503 });
    world.standin.faults.dropConnections(2, table);
    world.standin.faults.rateLimit(2, { ...table, retryAfterSeconds: 1 });
    world.standin.faults.serverErrors(2, { ...table, status: 500 });

    await send(siteAlarm(EQUIPMENT, 'A1', 'active', 'A1 raised'));
    await send(siteAlarm(EQUIPMENT, 'A2', 'active', 'A2 raised'));
    await send(siteAlarm(EQUIPMENT, 'A1', 'cleared', 'A1 cleared'));
    await until('the faults to be used up', async () =>
      world.standin.faults.active().length === 0 ? true : null,
    );
    const faulted = world.standin.faults.requests().filter((r) => r.fault !== null);
    expect(faulted.map((r) => r.fault)).to.deep.equal([
      'server_error',
      'server_error',
      'server_error',
      'drop',
      'drop',
      'rate_limit',
      'rate_limit',
      'server_error',
      'server_error',
    ]);
    // 429 honoured: nothing was sent to the instance within a second after a Retry-After: 1.
    const requests = world.standin.faults.requests();
    const lastLimited = faulted[6]!;
    const next = requests.find((r) => r.seq > lastLimited.seq)!;
    expect(
      Date.parse(next.at) - Date.parse(lastLimited.at),
      'ms between the 429 and the next request',
    ).to.be.at.least(900);

    // Then the instance is gone altogether (connection refused) while more alarms arrive.
    await world.standinDown();
    await send(siteAlarm(EQUIPMENT, 'A3', 'active', 'A3 raised'));
    await send(siteAlarm(EQUIPMENT, 'A2', 'cleared', 'A2 cleared'));
    await send(siteAlarm(EQUIPMENT, 'A1', 'active', 'A1 raised again'));
    await sleep(1500);
    const during = await api.event(KEY);
    expect(
      during?.deliveries.some((d) => d.state !== 'done'),
      'deliveries wait for the instance',
    ).to.equal(true);
    expect(
      during?.deliveries.some((d) => d.state === 'dead'),
      'nothing is given up',
    ).to.equal(false);

    await world.standinUp();
    await send(siteAlarm(EQUIPMENT, 'A3', 'cleared', 'A3 cleared'));
    const event = await until(
      'every delivery to be done',
      async () => {
        const e = await api.event(KEY);
        return e && e.deliveries.length > 0 && e.deliveries.every((d) => d.state === 'done') ? e : null;
      },
      40_000,
    );
    expect(
      event.deliveries.filter((d) => d.attempts > 1).length,
      'some deliveries needed retries',
    ).to.be.greaterThan(0);

    const incidents = world.standin.tables.list('incident', `correlation_id=${KEY}`);
    expect(incidents, 'exactly one incident for the key').to.have.length(1);
    expect(world.standin.tables.list('incident'), 'and no other incident').to.have.length(1);
    const journal = world.standin.tables.journal('incident', incidents[0]?.sys_id ?? '', 'work_notes');
    const order = ['A2 raised', 'A1 cleared', 'A3 raised', 'A2 cleared', 'A1 raised again', 'A3 cleared'];
    expect(
      journal.map(
        (j) => order.find((text) => j.value.includes(`— ${text}`)) ?? `unexpected note: ${j.value}`,
      ),
      'one work note per alarm change, in the order they happened',
    ).to.deep.equal(order);
    expect(incidents[0]?.short_description).to.equal(`${EQUIPMENT}: A1 raised`);
  });
});
