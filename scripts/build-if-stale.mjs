// The one rule for "is the build current?", used by `npm run serve`, the test set-up and the
// benchmarks: rebuild when any bundle is missing or older than any source it is built from.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUTPUTS = ['out/main/main.js', 'out/main/serve.js', 'out/main/solve-worker.js', 'out/main/backup-worker.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];
export const SOURCES = ['src-main', 'src-renderer', 'migrations', 'resources', 'package.json', 'package-lock.json', 'electron.vite.config.ts', 'tsconfig.base.json'];

function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function buildIsStale() {
  const built = Math.min(...OUTPUTS.map((p) => statSync(join(ROOT, p), { throwIfNoEntry: false })?.mtimeMs ?? 0));
  return built < Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
}

/** Builds when stale; returns null when the build is current or succeeded, else its output. */
export function buildIfStale({ quiet = false } = {}) {
  if (!buildIsStale()) return null;
  if (!quiet) console.log('Building Sneaky Klaus (sources changed)…');
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, encoding: 'utf8' });
  return build.status === 0 ? null : `${build.stdout}\n${build.stderr}`;
}
