// Where `shared/` (fixtures nobody here wrote) is: beside the checkout, or beside a parent of it when
// the checkout is a worktree one level further down. Found by walking up from here.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findShared(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'fixtures');
    if (existsSync(candidate)) return path.join(dir, 'shared');
    // Not found: where it is laid out normally (errors then name that path).
    if (path.dirname(dir) === dir) return path.resolve(here, '../../../shared');
  }
}

export const SHARED_DIR = findShared();
