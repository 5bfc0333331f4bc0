// Replay protection for authenticated SNMPv3 notifications, which net-snmp's receiver does not do. The
// sender of a trap is the authoritative engine (RFC 3414 §3.2, step 7b): per engine id we keep the latest
// engineBoots/engineTime received and refuse a message whose boots are lower, or whose time is more than
// 150 s behind, the latest. Inside that window a replay is the same bytes (boots, time and the PDU are all
// under the MAC), so every MAC accepted is also remembered and refused when seen again. Both live in
// memory: after a restart the first message of each engine sets its notion again (docs/security.md).

export const TIME_WINDOW_S = 150;
const MAX_BOOTS = 2 ** 31 - 1;

export type ReplayVerdict = { ok: true } | { ok: false; reason: 'replay' | 'outside_time_window' };

export interface UsmReplayGuard {
  check(
    msg: { engineId: string; engineBoots: number; engineTime: number; authParams: string },
    nowMs: number,
  ): ReplayVerdict;
}

export function createUsmReplayGuard(
  opts: { maxEngines?: number; maxMacs?: number; macTtlMs?: number } = {},
): UsmReplayGuard {
  const maxEngines = opts.maxEngines ?? 10_000;
  const maxMacs = opts.maxMacs ?? 100_000;
  // Long enough that engines whose clock does not advance (time stuck at 0) are still covered for a while.
  const macTtlMs = opts.macTtlMs ?? 24 * 3_600_000;
  const engines = new Map<string, { boots: number; latestTime: number }>();
  const macs = new Map<string, number>();

  return {
    check(msg, nowMs) {
      for (const [mac, exp] of macs) {
        if (exp > nowMs) break;
        macs.delete(mac);
      }
      const macKey = `${msg.engineId}:${msg.authParams}`;
      if (macs.has(macKey)) return { ok: false, reason: 'replay' };
      const known = engines.get(msg.engineId);
      if (msg.engineBoots >= MAX_BOOTS) return { ok: false, reason: 'outside_time_window' };
      if (known) {
        if (msg.engineBoots < known.boots) return { ok: false, reason: 'outside_time_window' };
        if (msg.engineBoots === known.boots && msg.engineTime + TIME_WINDOW_S < known.latestTime)
          return { ok: false, reason: 'outside_time_window' };
      }
      if (!known || msg.engineBoots > known.boots || msg.engineTime > known.latestTime) {
        engines.delete(msg.engineId);
        if (engines.size >= maxEngines) engines.delete(engines.keys().next().value!);
        engines.set(msg.engineId, { boots: msg.engineBoots, latestTime: msg.engineTime });
      }
      if (macs.size >= maxMacs) macs.delete(macs.keys().next().value!);
      macs.set(macKey, nowMs + macTtlMs);
      return { ok: true };
    },
  };
}
