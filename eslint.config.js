import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { allowedImports } from './scripts/lint/allowed-imports.mjs';

/**
 * Layers (DESIGN.md, STYLE.md §1), written as allow-lists: what each folder may import,
 * folders of the repository and packages. Anything not listed is refused
 * (scripts/lint/allowed-imports.mjs), so a new dependency of a layer is a line here.
 */
const layers = { plugins: { layers: { rules: { 'allowed-imports': allowedImports } } } };
const allow = (layer, files, folders, packages) => ({
  files,
  ...layers,
  rules: { 'layers/allowed-imports': ['error', { layer, folders, packages }] },
});

/** Libraries that need neither a DOM nor Node: core may use them, and so every layer. */
const pure = ['zod', 'yjs', 'croner', 'fractional-indexing', 'libphonenumber-js', 'sms-segments-calculator', 'intl-messageformat'];
const ui = [...pure, 'react', 'react-dom', 'react-intl', 'lexical', '@lexical/*', 'y-websocket', 'y-indexeddb', 'y-protocols', 'lib0', 'chart.js', 'pdfjs-dist'];
const relay = [...pure, 'node:*', 'sqlite3', 'pg', 'ioredis', 'ws', 'y-protocols', 'lib0', 'pino', 'smpp', 'nodemailer', 'smtp-server', 'mailparser', 'busboy', 'fflate', 'pdf-lib', 'sharp', 'lexical', '@lexical/yjs'];
const desktop = ['electron', 'node:*', 'zod'];
const build = ['vite', 'node:*'];
const farEnds = ['y-websocket', 'smtp-server', 'mailparser', 'typescript', 'vitest'];

const layerRules = [
  allow('core/', ['core/**'], ['core/'], pure),
  allow('renderer/', ['renderer/**'], ['core/', 'renderer/'], ui),
  allow('server/', ['server/**'], ['core/', 'server/'], relay),
  allow('main/', ['main/**'], ['core/', 'main/'], desktop),
  allow('a build configuration', ['main/vite.*.ts', 'renderer/vite.*.ts'], ['main/', 'renderer/'], build),
  allow('unit tests of core/', ['test/unit/core/**'], ['core/', 'test/unit/core/'], [...pure, 'vitest']),
  allow('unit tests of renderer/', ['test/unit/renderer/**'], ['core/', 'renderer/', 'test/unit/renderer/'], [...ui, 'vitest']),
  // The history wording must name each path the relay's change summary produces: the one unit test that checks two layers agree.
  allow('the history wording test', ['test/unit/renderer/screens/history.test.ts'], ['core/', 'renderer/', 'server/sync/summary.ts'], [...ui, 'vitest']),
  allow('unit tests of server/', ['test/unit/server/**'], ['core/', 'server/', 'test/support/', 'test/unit/server/'], [...relay, 'vitest']),
  allow('unit tests of main/', ['test/unit/main/**'], ['core/', 'main/', 'test/unit/main/'], [...desktop, 'vite', 'vitest']),
  allow('unit tests of scripts/', ['test/unit/scripts/**'], ['scripts/', 'test/unit/scripts/'], ['node:*', 'vitest']),
  allow('architecture tests', ['test/unit/architecture/**'], ['test/support/', 'test/unit/architecture/'], ['node:*', 'vitest']),
  allow('integration tests', ['test/integration/**'], ['core/', 'server/', 'scripts/', 'test/support/', 'test/integration/'], [...relay, ...farEnds, 'pdfjs-dist']),
  allow('test support', ['test/support/**'], ['core/', 'server/', 'scripts/', 'test/support/'], [...relay, ...farEnds]),
  allow('end-to-end tests', ['test/e2e/**'], ['core/', 'test/support/', 'test/e2e/'], ['@playwright/test', 'node:*', 'yjs', 'fflate']),
  // The French walks look for the English dictionaries' words on French screens (support/english-strings.ts): it reads the dictionaries, nothing else of the renderer.
  allow('the French walk', ['test/e2e/support/english-strings.ts'], ['core/', 'renderer/i18n/messages/', 'test/support/', 'test/e2e/'], ['@playwright/test', 'node:*']),
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'out', '.vite', 'data', 'test-results', 'playwright-report', 'bench/.work'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  ...layerRules,
  {
    files: ['scripts/**', 'bench/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
