// Bounded per-key sample history for providers whose source keeps none (Redfish reads, MQTT messages).
// Plain data plus functions: the provider owns the Map, these keep it ordered and bounded.
import type { Sample } from './types.js';

export type History = Map<string, Sample[]>;

/** Insert keeping time order (sources may deliver slightly out of order) and drop the oldest beyond `limit`. */
export function appendSample(history: History, key: string, sample: Sample, limit: number): void {
  let samples = history.get(key);
  if (!samples) {
    samples = [];
    history.set(key, samples);
  }
  let i = samples.length;
  while (i > 0 && samples[i - 1]!.t > sample.t) i--;
  if (i > 0 && samples[i - 1]!.t === sample.t) samples[i - 1] = sample;
  else samples.splice(i, 0, sample);
  if (samples.length > limit) samples.splice(0, samples.length - limit);
}

/** Samples of `samples` with startMs ≤ t ≤ endMs (a copy). */
export function samplesBetween(samples: readonly Sample[], startMs: number, endMs: number): Sample[] {
  return samples.filter((s) => s.t >= startMs && s.t <= endMs);
}

/** The newest sample, if any. */
export function lastSample(samples: readonly Sample[] | undefined): Sample | undefined {
  return samples?.[samples.length - 1];
}
