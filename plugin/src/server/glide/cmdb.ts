// The class of an incident's CI, for guarding by CI class.
import { GlideRecord } from '@servicenow/glide';

export function lookupCiClass(ciSysId: string): string {
  if (!ciSysId) return '';
  const ci = new GlideRecord('cmdb_ci');
  if (!ci.get(ciSysId)) return '';
  const value: unknown = ci.getValue('sys_class_name');
  return value === null || value === undefined ? '' : String(value);
}
