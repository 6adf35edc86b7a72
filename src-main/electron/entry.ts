import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { enableCompileCache } from '../compile-cache';

// The desktop entry (out/main/main.js): the compile cache first (an installed app's own folder is
// read-only: its cache goes in the user's app data), then the shell. Awaited at the top level so
// Electron emits `ready` only after main.ts has registered its handlers.
enableCompileCache(app.isPackaged ? join(app.getPath('userData'), 'compile-cache') : join(dirname(fileURLToPath(import.meta.url)), '.compile-cache'));
await import('./main');
