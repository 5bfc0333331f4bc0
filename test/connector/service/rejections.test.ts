import { expect } from 'chai';
import { createRefusalLog, refusalReason } from '../../../connector/src/service/rejections.js';

describe('service/rejections', () => {
  it('names each refused alarm by its position, the whole body without one', () => {
    expect(
      refusalReason([
        { index: 1, message: 'severity: "urgent" is not one of …' },
        { index: 4, message: 'id: missing' },
      ]),
    ).to.equal('alarm 1: severity: "urgent" is not one of …\nalarm 4: id: missing');
    expect(refusalReason([{ index: null, message: 'malformed JSON' }], 'topic a/b')).to.equal(
      'topic a/b: malformed JSON',
    );
  });

  it('bounds the reason of a huge batch and says how many were left out', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ index: i, message: 'id: missing' }));
    const text = refusalReason(many);
    expect(text.length).to.be.below(4100);
    expect(text).to.match(/^alarm 0: id: missing\n/);
    expect(text).to.match(/\n… and \d+ more$/);
  });

  it('logs at most 20 refusals per source and minute, then says how many it did not log', () => {
    const lines: { obj: Record<string, unknown>; msg: string }[] = [];
    let t = 0;
    const log = createRefusalLog(
      { warn: (obj: Record<string, unknown>, msg: string) => void lines.push({ obj, msg }) } as never,
      () => t,
    );
    const input = {
      source: 'snmp',
      body: new Uint8Array(),
      contentType: null,
      receivedAt: new Date(0),
      kind: 'malformed' as const,
      refusals: [],
    };
    for (let i = 0; i < 100; i++) log(input, 'junk');
    log({ ...input, source: 'bms' }, 'other source');
    expect(lines.filter((l) => l.obj['source'] === 'snmp')).to.have.length(20);
    expect(lines.filter((l) => l.obj['source'] === 'bms')).to.have.length(1);
    t = 60_000;
    log(input, 'junk');
    expect(lines.at(-2)!.msg).to.equal('80 refusals in the last minute were not logged');
    expect(lines.at(-1)!.msg).to.equal('refused input kept: junk');
  });
});
