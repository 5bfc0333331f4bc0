// A connection names its MID Server by sys_id (ecc_agent); RESTMessageV2.setMIDServer wants the name.
import { GlideRecord } from '@servicenow/glide';

export function midServerName(reference: string): string {
  if (!/^[0-9a-f]{32}$/i.test(reference)) return reference;
  const agent = new GlideRecord('ecc_agent');
  if (!agent.get(reference)) return '';
  const name: unknown = agent.getValue('name');
  return name === null || name === undefined ? '' : String(name);
}
