// Whether a verdict may still be written over the event as it is now, as a pure decision.
import { expect } from 'chai';
import { staleVerdictReason } from '../../../connector/src/lifecycle/verdict-write.js';
import { emptyNoise, type EventRecord } from '../../../connector/src/model/event.js';

const event = (over: Partial<EventRecord> = {}): EventRecord => ({
  key: 'K',
  correlationKey: 'K',
  generation: 1,
  kind: 'alarms',
  rule: 'r',
  state: 'open',
  severity: 'major',
  site: 'DC1',
  title: 't',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:05:00.000Z',
  lastAlarmAt: '2026-11-25T10:05:00.000Z',
  raiseAt: null,
  resolvedAt: null,
  incidentSysId: 'sys',
  incidentNumber: 'INC1',
  closeChecks: [],
  behaviour: { autoResolve: true, reopenWindowMs: 0, holdDownMs: 0 },
  pendingCreate: null,
  verdict: null,
  verdictAt: null,
  verdictChecks: null,
  noise: emptyNoise(),
  ...over,
});
const basis = { lastAlarmAt: '2026-11-25T10:05:00.000Z', verdictAt: null };
const at = '2026-11-25T10:20:00.000Z';

describe('lifecycle/staleVerdictReason', () => {
  it('allows a verdict over the event it was evaluated from', () => {
    expect(staleVerdictReason(event(), basis, at)).to.equal(null);
  });
  it('refuses one when an alarm changed, another verdict came first, or the event is no longer open', () => {
    expect(staleVerdictReason(event({ lastAlarmAt: '2026-11-25T10:19:00.000Z' }), basis, at)).to.equal(
      'an alarm of the event changed while it was evaluated',
    );
    expect(
      staleVerdictReason(event({ verdictAt: '2026-11-25T10:19:30.000Z', verdict: 'fail' }), basis, at),
    ).to.equal('another verdict was recorded while it was evaluated');
    const later = { ...basis, verdictAt: '2026-11-25T10:30:00.000Z' };
    expect(staleVerdictReason(event({ verdictAt: later.verdictAt }), later, at)).to.equal(
      'a newer verdict is already recorded',
    );
    expect(staleVerdictReason(event({ state: 'resolved' }), basis, at)).to.equal('the event is resolved now');
    expect(staleVerdictReason(event({ state: 'merged' }), basis, at)).to.equal('the event is merged now');
  });
});
