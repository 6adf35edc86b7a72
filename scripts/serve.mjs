// `npm run serve`: build the bundles when the sources are newer, then start the headless server.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfStale, ROOT } from './build-if-stale.mjs';

const failure = buildIfStale();
if (failure !== null) {
  console.error(failure);
  console.error('sneaky-klaus: the build failed (see above).');
  process.exit(1);
}
await import(pathToFileURL(join(ROOT, 'out/main/serve.js')).href);
