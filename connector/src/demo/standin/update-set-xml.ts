// Reads the update-set XML that `now-sdk build` writes (plugin/dist/app/**/*.xml) into plain
// records: <record_update><TABLE action="…"><field attr="…">value</field>…</TABLE></record_update>.
// The files are flat, so a reader for elements, attributes, CDATA and the five entities suffices.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface AppRecord {
  /** XML file relative to the app directory, e.g. update/sys_script_….xml. */
  file: string;
  table: string;
  /** INSERT_OR_UPDATE, or DELETE for what an upgrade removes (author_elective_update/). */
  action: string;
  fields: Record<string, string>;
  /** Attributes of each field element, e.g. sys_user_role → { name: 'x_closeloop.closure_override' }. */
  attributes: Record<string, Record<string, string>>;
}

const RECORD = /<([a-z_0-9]+) action="([A-Za-z_]+)"(?:\s[^>]*)?>([\s\S]*?)<\/\1>/g;
const FIELD = /<([a-z_0-9]+)((?:\s+[a-z_]+="[^"]*")*)\s*(?:\/>|>([\s\S]*?)<\/\1>)/g;
const ATTRIBUTE = /([a-z_]+)="([^"]*)"/g;

export function readAppRecords(appDir: string): AppRecord[] {
  if (!existsSync(appDir))
    throw new Error(`no built plugin at ${appDir}: run \`npm run build -w plugin\` first`);
  const records: AppRecord[] = [];
  for (const file of listXml(appDir)) {
    const relative = path.relative(appDir, file);
    for (const record of parseRecords(readFileSync(file, 'utf8')))
      records.push({ ...record, file: relative });
  }
  return records;
}

export function parseRecords(xml: string): Omit<AppRecord, 'file'>[] {
  const body = xml.replace(/^<\?xml[^>]*>\s*<record_update[^>]*>/, '').replace(/<\/record_update>\s*$/, '');
  const records: Omit<AppRecord, 'file'>[] = [];
  for (const [, table = '', action = '', inner = ''] of body.matchAll(RECORD)) {
    const fields: Record<string, string> = {};
    const attributes: Record<string, Record<string, string>> = {};
    for (const [, name = '', attrs = '', value] of inner.matchAll(FIELD)) {
      fields[name] = decode(value ?? '');
      attributes[name] = Object.fromEntries(
        [...attrs.matchAll(ATTRIBUTE)].map(([, k = '', v = '']) => [k, decode(v)]),
      );
    }
    records.push({ table, action, fields, attributes });
  }
  return records;
}

function listXml(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) files.push(...listXml(full));
    else if (entry.endsWith('.xml')) files.push(full);
  }
  return files.sort();
}

function decode(text: string): string {
  // Several CDATA sections in a row are how XML carries a "]]>" inside one value.
  if (/^\s*<!\[CDATA\[/.test(text)) {
    return [...text.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1] ?? '').join('');
  }
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
