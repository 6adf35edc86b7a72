// Lint rules that make the architecture executable (see README "Design notes").
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const clockRules = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Read time from the Clock port (deps.clock.now()), not Date.now().',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Read time from the Clock port; new Date() without an argument reads the wall clock.',
  },
];
const randomRule = {
  selector: "MemberExpression[object.name='Math'][property.name='random']",
  message: 'Use the Random port (src-main/core/random.ts); Math.random is neither secure nor reproducible.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-syntax': ['error', ...clockRules, randomRule],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only src-main/electron/ may import electron.' }] },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src-main/core/clock.ts'],
    rules: { 'no-restricted-syntax': ['error', randomRule] },
  },
  {
    files: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to the core only through window.bridge.' }],
          patterns: [
            { group: ['**/src-main/**', '../src-main*'], message: 'The renderer may import only the contract, as @contract.' },
            { group: ['node:*'], message: 'The renderer runs in a sandboxed browser page.' },
          ],
        },
      ],
    },
  },
  {
    // The contract is shared with the renderer: it may depend on the schema library only.
    files: ['src-main/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*', 'node:*', 'kysely', 'better-sqlite3', 'luxon', 'electron'], message: 'The contract imports only zod and itself.' }] },
      ],
    },
  },
  {
    // Frozen migrations mean the same thing forever: kysely only.
    files: ['migrations/0*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*', './*'], message: 'A migration imports only kysely.' }] }],
    },
  },
);
