// Lint rules that make the architecture executable (see README "Design notes").
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

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
/**
 * The rooms of src-main and what each may not import (docs/architecture.md). Dependencies point one
 * way: entries → transports (http, rpc, electron) and jobs → services → mail, db, core → contract.
 */
const m = (dir) => `./src-main/${dir}`;
const ENTRIES = [m('app.ts'), m('serve.ts'), m('serve-entry.ts'), m('config.ts')];
const TRANSPORTS = [m('http'), m('rpc'), m('electron')];
const layerZones = [
  { target: m('contract'), from: ['./src-main'], except: ['./contract', './i18n'], message: 'The contract imports only zod, itself and the languages (i18n).' },
  { target: m('i18n'), from: ['./src-main'], except: ['./i18n'], message: 'i18n is a leaf: catalogues and Intl formatting, importing nothing of ours.' },
  {
    target: m('core'),
    from: [m('db'), m('services'), m('mail'), m('jobs'), ...TRANSPORTS, ...ENTRIES, m('log.ts')],
    message: 'core is pure: it imports only core and the contract.',
  },
  { target: m('db'), from: [m('services'), m('mail'), m('jobs'), ...TRANSPORTS, ...ENTRIES], message: 'db imports only core, the contract and migrations.' },
  { target: m('mail'), from: [m('db'), m('services'), m('jobs'), ...TRANSPORTS, ...ENTRIES], message: 'mail (templates, transport) imports only core and the contract.' },
  {
    target: m('services'),
    from: [m('jobs'), ...TRANSPORTS, ...ENTRIES],
    message: 'Services import core, db, mail and the contract; never a transport, the scheduler or an entry.',
  },
  { target: [m('jobs'), ...TRANSPORTS], from: [m('db/repos')], message: 'Transports and jobs call services, never repositories.' },
  { target: [m('jobs'), m('rpc')], from: [m('http'), m('electron'), ...ENTRIES], message: 'Only the entries import http and electron.' },
  { target: m('http'), from: [m('electron'), m('jobs'), ...ENTRIES], message: 'http does not import electron, the scheduler or an entry.' },
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
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src-main/electron/ may import electron.' }] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src-main/**/*.ts', 'scripts/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.main.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // basePath: zones are relative to this file, wherever eslint is started from.
      'import-x/no-restricted-paths': ['error', { zones: layerZones, basePath: fileURLToPath(new URL('.', import.meta.url)) }],
    },
  },
  {
    // Type-aware rules where a mistake is silent at runtime: a promise nobody awaits or catches.
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: fileURLToPath(new URL('.', import.meta.url)) } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
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
            { group: ['**/src-main/**', '../src-main*'], message: 'The renderer may import only the contract and the languages, as @contract and @i18n.' },
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
        {
          patterns: [
            {
              group: ['../*', '!../i18n', '!../i18n/*', 'node:*', 'kysely', 'better-sqlite3', 'luxon', 'electron'],
              message: 'The contract imports only zod, itself and the languages (../i18n).',
            },
          ],
        },
      ],
    },
  },
  {
    // The languages are shared with the renderer and everything else: the formatting library only.
    files: ['src-main/i18n/**'],
    // The main bundle's catalogue reader (swapped in by electron.vite.config.ts, never in the renderer) reads files.
    ignores: ['src-main/i18n/catalogues/from-files.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../*', 'node:*', 'kysely', 'better-sqlite3', 'luxon', 'electron', 'zod'], message: 'i18n imports only @formatjs and itself.' }] },
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
