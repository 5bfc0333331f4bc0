#!/usr/bin/env node
// Lints the server modules with the ESLint 8 that @servicenow/eslint-plugin-sdk-app-plugin
// depends on. The workspace root hoists ESLint 9, whose flat-config CLI rejects the plugin's
// legacy config, so a bare `eslint` on PATH would be the wrong one.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const args = process.argv.slice(2);
if (args.some((arg) => arg === '--fix' || arg.startsWith('--fix-'))) {
  // The plugin's file-extension fixer rewrites imports to .js; the platform needs .ts.
  console.error('lint: --fix is not allowed for the plugin (it would rewrite .ts imports to .js).');
  process.exit(2);
}

// The package exports only its entry (lib/index.js); its root is two levels up.
const pluginDir = path.resolve(
  path.dirname(require.resolve('@servicenow/eslint-plugin-sdk-app-plugin')),
  '..',
);
const eslintPackage = require.resolve('eslint/package.json', { paths: [pluginDir] });
const eslintVersion = require(eslintPackage).version;
if (!eslintVersion.startsWith('8.')) {
  console.error(`lint: expected ESLint 8 next to the ServiceNow plugin, found ${eslintVersion}`);
  process.exit(2);
}
const eslintBin = path.join(path.dirname(eslintPackage), 'bin', 'eslint.js');
const projectDir = path.resolve(__dirname, '..');
const targets = args.length ? args : ['src/server'];

const result = spawnSync(
  process.execPath,
  [eslintBin, '--no-eslintrc', '-c', '.eslintrc.cjs', '--ext', '.ts', '--max-warnings', '0', ...targets],
  { cwd: projectDir, stdio: 'inherit', env: { ...process.env, ESLINT_USE_FLAT_CONFIG: 'false' } },
);
process.exit(result.status === null ? 1 : result.status);
