// What the HTTP layer and listeners need from the mapping engine, as one small interface. The
// implementation (engine.ts) binds it to the loaded mappings; reloading swaps the whole object.
import type { Alarm } from '../model/alarm.js';
import type { SourceConfig } from '../mapping/schema.js';
import type { IngestPlan } from '../model/ingest.js';
import type { Silence } from '../correlation/silences.js';
import type { DecodeOptions, DecodeResult } from '../sources/types.js';

export type DecodedBatch = DecodeResult;

export type PlanOutcome =
  | { kind: 'planned'; plan: IngestPlan }
  | { kind: 'unmatched'; reason: string }
  | { kind: 'error'; message: string };

export interface Engine {
  sources: Record<string, SourceConfig>;
  /** Maintenance windows declared in the mappings. */
  maintenance: Silence[];
  decode(sourceName: string, body: unknown, opts: DecodeOptions): DecodedBatch;
  /** decode for the ingest path: a big batch is decoded in chunks, giving the event loop back between them. */
  decodeInChunks(sourceName: string, body: unknown, opts: DecodeOptions): Promise<DecodedBatch>;
  plan(alarm: Alarm): PlanOutcome;
  /** JSON-able preview of what a payload would produce (the same as `closeloop mappings preview`). */
  preview(sourceName: string, body: unknown, now: Date): unknown;
}
