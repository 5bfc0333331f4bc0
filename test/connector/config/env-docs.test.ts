// docs/configuration.md lists every environment variable, generated from the code that reads them;
// this fails when the table is stale or when code reads a variable by name that the listing lacks.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { ENV_BEGIN, ENV_END, generatedSection } from '../../../connector/src/cli/config-env.js';
import type { CliContext } from '../../../connector/src/cli/context.js';
import { ENV_OVERRIDES } from '../../../connector/src/config/env-overrides.js';
import { PROGRAM_ENV } from '../../../connector/src/config/env-vars.js';
import { main } from '../../../connector/src/cli/main.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ctx: CliContext = { env: {}, cwd: ROOT, stdout: () => {}, stderr: () => {}, exitCode: 0 };

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('docs/configuration.md: environment variables', () => {
  it('the generated table matches the shipped closeloop.yaml and mappings (npm run docs:env)', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/configuration.md'), 'utf8');
    const a = doc.indexOf(ENV_BEGIN);
    const b = doc.indexOf(ENV_END);
    expect(a, 'env markers in docs/configuration.md').to.be.greaterThan(-1);
    expect(doc.slice(a, b + ENV_END.length)).to.equal(generatedSection(ctx, 'closeloop.yaml', 'mappings'));
  });

  it('names the six source variables the shipped mappings need', () => {
    const section = generatedSection(ctx, 'closeloop.yaml', 'mappings');
    for (const v of [
      'CLOSELOOP_SNMP_COMMUNITIES',
      'CLOSELOOP_SNMP_AUTH_KEY',
      'CLOSELOOP_SNMP_PRIV_KEY',
      'CLOSELOOP_MQTT_USERNAME',
      'CLOSELOOP_MQTT_PASSWORD',
      'CLOSELOOP_REDFISH_TOKEN',
    ])
      expect(section).to.include(`| \`${v}\` |`);
  });

  it('every variable the connector reads by name is listed', () => {
    const listed = new Set([...ENV_OVERRIDES.map((o) => o.env), ...PROGRAM_ENV.map((p) => p.variable)]);
    const read = new Set<string>();
    for (const file of tsFiles(path.join(ROOT, 'connector/src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/env(?:\[['"]([A-Z][A-Z0-9_]+)['"]\]|\.([A-Z][A-Z0-9_]{2,})\b)/g))
        read.add(m[1] ?? m[2]!);
    }
    expect(read.size).to.be.greaterThan(3);
    expect([...read].filter((v) => !listed.has(v))).to.deep.equal([]);
  });

  it('closeloop config env --check fails on a stale file and passes on the shipped one', async () => {
    const run = async (file: string) => {
      let err = '';
      const code = await main(
        ['--config', 'closeloop.yaml', 'config', 'env', '--dir', 'mappings', '--check', file],
        {
          cwd: ROOT,
          env: {},
          stdout: () => {},
          stderr: (t) => void (err += t),
        },
      );
      return { code, err };
    };
    expect((await run('docs/configuration.md')).code).to.equal(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'closeloop-env-docs-'));
    try {
      const stale = path.join(dir, 'configuration.md');
      const text = readFileSync(path.join(ROOT, 'docs/configuration.md'), 'utf8');
      writeFileSync(stale, text.replace(/^\| `CLOSELOOP_REDFISH_TOKEN` .*\n/m, ''));
      const r = await run(stale);
      expect(r.code).to.equal(1);
      expect(r.err).to.include('the environment table is stale; regenerate it with: npm run docs:env');
      // A file without the section is an error, not a pass.
      expect((await run(path.join(ROOT, 'README.md'))).code).to.equal(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
