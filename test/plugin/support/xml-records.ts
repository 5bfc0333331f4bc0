// Reads the update-set XML that `now-sdk build` writes (dist/app/**/*.xml) into plain records.
// The files are flat (<record_update><TABLE action=…><field>value</field>…), so a small reader
// that understands elements, attributes, CDATA and entities is enough.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface BuiltRecord {
  /** Path of the XML file relative to the app output directory, e.g. update/sys_script_….xml. */
  file: string;
  table: string;
  action: string;
  fields: Record<string, string>;
  /** Attributes of each field element, e.g. sys_user_role name="…". */
  attributes: Record<string, Record<string, string>>;
}

export function readBuiltRecords(appDir: string): BuiltRecord[] {
  const records: BuiltRecord[] = [];
  for (const file of listXml(appDir)) {
    const xml = readFileSync(file, 'utf8');
    const relative = path.relative(appDir, file);
    for (const record of parseRecords(xml)) records.push({ ...record, file: relative });
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

const RECORD = /<([a-z_0-9]+) action="([A-Z_]+)"(?:\s[^>]*)?>([\s\S]*?)<\/\1>/g;
const FIELD = /<([a-z_0-9]+)((?:\s+[a-z_]+="[^"]*")*)\s*(?:\/>|>([\s\S]*?)<\/\1>)/g;
const ATTRIBUTE = /([a-z_]+)="([^"]*)"/g;

function parseRecords(xml: string): Omit<BuiltRecord, 'file'>[] {
  const body = xml.replace(/^<\?xml[^>]*>\s*<record_update[^>]*>/, '').replace(/<\/record_update>\s*$/, '');
  const records: Omit<BuiltRecord, 'file'>[] = [];
  for (const match of body.matchAll(RECORD)) {
    const [, table, action, inner] = match as unknown as [string, string, string, string];
    const fields: Record<string, string> = {};
    const attributes: Record<string, Record<string, string>> = {};
    for (const field of inner.matchAll(FIELD)) {
      const [, name, attrs, value] = field as unknown as [string, string, string, string | undefined];
      fields[name] = decode(value ?? '');
      const parsed: Record<string, string> = {};
      for (const attr of attrs.matchAll(ATTRIBUTE)) parsed[attr[1] as string] = decode(attr[2] as string);
      attributes[name] = parsed;
    }
    records.push({ table, action, fields, attributes });
  }
  return records;
}

function decode(text: string): string {
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(text.trim());
  if (cdata) return cdata[1] as string;
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
