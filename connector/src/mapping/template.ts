// Logic-less templates: mustache syntax parsed by the mustache package, rendered here over a flat,
// string-only context. No lambdas, no partials, no HTML escaping (ServiceNow fields are plain text), and
// strict: a variable that is not set for this alarm is an error, not a silent blank. Sections make
// content optional: `{{#labels.gpu}}GPU {{labels.gpu}}{{/labels.gpu}}`, `{{^x}}…{{/x}}` renders when x is unset.
import Mustache from 'mustache';
import { isKnownVariable, suggestVariable, type VariableContext } from './variables.js';

// mustache's token tuple: [type, value, start, end, children?, closeIndex?]
type Token = [string, string, number, number, Token[]?, number?];

export type ParseResult = { ok: true; tokens: Token[] } | { ok: false; error: string };

export function parseTemplate(template: string): ParseResult {
  try {
    return { ok: true, tokens: Mustache.parse(template) as unknown as Token[] };
  } catch (e) {
    return { ok: false, error: `template syntax: ${(e as Error).message}` };
  }
}

/** Every problem with a template that can be known before any alarm arrives. */
export function checkTemplate(template: string): string[] {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return [parsed.error];
  const errors: string[] = [];
  const walk = (tokens: Token[], depth: number): void => {
    for (const [type, name, , , children] of tokens) {
      if (type === 'text' || type === '!' || type === '=') continue;
      if (type === '>') {
        errors.push(`{{> ${name}}}: partials are not supported`);
        continue;
      }
      if (name === '.') {
        if (depth === 0) errors.push('{{.}} is only meaningful inside a section');
      } else if (!isKnownVariable(name)) {
        const hint = suggestVariable(name);
        errors.push(`unknown variable {{${name}}}${hint ? ` (did you mean {{${hint}}}?)` : ''}`);
      }
      if (children) walk(children, depth + 1);
    }
  };
  walk(parsed.tokens, 0);
  return errors;
}

/** Variable names a template refers to (sections included), for documentation and tests. */
export function templateVariables(template: string): string[] {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return [];
  const names = new Set<string>();
  const walk = (tokens: Token[]): void => {
    for (const [type, name, , , children] of tokens) {
      if (['name', '&', '#', '^'].includes(type) && name !== '.') names.add(name);
      if (children) walk(children);
    }
  };
  walk(parsed.tokens);
  return [...names];
}

export type RenderResult = { ok: true; value: string } | { ok: false; error: string };

export type TemplateContext = VariableContext | Readonly<Record<string, string | number | undefined>>;

function toMap(context: TemplateContext): VariableContext {
  if (context instanceof Map) return context;
  const m = new Map<string, string>();
  for (const [k, v] of Object.entries(context)) if (v !== undefined) m.set(k, String(v));
  return m;
}

/** Renders `template` over `context` (flat keys such as `asset.rack`); strict about unset variables. */
export function renderTemplate(template: string, context: TemplateContext): RenderResult {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return parsed;
  const ctx = toMap(context);
  const missing: string[] = [];
  const render = (tokens: Token[], dot: string | undefined): string => {
    let out = '';
    for (const [type, name, , , children] of tokens) {
      if (type === 'text') {
        out += name;
        continue;
      }
      if (type === '!' || type === '=') continue;
      if (type === '>') {
        missing.push(`{{> ${name}}}: partials are not supported`);
        continue;
      }
      const value = name === '.' ? dot : ctx.get(name);
      const present = value !== undefined && value !== '';
      if (type === '#') {
        if (present) out += render(children ?? [], value);
      } else if (type === '^') {
        if (!present) out += render(children ?? [], dot);
      } else if (value === undefined) {
        missing.push(
          `{{${name}}} is not set for this alarm (wrap it in {{#${name}}}…{{/${name}}} if it is optional)`,
        );
      } else {
        out += value;
      }
    }
    return out;
  };
  const value = render(parsed.tokens, undefined);
  if (missing.length) return { ok: false, error: [...new Set(missing)].join('; ') };
  return { ok: true, value };
}
