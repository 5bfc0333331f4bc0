// Note economy: at most one work note per incident per interval. Notes that come sooner are buffered
// and written later as one summary; anything that is not a note (update, resolve, reopen) first flushes
// the buffer, so the journal still reads in the order things happened.
import type { EventRecord } from '../model/event.js';
import type { Operation } from '../model/operation.js';

function hhmm(iso: string): string {
  return iso.slice(11, 16);
}

export function summaryText(e: EventRecord, nowIso: string): string | null {
  const flaps = Object.values(e.noise.flapping);
  const lines = [
    ...e.noise.noteBuffer,
    ...flaps.map(
      (f) => `${f.label} is flapping: ${f.changes} state changes since ${hhmm(f.since)} UTC, now ${f.state}.`,
    ),
  ];
  if (lines.length === 0) return null;
  if (lines.length === 1) return lines[0]!;
  const since = e.noise.lastNoteAt ? ` since ${hhmm(e.noise.lastNoteAt)} UTC` : '';
  // A storm can buffer hundreds of lines: keep the note readable.
  const shown = lines.length > 25 ? [...lines.slice(0, 25), `… and ${lines.length - 25} more`] : lines;
  return `${lines.length} changes${since} (summary at ${hhmm(nowIso)} UTC):\n- ${shown.join('\n- ')}`;
}

function drained(e: EventRecord, nowIso: string): EventRecord {
  return { ...e, noise: { ...e.noise, noteBuffer: [], flapping: {}, noteDueAt: null, lastNoteAt: nowIso } };
}

/** Apply the note budget to the operations one decision produced. */
export function economise(
  event: EventRecord,
  ops: Operation[],
  now: Date,
  intervalMs: number,
): { event: EventRecord; ops: Operation[] } {
  const nowIso = now.toISOString();
  let e = event;
  const out: Operation[] = [];
  for (const op of ops) {
    if (op.op === 'note') {
      const last = e.noise.lastNoteAt ? Date.parse(e.noise.lastNoteAt) : -Infinity;
      const idle = e.noise.noteBuffer.length === 0 && Object.keys(e.noise.flapping).length === 0;
      if (intervalMs <= 0 || (idle && now.getTime() - last >= intervalMs)) {
        out.push(op);
        e = { ...e, noise: { ...e.noise, lastNoteAt: nowIso } };
      } else {
        const due = new Date(Math.max(now.getTime(), last + intervalMs)).toISOString();
        e = {
          ...e,
          noise: {
            ...e.noise,
            noteBuffer: [...e.noise.noteBuffer, op.text],
            noteDueAt: e.noise.noteDueAt ?? due,
          },
        };
      }
      continue;
    }
    if (op.op !== 'create') {
      const summary = summaryText(e, nowIso);
      if (summary) {
        out.push({ op: 'note', text: summary });
        e = drained(e, nowIso);
      }
    }
    out.push(op);
  }
  // Flapping alarms recorded by this decision need a summary at the next allowed time.
  if (Object.keys(e.noise.flapping).length > 0 && !e.noise.noteDueAt) {
    const last = e.noise.lastNoteAt ? Date.parse(e.noise.lastNoteAt) : now.getTime();
    const due = new Date(Math.max(now.getTime(), last + Math.max(intervalMs, 60_000))).toISOString();
    e = { ...e, noise: { ...e.noise, noteDueAt: due } };
  }
  return { event: e, ops: out };
}

/** The summary note of an event whose buffered notes are due; null when nothing is due. */
export function flushDue(event: EventRecord, now: Date): { event: EventRecord; op: Operation | null } | null {
  if (!event.noise.noteDueAt || Date.parse(event.noise.noteDueAt) > now.getTime()) return null;
  const nowIso = now.toISOString();
  const text = summaryText(event, nowIso);
  if (!text) return { event: { ...event, noise: { ...event.noise, noteDueAt: null } }, op: null };
  return { event: drained(event, nowIso), op: { op: 'note', text } };
}
