// Reads the app's system properties.
import { gs } from '@servicenow/glide';

// gs.getProperty returns its second argument only when the property does not exist, which lets
// settings.ts tell "missing" (use the default) from "emptied by an admin" (switch it off).
const MISSING = '\u0000x_closeloop.missing';

export function readProperty(name: string): string | undefined {
  const value: unknown = gs.getProperty(name, MISSING);
  if (value === null || value === undefined || value === MISSING) return undefined;
  return String(value);
}
