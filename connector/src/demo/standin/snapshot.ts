// Optional persistence: the whole store as one JSON file, written atomically (temp file + rename)
// after changes, read back on start, so a demo left running keeps its incidents across restarts.
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { createStore, type Store } from './store.js';

const SnapshotSchema = z.object({
  version: z.literal(1),
  counters: z.record(z.string(), z.number().int()),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.string()))),
});

export function loadSnapshot(file: string): Store | null {
  if (!existsSync(file)) return null;
  const parsed = SnapshotSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const store = createStore();
  for (const [table, counter] of Object.entries(parsed.counters)) store.counters.set(table, counter);
  for (const [table, rows] of Object.entries(parsed.tables)) {
    store.tables.set(table, new Map(rows.map((row) => [row.sys_id ?? '', row])));
  }
  return store;
}

export function saveSnapshot(file: string, store: Store): void {
  const snapshot: z.infer<typeof SnapshotSchema> = {
    version: 1,
    counters: Object.fromEntries(store.counters),
    tables: Object.fromEntries([...store.tables].map(([table, rows]) => [table, [...rows.values()]])),
  };
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(snapshot));
  renameSync(temp, file);
}
