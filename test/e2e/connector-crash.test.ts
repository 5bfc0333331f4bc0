// The connector killed with SIGKILL in the middle of an alarm storm, with deliveries to ServiceNow in
// flight, then restarted on the same data directory: no accepted alarm may be lost, no correlation
// key may end up with two incidents, no work note may be written twice, and nothing blank is made.
// The creates in flight at the kill still land at the instance after the connector is gone (their
// bodies had arrived), and here only once the restarted connector is up: it must not search and
// create again before they can no longer land (the stand-in's transaction quota, 15 s here, 60 s on
// an instance; the connector's request_lifetime just above it).
import { expect } from 'chai';
import { createCleanup } from './helpers/cleanup.js';
import { keyOf, postSiteAlarm, siteAlarm, type SiteAlarm } from './helpers/site-alarms.js';
import { until } from './helpers/wait.js';
import { createWorld } from './helpers/world.js';

const EQUIPMENT = Array.from({ length: 12 }, (_, i) => `UNIT-${String(i + 1).padStart(2, '0')}`);
/** Ten alarm changes per unit: five alarms raised, then every second one cleared. */
function storm(): SiteAlarm[] {
  const out: SiteAlarm[] = [];
  for (let n = 1; n <= 5; n++)
    for (const unit of EQUIPMENT)
      out.push(siteAlarm(unit, `${unit}-a${n}`, 'active', `${unit} a${n} raised`));
  for (let n = 1; n <= 5; n++)
    for (const unit of EQUIPMENT)
      if (n % 2 === 1) out.push(siteAlarm(unit, `${unit}-a${n}`, 'cleared', `${unit} a${n} cleared`));
  return out;
}

describe('e2e: connector killed with SIGKILL mid-storm and restarted', function () {
  this.timeout(90_000);
  const cleanup = createCleanup();
  afterEach(() => cleanup.run());

  it('loses no accepted alarm and opens one incident per correlation key', async () => {
    const world = await createWorld(cleanup, {
      standin: { transactionQuotaMs: 15_000 },
      config: {
        servicenow: { request_lifetime: '16s' },
        noise: { note_interval: 0, storm_per_source: 1000, storm_global: 1000 },
        outbox: {
          concurrency: 3,
          max_attempts: 200,
          base_delay: '100ms',
          max_delay: '1s',
          poll_interval: '50ms',
        },
      },
    });
    // Slow creates (a slow business rule on insert): incidents are still being inserted when the
    // connector dies, and the instance finishes them after it is gone ("created, never recorded").
    // Slowest exactly when it matters: an insert still running while the connector is down is stored
    // only once it is back (unless the quota cancels it first), after the restarted connector could
    // have searched for it.
    let connectorDown = false;
    let backUp: () => void = () => undefined;
    const isBackUp = new Promise<void>((resolve) => (backUp = resolve));
    world.standin.businessRules.add({
      name: 'e2e: slow incident insert',
      table: 'incident',
      when: 'before',
      operations: ['insert'],
      run: async () => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        if (connectorDown) await isBackUp;
      },
    });
    world.standin.faults.setLatency(30, { path: '/api/now/table/*' });

    const alarms = storm();
    const accepted: SiteAlarm[] = [];
    const first = await world.startConnector();
    let next = 0;
    let killed = false;
    const sender = async (url: string) => {
      while (next < alarms.length && !killed) {
        const alarm = alarms[next++]!;
        const status = await postSiteAlarm(url, world.sourceToken, alarm);
        if (status === 202) accepted.push(alarm);
        else {
          next = Math.min(next, alarms.indexOf(alarm)); // the site retries what was not accepted
          return;
        }
      }
    };
    const senders = Array.from({ length: 4 }, () => sender(first.process.url));
    // Kill once part of the storm is in and an incident insert is in flight.
    const creating = () =>
      world.standin.faults
        .requests()
        .filter((r) => r.method === 'POST' && r.path === '/api/now/table/incident' && r.status === 0);
    await until('an incident insert in flight', async () =>
      accepted.length >= 30 && creating().length > 0 ? true : null,
    );
    // What was in the instance when the connector died, taken right before the kill (the stand-in
    // runs in this process, so nothing changes in between): afterwards those inserts go on and are
    // answered into a closed socket, or land with nobody waiting.
    const inFlight = creating().map((r) => r.seq);
    const incidentsAtKill = world.standin.tables.list('incident').length;
    connectorDown = true;
    killed = true;
    await first.process.stop('SIGKILL');
    expect(inFlight.length, 'inserts the connector never saw answered').to.be.greaterThan(0);
    await Promise.all(senders);
    const acceptedBeforeKill = accepted.length;
    expect(acceptedBeforeKill, 'part of the storm was accepted before the kill').to.be.within(
      30,
      alarms.length - 1,
    );
    expect(incidentsAtKill, 'not every incident existed yet when the connector died').to.be.below(
      EQUIPMENT.length,
    );

    const second = await world.startConnector();
    killed = false;
    // The held inserts finish a moment after the connector is back: it has searched by then.
    setTimeout(() => {
      connectorDown = false;
      backUp();
    }, 1500);
    // Alarms not acknowledged before the kill are sent again, as a real sender retries.
    const unsent = alarms.filter((a) => !accepted.includes(a));
    for (const alarm of unsent) {
      expect(await postSiteAlarm(second.process.url, world.sourceToken, alarm)).to.equal(202);
      accepted.push(alarm);
    }

    const events = await until(
      'every event to have its incident and every delivery done',
      async () => {
        const list = await second.api.events();
        if (list.length < EQUIPMENT.length) return null;
        const details = await Promise.all(list.map((e) => second.api.event(e.key)));
        const dead = details.flatMap((d) => d?.deliveries.filter((x) => x.state === 'dead') ?? []);
        if (dead.length) throw new Error(`dead letters: ${JSON.stringify(dead)}`);
        return details.every((d) => d?.incident && d.deliveries.every((x) => x.state === 'done'))
          ? details
          : null;
      },
      60_000,
    );

    // No alarm lost: every accepted alarm is attached to its event, in its last state.
    const expectedState = new Map(accepted.map((a) => [`${a.equipment}/${a.id}`, a.state]));
    const seen = new Map<string, string>();
    for (const e of events)
      for (const a of e?.alarms ?? []) seen.set(`${e?.key.split('/')[2]}/${a.id}`, a.state);
    for (const [id, state] of expectedState) expect(seen.get(id), `alarm ${id}`).to.equal(state);
    expect(seen.size).to.equal(EQUIPMENT.length * 5);

    // No duplicate: exactly one incident per correlation key, and nothing else.
    for (const unit of EQUIPMENT) {
      expect(
        world.standin.tables.list('incident', `correlation_id=${keyOf(unit)}`),
        keyOf(unit),
      ).to.have.length(1);
    }
    expect(world.standin.tables.list('incident'), 'no other incident').to.have.length(EQUIPMENT.length);

    // No work note twice: every alarm change is its own note, once.
    for (const incident of world.standin.tables.list('incident')) {
      const notes = world.standin.tables.journal('incident', incident.sys_id ?? '', 'work_notes');
      const texts = notes.map((n) => n.value);
      expect(texts, `work notes of ${incident.correlation_id}`).to.deep.equal([...new Set(texts)]);
    }
  });
});
