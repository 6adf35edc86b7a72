import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { CATALOGUES } from './src-main/i18n/catalogues';

const root = import.meta.dirname;
const contract = resolve(root, 'src-main/contract/index.ts');
const i18n = resolve(root, 'src-main/i18n/index.ts');
const noHttp2 = resolve(root, 'src-main/http/no-http2.ts');
const catalogueLoader = resolve(root, 'src-main/i18n/catalogues/load.ts');
const catalogueFiles = resolve(root, 'src-main/i18n/catalogues/from-files.ts');

/**
 * Pure-JS dependencies bundled into the main process: loading one bundle is far quicker than
 * resolving and evaluating hundreds of small module files (kysely and zod alone are ~500 files).
 * Those loaded on first use (nodemailer, qrcode, csv) become chunks of their own. better-sqlite3
 * (native) stays in node_modules, as do electron and ics (required on first use: src-main/mail/ics.ts).
 */
const BUNDLED = ['kysely', 'zod', 'hono', '@hono/node-server', 'luxon', 'croner', 'nodemailer', 'qrcode', 'csv-parse', 'csv-stringify', '@formatjs/intl', 'intl-messageformat'];

// Every entry is explicit: our folders are not electron-vite's defaults.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: BUNDLED },
      rolldownOptions: {
        plugins: [
          // HTTP/1 only: see src-main/http/no-http2.ts.
          {
            name: 'no-http2',
            transform: (code: string, id: string) =>
              id.includes('@hono/node-server') && code.includes('"node:http2"') ? code.replaceAll('"node:http2"', JSON.stringify(noHttp2)) : null,
          },
          // Each language's messages as out/main/catalogues/<locale>.json, parsed on first use (see catalogues/from-files.ts).
          {
            name: 'catalogue-files',
            load: (id: string) => (resolve(id) === catalogueLoader ? `export { catalogue } from ${JSON.stringify(catalogueFiles)};` : null),
            generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: string }): string }) {
              for (const [locale, messages] of Object.entries(CATALOGUES)) {
                this.emitFile({ type: 'asset', fileName: `catalogues/${locale}.json`, source: JSON.stringify(messages) });
              }
            },
          },
        ],
        input: {
          main: resolve(root, 'src-main/electron/entry.ts'),
          serve: resolve(root, 'src-main/serve-entry.ts'),
          // The draw engine's worker thread (services/draw/solve-off-thread.ts looks for it next to the bundle).
          'solve-worker': resolve(root, 'src-main/services/draw/solve-worker.ts'),
          // Backups, whose final sync to disk would otherwise hold the event loop (services/organizer/backups.ts).
          'backup-worker': resolve(root, 'src-main/services/organizer/backup-worker.ts'),
        },
        // ASCII-only bundles: Node decodes and V8 keeps them as one-byte strings, quicker at launch.
        output: { format: 'es', entryFileNames: '[name].js', charset: 'ascii', comments: { legal: true, annotation: true, jsdoc: false } },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { preload: resolve(root, 'src-main/electron/preload.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    resolve: { alias: { '@contract': contract, '@i18n': i18n } },
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // The headless server sends this bundle over the network to a browser: keep it small.
      rolldownOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
});
