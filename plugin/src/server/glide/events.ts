// Queues the app's events (sysevent_register: x_closeloop.*) on a record, for notifications and Flow.
import { GlideRecord, gs } from '@servicenow/glide';

export function queueEvent(name: string, table: string, sysId: string, parm1: string, parm2: string): boolean {
  if (!sysId) return false;
  const record = new GlideRecord(table);
  if (!record.get(sysId)) return false;
  gs.eventQueue(name, record, parm1, parm2);
  return true;
}

/** Manager of an assignment group ('' when none): told when an override is used. */
export function groupManager(groupSysId: string): string {
  if (!groupSysId) return '';
  const group = new GlideRecord('sys_user_group');
  if (!group.get(groupSysId)) return '';
  const manager: unknown = group.getValue('manager');
  return manager === null || manager === undefined ? '' : String(manager);
}
