import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { appProtocolHandler, APP_RENDERER_URL, registerAppScheme } from '../../../src-main/electron/app-protocol';
import { RENDERER_CSP } from '../../../src-main/electron/navigation';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } }));
const { protocol } = await import('electron');

/** A renderer bundle with a file beside it that must never be served, and symlinks pointing out. */
const root = mkdtempSync(join(tmpdir(), 'sk-app-protocol-'));
const bundle = join(root, 'renderer');
mkdirSync(join(bundle, 'assets'), { recursive: true });
writeFileSync(join(bundle, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(bundle, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(bundle, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(join(bundle, 'assets', 'logo.svg'), '<svg/>');
writeFileSync(join(bundle, 'assets', 'font.woff2'), 'w');
writeFileSync(join(bundle, 'assets', 'notes.txt'), 'unknown type');
writeFileSync(join(root, 'secret.txt'), 'the database password');
symlinkSync(join(root, 'secret.txt'), join(bundle, 'assets', 'link.js'));
symlinkSync(root, join(bundle, 'up'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const handler = appProtocolHandler(bundle);
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('the app: scheme', () => {
  it('is registered privileged (standard, secure) through electron', () => {
    registerAppScheme(protocol);
    expect(vi.mocked(protocol.registerSchemesAsPrivileged)).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the bundle’s files with their content type, a strict CSP header and nosniff', async () => {
    const cases: Array<[string, string]> = [
      [APP_RENDERER_URL, 'text/html; charset=utf-8'],
      ['app://sneaky-klaus/', 'text/html; charset=utf-8'],
      ['app://sneaky-klaus/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['app://sneaky-klaus/assets/index-abc.css', 'text/css; charset=utf-8'],
      ['app://sneaky-klaus/assets/logo.svg', 'image/svg+xml'],
      ['app://sneaky-klaus/assets/font.woff2', 'font/woff2'],
    ];
    for (const [url, type] of cases) {
      const r = await get(url);
      expect(r.status, url).toBe(200);
      expect(r.headers.get('content-type'), url).toBe(type);
      expect(r.headers.get('content-security-policy')).toBe(RENDERER_CSP);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await (await get(APP_RENDERER_URL)).text()).toContain('<div id="root">');
    expect(RENDERER_CSP).toMatch(/script-src 'self'/);
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('refuses every way out of the bundle: .., encoded dots and slashes, backslashes, absolute paths, symlinks', async () => {
    const escapes = [
      'app://sneaky-klaus/../secret.txt',
      'app://sneaky-klaus/assets/../../secret.txt',
      'app://sneaky-klaus/%2e%2e/secret.txt',
      'app://sneaky-klaus/%2E%2E%2Fsecret.txt',
      'app://sneaky-klaus/..%2fsecret.txt',
      'app://sneaky-klaus/assets/..%5c..%5csecret.txt',
      'app://sneaky-klaus/%2fetc%2fpasswd',
      `app://sneaky-klaus/${encodeURIComponent(join(root, 'secret.txt'))}`,
      'app://sneaky-klaus//etc/passwd',
      'app://sneaky-klaus/C:%5cWindows%5cwin.ini',
      'app://sneaky-klaus/assets/link.js',
      'app://sneaky-klaus/up/secret.txt',
      'app://sneaky-klaus/assets/index-abc.js%00.png',
      'app://sneaky-klaus/%E0%A4%A',
    ];
    for (const url of escapes) {
      const r = await get(url);
      expect([400, 404], url).toContain(r.status);
      expect(await r.text(), url).not.toContain('database password');
    }
  });

  it('serves nothing but bundle files of known types, for GET and HEAD only, on its own host only', async () => {
    expect((await get('app://sneaky-klaus/assets/notes.txt')).status).toBe(404);
    expect((await get('app://sneaky-klaus/assets')).status).toBe(404);
    expect((await get('app://sneaky-klaus/missing.js')).status).toBe(404);
    expect((await get('app://other-host/index.html')).status).toBe(404);
    expect((await get(APP_RENDERER_URL, 'POST')).status).toBe(405);
    const head = await get(APP_RENDERER_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 404 when the bundle is missing, without throwing', async () => {
    expect((await appProtocolHandler(join(root, 'nowhere'))(new Request(APP_RENDERER_URL))).status).toBe(404);
  });
});

describe('electron-builder.yml', () => {
  /** The `electronFuses:` block as key → value. */
  const fuses = () => {
    const text = readFileSync(fileURLToPath(new URL('../../../electron-builder.yml', import.meta.url)), 'utf8');
    const block = /^electronFuses:\n((?: {2}.*\n)+)/m.exec(text)?.[1] ?? '';
    return Object.fromEntries(
      block
        .trim()
        .split('\n')
        .map((line) => line.trim().split(/:\s*/) as [string, string]),
    );
  };

  it('turns off the file: protocol’s extra privileges (the renderer no longer uses file:)', () => {
    expect(fuses().grantFileProtocolExtraPrivileges).toBe('false');
    expect(fuses()).toMatchObject({ runAsNode: 'false', onlyLoadAppFromAsar: 'true' });
  });
});
