import nodeModule from 'node:module';

/**
 * Asks Node to keep V8's compiled code of our bundles in `directory` and reuse it at the next
 * launch: compiling ~1 MB of bundles is the largest part of a launch before the first page (15–40 ms
 * less with Node 24 on a slow machine). Node ≥ 22.1 has the cache (Electron's Node, and the Node
 * users run `npm run serve` with); older Node launches as before. The folder is ours, never the
 * shared temp folder, where another account could leave compiled code for us to run. It must run
 * before the bundles load, which is why each entry (serve-entry.ts, electron/entry.ts) is this call
 * and one import.
 */
export function enableCompileCache(directory: string): void {
  const enable = (nodeModule as { enableCompileCache?: (directory: string) => unknown }).enableCompileCache;
  try {
    enable?.call(nodeModule, directory);
  } catch {
    // A folder we cannot write: launch without the cache.
  }
}
