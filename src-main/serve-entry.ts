import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enableCompileCache } from './compile-cache';

// The headless entry (out/main/serve.js): the compile cache (beside the bundles; a build replaces
// it with the bundles), then everything else.
enableCompileCache(join(dirname(fileURLToPath(import.meta.url)), '.compile-cache'));
await import('./serve');
