// Shell-style globs for matchers: `*` any run of characters, `?` one character, `[abc]` / `[a-z]` /
// `[!abc]` a character class, `{a,b}` alternatives. Whole-value, case-sensitive. Bad globs are reported
// at load time rather than quietly matching nothing.

export type GlobResult = { ok: true; regex: RegExp } | { ok: false; error: string };

function escape(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

export function compileGlob(glob: string): GlobResult {
  let out = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '\\') {
      const next = glob[i + 1];
      if (next === undefined) return { ok: false, error: `glob "${glob}" ends with a lone backslash` };
      out += escape(next);
      i++;
    } else if (ch === '*') out += '.*';
    else if (ch === '?') out += '.';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) return { ok: false, error: `glob "${glob}" has an unclosed "[" at position ${i + 1}` };
      let body = glob.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      if (!body) return { ok: false, error: `glob "${glob}" has an empty character class` };
      out += `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
      i = end;
    } else if (ch === '{') {
      braceDepth++;
      out += '(?:';
    } else if (ch === '}') {
      if (braceDepth === 0)
        return { ok: false, error: `glob "${glob}" has an unmatched "}" at position ${i + 1}` };
      braceDepth--;
      out += ')';
    } else if (ch === ',' && braceDepth > 0) out += '|';
    else out += escape(ch);
  }
  if (braceDepth > 0) return { ok: false, error: `glob "${glob}" has an unclosed "{"` };
  try {
    return { ok: true, regex: new RegExp(`^(?:${out})$`, 's') };
  } catch (e) {
    return { ok: false, error: `glob "${glob}": ${(e as Error).message}` };
  }
}

/** Regex matchers are anchored (the whole value must match), as in Prometheus and Alertmanager. */
export function compileRegex(source: string): GlobResult {
  try {
    new RegExp(source, 's');
  } catch (e) {
    const why = (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    return { ok: false, error: `invalid regex /${source}/: ${why}` };
  }
  try {
    return { ok: true, regex: new RegExp(`^(?:${source})$`, 's') };
  } catch (e) {
    return {
      ok: false,
      error: `invalid regex /${source}/: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`,
    };
  }
}
