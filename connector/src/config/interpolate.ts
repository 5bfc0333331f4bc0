// `${NAME}` references in closeloop.yaml string values, so credentials can live in the environment
// (or a secrets manager that fills it) rather than in the file. `${NAME:-fallback}` gives a default;
// `$${` writes a literal `${`. An unset variable without a default is an error naming the key.

export interface Interpolated {
  value: string;
  /** Environment variables the value used. */
  used: string[];
  /** Variables that are referenced but not set (and have no default). */
  missing: string[];
}

const REF = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
/** The reference syntax (group 1 the name, group 2 the fallback), for tools that list references. */
export const REFERENCE: RegExp = REF;

export function interpolate(text: string, env: Readonly<Record<string, string | undefined>>): Interpolated {
  const used: string[] = [];
  const missing: string[] = [];
  const value = text.replace(REF, (whole, name: string | undefined, fallback: string | undefined) => {
    if (whole === '$${') return '${';
    const v = env[name!];
    if (v !== undefined && v !== '') {
      used.push(name!);
      return v;
    }
    if (fallback !== undefined) return fallback;
    missing.push(name!);
    return '';
  });
  return { value, used, missing };
}

/** True when the text contains a `${` that is not a well-formed reference (a likely typo). */
export function hasMalformedReference(text: string): boolean {
  return text.replace(REF, '').includes('${');
}
