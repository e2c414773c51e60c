// ESLint flat config. `npm run lint` runs `eslint . --max-warnings 0`.
// Not type-aware (no parserOptions.project), to stay fast; `tsc --noEmit` covers types.
import path from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { checkImport, layerOf } from './scripts/architecture.js';

const ROOT = import.meta.dirname;
const CORE = ['src/sim/**', 'src/scenario/**'];

/** `vethlab/layers`: the import rule of ARCHITECTURE.md (see scripts/architecture.js). */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports in src/sim and src/scenario follow the layer rule of ARCHITECTURE.md' },
    schema: [],
  },
  create(context) {
    const rel = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const layer = layerOf(rel);
    if (layer === undefined) return {};
    if (typeof layer === 'object') {
      return {
        Program(node) {
          context.report({ node, message: `${layer.unknown} is not a layer of ARCHITECTURE.md; add it to scripts/architecture.js first` });
        },
      };
    }
    const check = (node, source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const problem = checkImport(rel, source.value);
      if (problem) context.report({ node: source, message: problem });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
      TSExternalModuleReference: (node) => check(node, node.expression),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
      },
    };
  },
};

const NOT_IN_CORE = 'The simulation core is deterministic and runs in the browser, the CLI and tests alike (ARCHITECTURE.md).';

export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e-artifacts/**', 'coverage/**'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  // Node: tooling, configs, scripts, tests (and the kernel suite's helpers).
  {
    files: ['*.{js,mjs,cjs,ts}', 'scripts/**', 'test/**', 'e2e/**', 'src/cli/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Browser: the embed script tutorial pages include as it is (no build; ES5 plus URL and CustomEvent).
  {
    files: ['public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
  // Browser: the React app.
  {
    files: ['src/app/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.flat.recommended.rules },
  },
  // The core: layer rule, no UI or Node imports, no wall clock, no unseeded randomness.
  {
    files: CORE,
    languageOptions: { globals: { ...globals.es2022 } },
    plugins: { vethlab: { rules: { layers: layersRule } } },
    rules: {
      'vethlab/layers': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: `Take the time from the virtual clock. ${NOT_IN_CORE}` },
        { object: 'Math', property: 'random', message: `Use the seeded generator. ${NOT_IN_CORE}` },
        { object: 'performance', property: 'now', message: `Take the time from the virtual clock. ${NOT_IN_CORE}` },
        { object: 'crypto', property: 'getRandomValues', message: `Use the seeded generator. ${NOT_IN_CORE}` },
        { object: 'crypto', property: 'randomUUID', message: `Use the seeded generator. ${NOT_IN_CORE}` },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: `new Date() reads the wall clock. ${NOT_IN_CORE}` },
        { selector: 'CallExpression[callee.name="Date"]', message: `Date() reads the wall clock. ${NOT_IN_CORE}` },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest'].map((name) => ({
          name,
          message: `The core does not touch the browser. ${NOT_IN_CORE}`,
        })),
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'setImmediate'].map((name) => ({
          name,
          message: `The core does not use Node-only globals. ${NOT_IN_CORE}`,
        })),
        ...['setTimeout', 'setInterval', 'performance'].map((name) => ({
          name,
          message: `Time in the simulator is virtual. ${NOT_IN_CORE}`,
        })),
      ],
    },
  },
);
