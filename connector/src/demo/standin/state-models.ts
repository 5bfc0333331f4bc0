// The state models of the other tables the guard covers, as their applications ship them: the
// states (seeded as sys_choice), which states close a record (active false, closed stamps), and the
// close fields their data policy makes mandatory. Incident's own logic is incident-logic.ts.
import { formatGlideDateTime } from './ids.js';
import type { Row } from './store.js';

export interface StateModel {
  table: string;
  states: [value: string, label: string][];
  /** States in which the record is no longer active. */
  closed: string[];
  /** Close fields required (label) when moving into one of `states`. */
  closeFields: { states: string[]; fields: [field: string, label: string][] };
}

export const STATE_MODELS: StateModel[] = [
  {
    table: 'change_request',
    states: [
      ['-5', 'New'],
      ['-4', 'Assess'],
      ['-3', 'Authorize'],
      ['-2', 'Scheduled'],
      ['-1', 'Implement'],
      ['0', 'Review'],
      ['3', 'Closed'],
      ['4', 'Canceled'],
    ],
    closed: ['3', '4'],
    closeFields: {
      states: ['3'],
      fields: [
        ['close_code', 'Close code'],
        ['close_notes', 'Close notes'],
      ],
    },
  },
  {
    table: 'wm_order',
    states: [
      ['1', 'Draft'],
      ['10', 'Ready for dispatch'],
      ['16', 'Assigned'],
      ['18', 'Work in Progress'],
      ['3', 'Closed Complete'],
      ['4', 'Closed Incomplete'],
      ['7', 'Canceled'],
    ],
    closed: ['3', '4', '7'],
    closeFields: { states: ['3', '4'], fields: [['close_notes', 'Close notes']] },
  },
  {
    table: 'wm_task',
    states: [
      ['1', 'Draft'],
      ['10', 'Pending Dispatch'],
      ['16', 'Assigned'],
      ['17', 'Accepted'],
      ['18', 'Work in Progress'],
      ['3', 'Closed Complete'],
      ['4', 'Closed Incomplete'],
      ['7', 'Canceled'],
    ],
    closed: ['3', '4', '7'],
    closeFields: { states: ['3', '4'], fields: [['close_notes', 'Close notes']] },
  },
];

const byTable = new Map(STATE_MODELS.map((model) => [model.table, model]));

export function stateModelOf(table: string): StateModel | undefined {
  return byTable.get(table);
}

/** Closed stamps and the active flag on a state change, in place. */
export function applyStateModel(
  model: StateModel,
  current: Row,
  previous: Row | null,
  userSysId: string,
  nowMs: number,
): void {
  const state = current.state ?? '';
  if (previous && state === (previous.state ?? '')) return;
  if (model.closed.includes(state)) {
    current.active = 'false';
    current.closed_at = formatGlideDateTime(nowMs);
    current.closed_by = userSysId;
  } else {
    current.active = 'true';
    current.closed_at = '';
    current.closed_by = '';
  }
}

/** Labels of close fields the data policy requires but the record leaves empty. */
export function closeFieldsMissing(model: StateModel, current: Row): string[] {
  if (!model.closeFields.states.includes(current.state ?? '')) return [];
  return model.closeFields.fields.filter(([field]) => !current[field]).map(([, label]) => label);
}
