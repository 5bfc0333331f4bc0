// Alarms in the e2e mappings' `site` webhook format, and posting them as a site system would.
import axios from 'axios';

export interface SiteAlarm {
  id: string;
  state: 'active' | 'cleared';
  severity: 'critical' | 'major' | 'minor' | 'warning';
  type: string;
  at: string;
  site: string;
  equipment: string;
  text: string;
}

export function siteAlarm(equipment: string, id: string, state: SiteAlarm['state'], text: string): SiteAlarm {
  return {
    id,
    state,
    severity: 'major',
    type: 'test_alarm',
    at: new Date().toISOString(),
    site: 'DC9',
    equipment,
    text,
  };
}

export const keyOf = (equipment: string) => `E2E/DC9/${equipment}`;

/** POST /v1/alarms/site; the HTTP status, or 0 when no answer came (connector down or killed). */
export async function postSiteAlarm(connectorUrl: string, token: string, alarm: SiteAlarm): Promise<number> {
  try {
    const res = await axios.post(`${connectorUrl}/v1/alarms/site`, alarm, {
      headers: { Authorization: `Bearer ${token}` },
      validateStatus: () => true,
      proxy: false,
      timeout: 10_000,
    });
    return res.status;
  } catch {
    return 0;
  }
}
