// Maintenance windows (silences): while one covers an alarm, the alarm is recorded but opens nothing;
// an event still active when the window ends is raised then.
import { z } from 'zod';
import type { Alarm } from '../model/alarm.js';
import { MaintenanceMatchSchema } from '../mapping/schema.js';

export const SilenceMatchSchema = MaintenanceMatchSchema;

export const SilenceInputSchema = z
  .object({
    id: z.string().min(1).max(100).optional(),
    starts_at: z.iso.datetime({ offset: true }),
    ends_at: z.iso.datetime({ offset: true }),
    match: SilenceMatchSchema,
    comment: z.string().min(1).max(500),
    created_by: z.string().min(1).max(100).default('api'),
  })
  .strict()
  .refine((s) => Date.parse(s.ends_at) > Date.parse(s.starts_at), {
    message: 'ends_at must be after starts_at',
    path: ['ends_at'],
  });
export type SilenceInput = z.infer<typeof SilenceInputSchema>;

export interface Silence {
  id: string;
  startsAt: string;
  endsAt: string;
  match: z.infer<typeof SilenceMatchSchema>;
  comment: string;
  createdBy: string;
  createdAt: string;
}

function covers(s: Silence, alarm: Alarm, rule: string | null): boolean {
  const a = alarm.asset;
  const m = s.match;
  return (
    (m.site === undefined || m.site === a.site) &&
    (m.room === undefined || m.room === a.room) &&
    (m.row === undefined || m.row === a.row) &&
    (m.rack === undefined || m.rack === a.rack) &&
    (m.equipment_id === undefined || m.equipment_id === a.equipmentId) &&
    (m.rule === undefined || m.rule === rule) &&
    (m.source === undefined || m.source === alarm.source)
  );
}

/** The covering silence that ends last, or null. */
export function matchSilence(
  silences: readonly Silence[],
  alarm: Alarm,
  rule: string | null,
  now: Date,
): { id: string; untilMs: number } | null {
  const t = now.getTime();
  let best: { id: string; untilMs: number } | null = null;
  for (const s of silences) {
    const start = Date.parse(s.startsAt);
    const end = Date.parse(s.endsAt);
    if (t < start || t >= end || !covers(s, alarm, rule)) continue;
    if (!best || end > best.untilMs) best = { id: s.id, untilMs: end };
  }
  return best;
}
