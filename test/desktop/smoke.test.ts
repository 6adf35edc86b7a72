import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The packaged-to-be app, for real: Electron starts out/main/main.js, opens the window, serves the
 * participants' pages, and quits cleanly. Needs Electron's binary, so it is skipped (saying why)
 * only where `node_modules/electron` has none, as on the build machine that cannot download it.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The binary that `require('electron')` would start, without triggering its download. */
function electronBinary(): string | null {
  const pkg = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const binary = join(dist, relative);
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary) console.log('desktop smoke test skipped: no Electron binary in node_modules/electron (run `npx install-electron` where downloads work)');

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed`);
}

let userData: string;
let electronApp: ElectronApplication;
let page: Page;

beforeAll(async () => {
  if (!binary) return;
  run([join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  run([join(ROOT, 'scripts/build-native-electron.mjs'), '--if-missing']);
  userData = mkdtempSync(join(tmpdir(), 'sk-desktop-'));
  electronApp = await _electron.launch({
    executablePath: binary,
    // Chromium refuses to run as root with its sandbox (CI containers); a desktop user is never root.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT],
    env: { ...process.env, SNEAKY_KLAUS_USER_DATA_DIR: userData, ELECTRON_RENDERER_URL: '' },
    timeout: 60_000,
  });
  page = await electronApp.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

afterAll(async () => {
  if (!binary) return;
  await electronApp?.close().catch(() => undefined);
  rmSync(userData, { recursive: true, force: true });
});

describe('the desktop app', () => {
  it.skipIf(!binary)('opens its window with only the bridge, no Node', async () => {
    expect(await page.title()).toBe('Sneaky Klaus');
    const globals = await page.evaluate(() => ({
      bridge: Object.keys((window as unknown as { bridge: object }).bridge).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ bridge: ['call', 'onEvent'], require: 'undefined', process: 'undefined' });
  });

  it.skipIf(!binary)('runs the page in a sandboxed renderer process', async () => {
    // `sandboxed` is reported on macOS and Windows; Linux leaves it undefined.
    const renderers = await electronApp.evaluate(({ app }) =>
      app
        .getAppMetrics()
        .filter((m) => m.type === 'Tab')
        .map((m) => m.sandboxed),
    );
    expect(renderers.length).toBeGreaterThan(0);
    expect(renderers).not.toContain(false);
  });

  it.skipIf(!binary)('answers operations over IPC and serves the participants’ pages', async () => {
    const info = await page.evaluate(() => (window as unknown as { bridge: { call(n: string, i: unknown): Promise<unknown> } }).bridge.call('app.info', {}));
    expect(info).toMatchObject({ ok: true, value: { dataDir: userData } });
    const urls = (info as { value: { participantUrls: string[] } }).value.participantUrls;
    const local = urls.find((u) => u.startsWith('http://127.0.0.1:')) ?? '';
    expect((await fetch(`${local}/health`)).status).toBe(200);
  });

  it.skipIf(!binary)('refuses new windows', async () => {
    expect(await page.evaluate(() => window.open('file:///etc/hosts') === null)).toBe(true);
    expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it.skipIf(!binary)('keeps running when the window is closed', async () => {
    await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    const state = await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()));
    expect(state).toEqual([false]);
  });

  it.skipIf(!binary)('quits cleanly: the database is checkpointed and closed', async () => {
    const exited = new Promise<void>((resolve) => electronApp.process().once('exit', () => resolve()));
    // The process may go before evaluate answers.
    await electronApp.evaluate(({ app }) => app.quit()).catch(() => undefined);
    await exited;
    const wal = join(userData, 'sneaky-klaus.sqlite3-wal');
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    expect(existsSync(join(userData, 'sneaky-klaus.sqlite3'))).toBe(true);
  });
});
