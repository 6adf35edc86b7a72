import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * How to start one of our worker threads, `name` beside the module at `callerUrl`: in the bundle,
 * `<name>.js` of out/main (each worker is built as its own entry; the caller may sit in a shared
 * chunk one folder below); running from source (tests, benchmarks), a bootstrap that registers
 * tsx in the worker and imports `<name>.ts`. Null when the bundle lacks it.
 */
export function workerScript(callerUrl: string, name: string): { script: string | URL; eval: boolean } | null {
  const here = dirname(fileURLToPath(callerUrl));
  if (callerUrl.endsWith('.ts')) {
    const source = pathToFileURL(join(here, `${name}.ts`)).href;
    const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
    return { script: bootstrap, eval: true };
  }
  const bundled = [join(here, `${name}.js`), join(here, '..', `${name}.js`)].find((file) => existsSync(file));
  return bundled === undefined ? null : { script: pathToFileURL(bundled), eval: false };
}
