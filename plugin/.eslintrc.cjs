// ESLint 8 legacy config for the server modules (they run in the instance's Rhino engine, ES2021).
// Run through `npm run lint` (scripts/lint.cjs), which uses the ESLint 8 the ServiceNow plugin
// depends on; the root's ESLint 9 flat config ignores plugin/. Never run with --fix: the plugin's
// file-extension fixer writes .js, and the platform wants .ts.
module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
  env: { es2021: true },
  plugins: ['@servicenow/sdk-app-plugin'],
  extends: ['plugin:@servicenow/sdk-app-plugin/recommended'],
  rules: {
    '@servicenow/sdk-app-plugin/no-async-functions': 'error',
    '@servicenow/sdk-app-plugin/no-promise': 'error',
    'no-new-func': 'error',
    'no-eval': 'error',
    // What Rhino's ES2021 mode disallows and the build does not catch.
    'no-restricted-syntax': [
      'error',
      {
        selector: 'PrivateIdentifier',
        message: '#private fields and methods are not supported on the instance.',
      },
      { selector: 'Identifier[name="Reflect"]', message: 'Reflect is disallowed on the instance.' },
      { selector: 'Identifier[name="WeakRef"]', message: 'WeakRef is disallowed on the instance.' },
      {
        selector: 'Identifier[name="FinalizationRegistry"]',
        message: 'FinalizationRegistry is disallowed on the instance.',
      },
      {
        selector: 'Identifier[name="SharedArrayBuffer"]',
        message: 'SharedArrayBuffer is disallowed on the instance.',
      },
      { selector: 'Identifier[name="Atomics"]', message: 'Atomics is disallowed on the instance.' },
      { selector: 'ForOfStatement[await=true]', message: 'for await is disallowed on the instance.' },
      { selector: 'AwaitExpression', message: 'await is not supported in server modules.' },
      { selector: 'YieldExpression[delegate=true]', message: 'yield* is not supported on the instance.' },
      {
        selector: 'ClassDeclaration[superClass.name=/^(Array|RegExp|Function|Promise|Error|Map|Set)$/]',
        message: 'Built-ins cannot be subclassed on the instance.',
      },
    ],
  },
};
