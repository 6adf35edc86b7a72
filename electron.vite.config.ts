import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;
const contract = resolve(root, 'src-main/contract/index.ts');

// Every entry is explicit: our folders are not electron-vite's defaults.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          main: resolve(root, 'src-main/electron/main.ts'),
          serve: resolve(root, 'src-main/serve.ts'),
          // The draw engine's worker thread (services/draw/solve-off-thread.ts looks for it next to the bundle).
          'solve-worker': resolve(root, 'src-main/services/draw/solve-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
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
    resolve: { alias: { '@contract': contract } },
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // The headless server sends this bundle over the network to a browser: keep it small.
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
});
