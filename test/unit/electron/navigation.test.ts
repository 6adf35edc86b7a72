import { describe, expect, it, vi } from 'vitest';
import {
  hardenSession,
  hardenWebContents,
  isSafeExternalUrl,
  openExternalSafe,
  permissionAllowed,
  RENDERER_CSP,
  windowOpenHandler,
  willNavigateHandler,
  withCspHeader,
} from '../../../src-main/electron/navigation';

vi.mock('electron', () => ({ shell: { openExternal: vi.fn(async () => undefined) } }));
const { shell } = await import('electron');
const openExternal = vi.mocked(shell.openExternal);

const RENDERER = 'app://sneaky-klaus/index.html';

describe('openExternalSafe', () => {
  it('opens only http and https addresses', () => {
    openExternal.mockClear();
    for (const url of ['https://example.org/a', 'http://192.168.1.20:4317/login']) expect(openExternalSafe(shell, url)).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-settings:', 'mailto:a@b.c', 'not a url', '']) {
      expect(openExternalSafe(shell, url)).toBe(false);
    }
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual(['https://example.org/a', 'http://192.168.1.20:4317/login']);
    expect(isSafeExternalUrl('HTTPS://EXAMPLE.ORG')).toBe(true);
  });
});

describe('window.open', () => {
  it('is always denied; a web link goes to the browser instead', () => {
    openExternal.mockClear();
    const handler = windowOpenHandler(shell);
    expect(handler({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/hosts' })).toEqual({ action: 'deny' });
    expect(handler({ url: RENDERER })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual(['https://example.org/']);
  });
});

describe('will-navigate', () => {
  const navigate = (url: string) => {
    const event = { url, preventDefault: vi.fn() };
    willNavigateHandler(shell, () => RENDERER)(event);
    return event.preventDefault.mock.calls.length > 0;
  };

  it('is prevented for every other page', () => {
    openExternal.mockClear();
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('file:///opt/sneaky-klaus/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(navigate('app://sneaky-klaus/other.html')).toBe(true);
    expect(navigate('app://evil/index.html')).toBe(true);
    expect(navigate('app://sneaky-klaus.evil/index.html')).toBe(true);
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual(['https://evil.example/']);
  });

  it('is allowed within the same document', () => {
    expect(navigate(`${RENDERER}#/settings`)).toBe(false);
    expect(navigate(RENDERER)).toBe(false);
  });
});

describe('hardenWebContents', () => {
  it('installs the deny handlers and refuses webviews', () => {
    const listeners = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
    const contents = { setWindowOpenHandler: vi.fn(), on: vi.fn((name: string, fn: never) => listeners.set(name, fn)) };
    hardenWebContents(contents, shell, () => RENDERER);
    const open = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: { url: string }) => unknown;
    expect(open({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    const webview = { url: '', preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    const nav = { url: 'https://evil.example/', preventDefault: vi.fn() };
    listeners.get('will-navigate')?.(nav);
    expect(nav.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('are all refused, except clipboard writes from the app’s own page', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'hid']) {
      expect(permissionAllowed(p, RENDERER, RENDERER)).toBe(false);
    }
    expect(permissionAllowed('clipboard-sanitized-write', RENDERER, RENDERER)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'https://evil.example/', RENDERER)).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', undefined, RENDERER)).toBe(false);
  });

  it('are wired to the session’s request and check handlers', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), webRequest: { onHeadersReceived: vi.fn() } };
    hardenSession(session, () => RENDERER);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (...a: unknown[]) => void;
    const callback = vi.fn();
    request({}, 'media', callback, { requestingUrl: RENDERER });
    expect(callback).toHaveBeenCalledWith(false);
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...a: unknown[]) => boolean;
    expect(check({}, 'geolocation', 'file://', { requestingUrl: RENDERER })).toBe(false);
    const headers = session.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (d: unknown, cb: (r: unknown) => void) => void;
    const respond = vi.fn();
    headers({ url: RENDERER, responseHeaders: {} }, respond);
    expect(respond).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [RENDERER_CSP] } });
  });
});

describe('CSP header', () => {
  it('replaces any CSP on the app’s own pages and leaves other responses alone', () => {
    const own = withCspHeader({ url: RENDERER, responseHeaders: { 'content-security-policy': ['*'], 'X-Other': ['1'] } }, RENDERER);
    expect(own).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [RENDERER_CSP] });
    const other = { 'X-Other': ['1'] };
    expect(withCspHeader({ url: 'https://example.org/', responseHeaders: other }, RENDERER)).toBe(other);
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toContain('unsafe');
  });
});
