// The demo's terminal output: step lines stamped with the time since the demo started, indented
// detail lines, and incidents drawn the way the ServiceNow form shows them (header fields, then the
// work-notes journal, newest first). Formatting is pure; `createNarrator` only adds the clock and
// the output sink.
import type { IncidentView } from './servicenow-user.js';

const INDENT = ' '.repeat(10);
/** Width of an incident card, borders included (plus INDENT on screen: about 104 columns). */
const CARD = 94;
const LABEL = 19;

export interface CardOptions {
  /** Show the description (the first time an incident is shown). */
  description?: boolean;
  /** Work notes already shown: only later ones are listed (default 0: all). */
  since?: number;
  /** Leave the work notes out entirely. */
  noNotes?: boolean;
}

export interface Narrator {
  /** A step of the story begins. */
  step(title: string): void;
  /** A detail line (or several, split on newlines) under the current step. */
  say(text: string): void;
  /** A milestone, stamped with the elapsed time. */
  ok(text: string): void;
  /** An incident as ServiceNow shows it. */
  incident(view: IncidentView, options?: CardOptions): void;
  /** Milliseconds since the narrator was created. */
  elapsedMs(): number;
}

export function stamp(ms: number): string {
  return `[${(ms / 1000).toFixed(1).padStart(5)}s]`;
}

/** Splits text into lines of at most `width` characters, breaking at spaces where possible. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
      while (line.length > width) {
        out.push(line.slice(0, width));
        line = line.slice(width);
      }
    }
    out.push(line);
  }
  return out;
}

/** The incident card: header fields and the work notes (newest first, as the activity stream shows them). */
export function formatIncident(view: IncidentView, options: CardOptions = {}): string[] {
  const since = options.since ?? 0;
  const lines: string[] = [];
  const field = (label: string, value: string) => {
    const [first = '', ...rest] = wrap(value || '(empty)', CARD - 2 - LABEL);
    lines.push(`│ ${label.padEnd(LABEL)}${first}`);
    for (const l of rest) lines.push(`│ ${' '.repeat(LABEL)}${l}`);
  };
  const header = `${view.number} · ${view.state.label} · Priority ${view.priority}`;
  lines.push(`┌─ ${header} ${'─'.repeat(Math.max(3, CARD - header.length - 4))}`);
  field('Short description', view.shortDescription);
  field('Assignment group', view.assignmentGroup);
  field('Configuration item', view.ci);
  field('Correlation ID', view.correlationId);
  if (view.state.value === '6' || view.state.value === '7')
    field('Resolved by', `${view.resolvedBy} (${view.closeCode})`);
  if (options.description) field('Description', view.description.replace(/\n{2,}/g, '\n'));
  if (!options.noNotes) {
    const notes = view.workNotes.slice(since);
    lines.push(
      since > 0
        ? `│ Work notes: ${notes.length} new (newest first; ${since} earlier ones above)`
        : `│ Work notes (newest first, ${notes.length})`,
    );
    for (const note of [...notes].reverse()) {
      lines.push(`│   ${note.at}  ${note.by}`);
      for (const l of wrap(note.text, CARD - 6)) lines.push(`│     ${l}`);
    }
  }
  lines.push(`└${'─'.repeat(CARD - 1)}`);
  return lines;
}

export function createNarrator(write: (text: string) => void, now: () => number = Date.now): Narrator {
  const started = now();
  const elapsedMs = () => now() - started;
  const out = (line: string) => write(`${line}\n`);
  return {
    step: (title) => {
      out('');
      out(`${stamp(elapsedMs())} ${title}`);
    },
    say: (text) => {
      for (const line of text.split('\n')) out(`${INDENT}${line}`);
    },
    ok: (text) => out(`${stamp(elapsedMs())}   ✓ ${text}`),
    incident: (view, options = {}) => {
      for (const line of formatIncident(view, options)) out(`${INDENT}${line}`);
    },
    elapsedMs,
  };
}
