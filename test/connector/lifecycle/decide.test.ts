// decide() with plain data: what one alarm does to the event it meets, and which operations follow.
import { expect } from 'chai';
import {
  decide,
  joinable,
  needsActiveCount,
  type DecideInput,
} from '../../../connector/src/lifecycle/decide.js';
import type { Decision } from '../../../connector/src/lifecycle/types.js';
import type { EventRecord } from '../../../connector/src/model/event.js';
import { alarm, at, closeCheck, plan, QUIET, T0 } from '../../support/alarms.js';
import { eventRecord } from '../../support/events.js';

const K = 'DC1/cooling/ZONE-A1';
const MIN = 60_000;

function input(over: Partial<DecideInput> = {}): DecideInput {
  return {
    alarm: alarm(),
    prev: null,
    plan: plan(),
    prevEvent: null,
    keyEvent: null,
    otherActive: 0,
    now: T0,
    correlationDisplay: 'Closeloop',
    policy: QUIET,
    silence: null,
    ...over,
  };
}

/** The decision for a first alarm, then its record and event as the store would keep them. */
function opened(over: Partial<DecideInput> = {}): { d: Decision; event: EventRecord } {
  const d = decide(input(over));
  return { d, event: { ...d.event!, incidentSysId: 'sys-1', incidentNumber: 'INC1' } };
}

describe('lifecycle/decide', () => {
  describe('a first alarm', () => {
    it('opens an event of kind alarms and enqueues the create with correlation_id and display', () => {
      const d = decide(input());
      expect(d.outcome).to.equal('created');
      expect(d.eventIsNew).to.equal(true);
      expect(d.event).to.include({ key: K, generation: 1, kind: 'alarms', state: 'open', severity: 'major' });
      expect(d.alarm).to.include({ identity: 'bms:A1', eventKey: K, state: 'active', changeCount: 0 });
      expect(d.ops).to.have.length(1);
      expect(d.ops[0]).to.deep.include({ op: 'create' });
      expect(d.ops[0]!.op === 'create' && d.ops[0]!.fields).to.include({
        correlation_id: K,
        correlation_display: 'Closeloop',
        impact: 1,
        urgency: 2,
        short_description: 'CRAH-2 supply air high',
      });
    });

    it('is held under hold-down: pending, create kept, raised at now + hold-down', () => {
      const p = plan({ behaviour: { autoResolve: true, reopenWindowMs: 0, holdDownMs: 2 * MIN } });
      const d = decide(input({ plan: p }));
      expect(d.outcome).to.equal('held');
      expect(d.ops).to.deep.equal([]);
      expect(d.event).to.include({ state: 'pending', raiseAt: at(120).toISOString() });
      expect(d.event!.pendingCreate?.op).to.equal('create');
    });

    it('under a maintenance window is silenced until the later of its end and the hold-down', () => {
      const p = plan({ behaviour: { autoResolve: true, reopenWindowMs: 0, holdDownMs: 2 * MIN } });
      const d = decide(input({ plan: p, silence: { id: 'works', untilMs: at(600).getTime() } }));
      expect(d.outcome).to.equal('silenced');
      expect(d.event).to.include({ state: 'pending', raiseAt: at(600).toISOString() });
      expect(d.event!.noise.silencedBy).to.equal('works');
    });

    it('matching no rule is recorded without an event; a clear of an unknown alarm too', () => {
      expect(decide(input({ plan: null }))).to.deep.include({ outcome: 'unmatched', event: null, ops: [] });
      expect(decide(input({ alarm: alarm({ state: 'cleared' }) }))).to.deep.include({
        outcome: 'clear_unknown',
        event: null,
        ops: [],
      });
    });
  });

  describe('an alarm meeting a live event', () => {
    it('joins the event of its key with a note, and its close checks guard the incident too', () => {
      const { event } = opened({ plan: plan({ closeChecks: [closeCheck()] }) });
      const gpuCheck = closeCheck({ name: 'gpu-temp', query: 'DCGM_FI_DEV_GPU_TEMP' });
      const d = decide(
        input({
          alarm: alarm({ id: 'A2' }),
          plan: plan({ closeChecks: [closeCheck(), gpuCheck] }),
          keyEvent: event,
          now: at(60),
        }),
      );
      expect(d.outcome).to.equal('attached');
      expect(d.ops.map((o) => o.op)).to.deep.equal(['note']);
      expect(d.event!.closeChecks.map((c) => c.name)).to.deep.equal(['supply-air', 'gpu-temp']);
      expect(d.event!.lastAlarmAt).to.equal(at(60).toISOString());
    });

    it('a repeat of what is known changes nothing and calls nothing', () => {
      const { d: first, event } = opened();
      const d = decide(input({ prev: first.alarm, prevEvent: event, keyEvent: event, now: at(30) }));
      expect(d).to.deep.include({ outcome: 'repeat', event: null, ops: [] });
      expect(d.alarm.lastReceivedAt).to.equal(at(30).toISOString());
    });

    it('a rising severity raises impact and urgency; a falling one changes neither', () => {
      const { d: first, event } = opened({ alarm: alarm({ severity: 'minor' }) });
      const up = decide(
        input({
          alarm: alarm({ severity: 'critical' }),
          plan: plan({ impact: 1, urgency: 1 }),
          prev: first.alarm,
          prevEvent: { ...event, severity: 'minor' },
          keyEvent: event,
        }),
      );
      expect(up.outcome).to.equal('severity_raised');
      expect(up.ops[0]).to.deep.include({ op: 'update', fields: { impact: 1, urgency: 1 } });
      expect(up.event!.severity).to.equal('critical');
      const down = decide(
        input({
          alarm: alarm({ severity: 'warning' }),
          prev: up.alarm,
          prevEvent: up.event,
          keyEvent: up.event,
        }),
      );
      expect(down.ops).to.deep.equal([]);
      expect(down.event!.severity).to.equal('critical');
    });
  });

  describe('clears', () => {
    it('a clear with other alarms active notes it; the last clear resolves (auto-resolve, no checks)', () => {
      const { d: first, event } = opened();
      const clear = (otherActive: number) =>
        decide(
          input({
            alarm: alarm({ state: 'cleared' }),
            prev: first.alarm,
            prevEvent: event,
            keyEvent: event,
            otherActive,
          }),
        );
      expect(clear(1)).to.deep.include({ outcome: 'cleared' });
      expect(clear(1).ops.map((o) => o.op)).to.deep.equal(['note']);
      const last = clear(0);
      expect(last.outcome).to.equal('resolved');
      expect(last.ops.map((o) => o.op)).to.deep.equal(['note', 'resolve']);
      expect(last.event).to.include({ state: 'resolved', resolvedAt: T0.toISOString() });
    });

    it('with close checks the last clear waits for the verdict; without auto-resolve it stays open', () => {
      const { d: first, event } = opened({ plan: plan({ closeChecks: [closeCheck()] }) });
      const base = { alarm: alarm({ state: 'cleared' }), prev: first.alarm, keyEvent: event };
      expect(decide(input({ ...base, prevEvent: event })).outcome).to.equal('awaiting_verdict');
      const manual = { ...event, closeChecks: [], behaviour: { ...event.behaviour, autoResolve: false } };
      const d = decide(input({ ...base, prevEvent: manual }));
      expect(d.outcome).to.equal('cleared');
      expect(d.event!.state).to.equal('open');
    });

    it('a held event whose only alarm clears is discarded and never opens', () => {
      const p = plan({ behaviour: { autoResolve: true, reopenWindowMs: 0, holdDownMs: 2 * MIN } });
      const { d: first } = opened({ plan: p });
      const d = decide(
        input({ alarm: alarm({ state: 'cleared' }), plan: p, prev: first.alarm, prevEvent: first.event }),
      );
      expect(d).to.deep.include({ outcome: 'discarded', ops: [] });
      expect(d.event).to.include({ state: 'discarded', pendingCreate: null });
    });
  });

  describe('after the event resolved', () => {
    const resolvedAt = T0.toISOString();
    const resolved = eventRecord({ state: 'resolved', resolvedAt, verdict: 'pass', verdictAt: resolvedAt });

    it('reopens it within the reopen window (clearing its verdict)', () => {
      const d = decide(input({ keyEvent: resolved, now: at(1800) }));
      expect(d.outcome).to.equal('reopened');
      expect(d.ops.map((o) => o.op)).to.deep.equal(['reopen']);
      expect(d.event).to.include({ state: 'open', resolvedAt: null, verdict: null, verdictAt: null });
    });

    it('opens the next generation after the window, or when the incident never existed', () => {
      const late = decide(input({ keyEvent: resolved, now: at(3601) }));
      expect(late.outcome).to.equal('created');
      expect(late.event).to.include({ key: `${K}#2`, generation: 2 });
      const unlinked = decide(input({ keyEvent: { ...resolved, incidentSysId: null }, now: at(60) }));
      expect(unlinked.event!.key).to.equal(`${K}#2`);
    });
  });

  describe('correlation.window', () => {
    const quiet = eventRecord({ lastAlarmAt: at(0).toISOString() });
    const p = plan({ correlationWindowMs: 15 * MIN });
    const newAlarm = alarm({ id: 'A2' });

    it('an event whose last alarm is younger than the window is joined, without counting its alarms', () => {
      const now = at(10 * 60);
      expect(needsActiveCount(quiet, p, now)).to.equal(false);
      expect(joinable(quiet, p, now, undefined)).to.equal(true);
      const d = decide(input({ alarm: newAlarm, plan: p, keyEvent: quiet, now }));
      expect(d).to.deep.include({ outcome: 'attached' });
      expect(d.event!.key).to.equal(K);
    });

    it('an older one is joined while one of its alarms is still active', () => {
      const now = at(20 * 60);
      expect(needsActiveCount(quiet, p, now)).to.equal(true);
      const d = decide(input({ alarm: newAlarm, plan: p, keyEvent: quiet, keyEventActive: 1, now }));
      expect(d.outcome).to.equal('attached');
      expect(d.event!.key).to.equal(K);
    });

    it('an older one whose alarms all cleared is not joined: the alarm opens the next incident', () => {
      const d = decide(
        input({ alarm: newAlarm, plan: p, keyEvent: quiet, keyEventActive: 0, now: at(20 * 60) }),
      );
      expect(d.outcome).to.equal('created');
      expect(d.event).to.include({ key: `${K}#2`, generation: 2, state: 'open' });
      expect(d.ops.map((o) => o.op)).to.deep.equal(['create']);
    });

    it("the rule's window decides: a longer one still joins", () => {
      const d = decide(
        input({
          alarm: newAlarm,
          plan: plan({ correlationWindowMs: 30 * MIN }),
          keyEvent: quiet,
          now: at(20 * 60),
        }),
      );
      expect(d.outcome).to.equal('attached');
    });

    it('an alarm already attached stays with its event, however quiet (active again)', () => {
      const { d: first } = opened({ now: at(0) });
      const cleared = decide(
        input({ alarm: alarm({ state: 'cleared' }), prev: first.alarm, prevEvent: quiet, otherActive: 1 }),
      );
      const d = decide(
        input({
          plan: p,
          prev: cleared.alarm,
          prevEvent: quiet,
          keyEvent: quiet,
          keyEventActive: 0,
          now: at(3600),
        }),
      );
      expect(d.outcome).to.equal('reactivated');
      expect(d.event!.key).to.equal(K);
    });

    it('nothing to count for events that are not live', () => {
      expect(needsActiveCount(null, p, at(3600))).to.equal(false);
      expect(needsActiveCount({ ...quiet, state: 'resolved' }, p, at(3600))).to.equal(false);
      expect(needsActiveCount(quiet, null, at(3600))).to.equal(false);
    });
  });

  describe('cause and effect', () => {
    const effectPlan = plan({
      rule: 'gpu-thermal',
      correlationKey: 'DC1/rack/R03',
      role: 'effect',
      scopes: ['rack:DC1/R03', 'cooling_zone:DC1/ZONE-A1'],
    });
    const cause = eventRecord({
      noise: { ...eventRecord().noise, role: 'cause', scope: 'cooling_zone:DC1/ZONE-A1' },
    });
    const gpu = alarm({ source: 'am', sourceKind: 'alertmanager', id: 'fp1' });

    it('an effect whose key has no live event joins the live cause covering it', () => {
      const d = decide(input({ alarm: gpu, plan: effectPlan, causeEvent: cause }));
      expect(d.outcome).to.equal('attached');
      expect(d.alarm.eventKey).to.equal(K);
      expect(d.event!.noise.scopes).to.include('rack:DC1/R03');
    });

    it('a quiet cause is not joined either; the effect opens an incident of its own key', () => {
      const d = decide(
        input({
          alarm: gpu,
          plan: effectPlan,
          causeEvent: { ...cause, lastAlarmAt: at(0).toISOString() },
          causeEventActive: 0,
          now: at(3600),
        }),
      );
      expect(d.outcome).to.equal('created');
      expect(d.event).to.include({ key: 'DC1/rack/R03', generation: 1 });
    });

    it('a cause joining an event opened by effects takes it over (re-described, reassigned)', () => {
      const effectEvent = eventRecord({
        rule: 'gpu-thermal',
        noise: { ...eventRecord().noise, role: 'effect' },
      });
      const causePlan = plan({
        role: 'cause',
        scope: 'cooling_zone:DC1/ZONE-A1',
        references: { assignment_group: { table: 'sys_user_group', field: 'name', value: 'Facilities' } },
      });
      const d = decide(input({ plan: causePlan, keyEvent: effectEvent }));
      expect(d.outcome).to.equal('attached');
      expect(d.event).to.include({ rule: 'crah-supply-air-high' });
      expect(d.event!.noise).to.include({ role: 'cause', scope: 'cooling_zone:DC1/ZONE-A1' });
      expect(d.ops).to.have.length(1);
      expect(d.ops[0]).to.deep.include({
        op: 'update',
        references: { assignment_group: { table: 'sys_user_group', field: 'name', value: 'Facilities' } },
      });
      expect(d.ops[0]!.op === 'update' && d.ops[0]!.note).to.match(/^Cause identified: /);
    });
  });

  it('an alarm changing state too often is flapping: its notes go into the flap summary', () => {
    let prev = decide(input()).alarm;
    let event = opened().event;
    let d: Decision | undefined;
    for (let i = 1; i <= 5; i++) {
      d = decide(
        input({
          alarm: alarm({ state: i % 2 ? 'cleared' : 'active' }),
          prev,
          prevEvent: event,
          keyEvent: event,
          otherActive: 1,
          now: at(i * 10),
        }),
      );
      prev = d.alarm;
      event = d.event ?? event;
    }
    expect(d!.alarm.flapping).to.equal(true);
    expect(d!.ops).to.deep.equal([]);
    expect(Object.values(d!.event!.noise.flapping)[0]).to.include({ changes: 1, state: 'cleared' });
  });
});
