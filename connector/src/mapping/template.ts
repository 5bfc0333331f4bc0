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

export type RenderResult =
  | { ok: true; value: string }
  /** `refused`: every variable was set, but a value could not be placed safely (see ValueEscaper). */
  | { ok: false; error: string; refused?: true };

/**
 * Places one variable's value in the output, given everything rendered before it (so it can tell, for
 * a query, whether the value lands inside a quoted string, a path segment, a topic level…). Answers
 * the text to insert, or why this value cannot be placed there safely.
 */
export type ValueEscaper = (
  value: string,
  variable: string,
  before: string,
) => { ok: true; text: string } | { ok: false; reason: string };

export type TemplateContext = VariableContext | Readonly<Record<string, string | number | undefined>>;

function toMap(context: TemplateContext): VariableContext {
  if (context instanceof Map) return context;
  const m = new Map<string, string>();
  for (const [k, v] of Object.entries(context)) if (v !== undefined) m.set(k, String(v));
  return m;
}

/**
 * Renders `template` over `context` (flat keys such as `asset.rack`); strict about unset variables.
 * With `escape`, every value goes through it (queries); without, values are inserted as they are.
 */
export function renderTemplate(
  template: string,
  context: TemplateContext,
  escape?: ValueEscaper,
): RenderResult {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return parsed;
  const ctx = toMap(context);
  const missing: string[] = [];
  const refused: string[] = [];
  let out = '';
  const render = (tokens: Token[], dot: string | undefined): void => {
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
        if (present) render(children ?? [], value);
      } else if (type === '^') {
        if (!present) render(children ?? [], dot);
      } else if (value === undefined) {
        missing.push(
          `{{${name}}} is not set for this alarm (wrap it in {{#${name}}}…{{/${name}}} if it is optional)`,
        );
      } else if (escape) {
        const placed = escape(value, name, out);
        if (placed.ok) out += placed.text;
        else refused.push(`{{${name}}} = ${JSON.stringify(value)}: ${placed.reason}`);
      } else {
        out += value;
      }
    }
  };
  render(parsed.tokens, undefined);
  if (missing.length) return { ok: false, error: [...new Set(missing)].join('; ') };
  if (refused.length) return { ok: false, error: [...new Set(refused)].join('; '), refused: true };
  return { ok: true, value: out };
}

/** One variable of a template and the static text written before it (sections taken as rendered). */
export interface TemplateSlot {
  variable: string;
  before: string;
}

/**
 * Where each variable sits in a template, for checks made when mappings load: the static text before
 * it, with every section's content included and variables contributing nothing.
 */
export function templateSlots(template: string): TemplateSlot[] {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return [];
  const slots: TemplateSlot[] = [];
  let text = '';
  const walk = (tokens: Token[]): void => {
    for (const [type, name, , , children] of tokens) {
      if (type === 'text') text += name;
      else if (type === 'name' || type === '&') slots.push({ variable: name, before: text });
      else if (children) walk(children);
    }
  };
  walk(parsed.tokens);
  return slots;
}
