import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layers (DESIGN.md): core imports no shell; renderer talks to main and server only over the wire. */
const shells = (...names) => names.map((name) => ({ group: [`**/${name}/**`, `#${name}/*`], message: `no import of ${name}/ here (layers, see STYLE.md)` }));
const nodeOnly = [
  { group: ['node:*'], message: 'core/ and renderer/ run everywhere: no node built-ins' },
  { group: ['sqlite3', 'ws', 'electron', 'pino', 'smpp'], message: 'a shell-only library' },
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
  {
    files: ['core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...shells('server', 'renderer', 'main'), ...nodeOnly, { group: ['react', 'react-dom', 'lexical', '@lexical/*'], message: 'core/ has no UI' }] }],
    },
  },
  {
    files: ['renderer/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...shells('server', 'main'), ...nodeOnly] }] },
  },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...shells('renderer', 'main'), { group: ['electron', 'react', 'react-dom', '@lexical/react', '@lexical/react/*'], message: 'the relay has no UI (headless lexical is allowed)' }] }],
    },
  },
  {
    files: ['main/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...shells('server', 'renderer')] }] },
  },
  {
    files: ['scripts/**', 'bench/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
