import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import nodeModule from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CATALOGUES } from '../../../src-main/i18n/catalogues';

// @ts-expect-error: a plain .mjs script without types (shared with `npm run serve`).
import { buildIfStale, OUTPUTS as OUTPUT_PATHS, ROOT } from '../../../scripts/build-if-stale.mjs';

const OUTPUTS = (OUTPUT_PATHS as string[]).map((p) => join(ROOT as string, p));

/** `npm run build`, only when an output is missing or older than the sources. */
beforeAll(() => {
  const failure = (buildIfStale as (o: { quiet: boolean }) => string | null)({ quiet: true });
  if (failure !== null) throw new Error(`electron-vite build failed:\n${failure}`);
}, 120_000);

describe('npm run build', () => {
  it('writes the main, headless, worker, preload and renderer bundles', () => {
    for (const output of OUTPUTS) expect(existsSync(output), output).toBe(true);
  });

  it('keeps electron out of the headless bundle', () => {
    for (const file of staticGraph(join(ROOT, 'out/main/serve.js'))) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ["']electron["']|require\(["']electron["']\)/);
  });
});

/**
 * Every file `file` loads before the launch goes on: its static imports and the imports an entry
 * awaits at its top level (serve-entry.ts), transitively (our chunks only).
 */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const targets = [...code.matchAll(/^import\s[^;]*?from\s*"(\.[^"]+)"/gm), ...code.matchAll(/^await import\("(\.[^"]+)"\)/gm)].map((match) => match[1]!);
  for (const target of targets) staticGraph(resolve(dirname(file), target), seen);
  return seen;
}

describe('the entries', () => {
  it('ask for the compile cache before they load the rest (headless: beside the bundle)', () => {
    for (const entry of ['out/main/serve.js', 'out/main/main.js']) {
      const code = readFileSync(join(ROOT, entry), 'utf8');
      const cacheAt = code.search(/enableCompileCache\(/);
      const restAt = code.search(/^await import\(/m);
      expect(cacheAt, entry).toBeGreaterThan(-1);
      expect(restAt, entry).toBeGreaterThan(cacheAt);
      expect(code.slice(0, restAt), entry).not.toMatch(/^import\s[^;]*?from\s*"\.\/chunks\/(?!compile-cache)/m);
    }
  });

  it('keep compiled code beside the headless bundle where Node can (≥ 22.1), and launch the same without it', () => {
    const cache = join(ROOT, 'out/main/.compile-cache');
    rmSync(cache, { recursive: true, force: true });
    const run = spawnSync(process.execPath, [join(ROOT, 'out/main/serve.js'), '--version'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(existsSync(cache)).toBe(typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function');
  });
});

describe('what a launch loads', () => {
  const launch = () => [...staticGraph(join(ROOT, 'out/main/serve.js'))].map((file) => readFileSync(file, 'utf8')).join('\n');

  it("writes each language's messages beside the bundle, as they are in the catalogues", () => {
    for (const [locale, messages] of Object.entries(CATALOGUES)) {
      expect(JSON.parse(readFileSync(join(ROOT, `out/main/catalogues/${locale}.json`), 'utf8'))).toEqual(messages);
    }
  });

  it('evaluates no catalogue, no zod, no mail transport and no CSV code before the first page', () => {
    const code = launch();
    expect(code).toContain('// src-main/http/participant/'); // the graph was followed
    expect(code).not.toContain('// src-main/i18n/catalogues/de.ts');
    expect(code).not.toContain(CATALOGUES.de['page.language.save']);
    expect(code).not.toMatch(/^\/\/ node_modules\/(zod|nodemailer|csv-parse|csv-stringify|qrcode)\//m);
  });
});

describe('the preload bundle', () => {
  const code = () => readFileSync(join(ROOT, 'out/preload/preload.cjs'), 'utf8');

  it('is CommonJS (sandboxed preloads cannot be ES modules)', () => {
    expect(code()).toContain('require(');
    expect(code()).not.toMatch(/^\s*import\s/m);
    expect(code()).not.toMatch(/^\s*export\s/m);
  });

  it('exposes exactly `bridge` with `call` and `onEvent`, and requires nothing but electron', () => {
    const exposed = new Map<string, Record<string, unknown>>();
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const ipcRenderer = {
      invoke: vi.fn(async () => ({ ok: true, value: [] })),
      on: vi.fn((channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, fn)),
      off: vi.fn((channel: string) => listeners.delete(channel)),
    };
    const electron = { contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) }, ipcRenderer };
    const required: string[] = [];
    const fakeRequire = (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code())(fakeRequire, module, module.exports);

    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['bridge']);
    const bridge = exposed.get('bridge') as { call: (n: string, i: unknown) => Promise<unknown>; onEvent: (fn: (e: unknown) => void) => () => void };
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onEvent']);

    void bridge.call('exchanges.list', {});
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('rpc', 'exchanges.list', {});
    const seen: unknown[] = [];
    const off = bridge.onEvent((event) => seen.push(event));
    listeners.get('event')?.({ sender: 'hidden' }, { type: 'settings.changed' });
    expect(seen).toEqual([{ type: 'settings.changed' }]); // the IPC event object never reaches the page
    off();
    expect(ipcRenderer.off).toHaveBeenCalledWith('event', expect.any(Function));
  });
});
