// Validation errors of mapping files: always tied to a file position and a path inside the document,
// so an admin can jump straight to the offending line.

export interface MappingError {
  file: string;
  /** 1-based; 0 when the error concerns the file or directory as a whole. */
  line: number;
  /** 1-based; 0 when the error concerns the file or directory as a whole. */
  col: number;
  /** Path inside the document, e.g. `rules[3].incident.short_description` ('' for the whole file). */
  path: string;
  message: string;
}

export type PathSegment = string | number;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `['rules', 3, 'match', 'fields', 'labels.gpu']` → `rules[3].match.fields["labels.gpu"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENT.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** `file:line:col path: message` — the one format the CLI, the API and the tests use. */
export function formatMappingError(e: MappingError): string {
  const where = e.line > 0 ? `${e.file}:${e.line}:${e.col}` : e.file;
  return e.path ? `${where} ${e.path}: ${e.message}` : `${where}: ${e.message}`;
}

/** Errors in reading order: by file, then line, then column. */
export function sortErrors(errors: MappingError[]): MappingError[] {
  return [...errors].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.path.localeCompare(b.path),
  );
}
