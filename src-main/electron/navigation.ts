import type { Shell } from 'electron';

/**
 * The renderer's Content-Security-Policy, also sent as a header for the app's own pages (the meta
 * tag in index.html says the same; a header also covers what a meta tag cannot, like
 * frame-ancestors).
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Only web pages leave the app: never file:, javascript:, custom protocols or smb: shares. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The one way the app opens something outside itself. Returns whether it did. */
export function openExternalSafe(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  void shell.openExternal(url).catch(() => undefined);
  return true;
}

/** Same page as the app's renderer: same scheme, host and path (query and fragment may differ). */
export function isSameDocument(url: string, rendererUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(rendererUrl);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

/** `window.open` and target=_blank: never a new Electron window; web links go to the browser. */
export function windowOpenHandler(shell: Pick<Shell, 'openExternal'>) {
  return ({ url }: { url: string }): { action: 'deny' } => {
    openExternalSafe(shell, url);
    return { action: 'deny' };
  };
}

interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

/** The window never leaves the app's page; a clicked web link opens in the browser instead. */
export function willNavigateHandler(shell: Pick<Shell, 'openExternal'>, rendererUrl: () => string) {
  return (event: NavigationEvent): void => {
    if (isSameDocument(event.url, rendererUrl())) return;
    event.preventDefault();
    openExternalSafe(shell, event.url);
  };
}

interface HardenableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
}

/** Applied to every webContents the app creates (app 'web-contents-created'). */
export function hardenWebContents(contents: HardenableContents, shell: Pick<Shell, 'openExternal'>, rendererUrl: () => string): void {
  contents.setWindowOpenHandler(windowOpenHandler(shell));
  contents.on('will-navigate', willNavigateHandler(shell, rendererUrl));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Every permission is refused (camera, notifications from the page, geolocation…), except writing
 * to the clipboard from the app's own page: the outbox screen copies links for a chat.
 */
export function permissionAllowed(permission: string, requestingUrl: string | undefined, rendererUrl: string): boolean {
  if (permission !== 'clipboard-sanitized-write') return false;
  return requestingUrl !== undefined && isSameDocument(requestingUrl, rendererUrl);
}

type Headers = Record<string, string[] | string>;

/** Response headers with the CSP added, for the app's own pages only (other responses unchanged). */
export function withCspHeader(details: { url: string; responseHeaders?: Headers }, rendererUrl: string): Headers | undefined {
  if (!isSameDocument(details.url, rendererUrl)) return details.responseHeaders;
  const headers: Headers = {};
  for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
  }
  headers['Content-Security-Policy'] = [RENDERER_CSP];
  return headers;
}

interface HardenableSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string, details: { requestingUrl?: string }) => boolean): void;
  webRequest: {
    onHeadersReceived(listener: (details: { url: string; responseHeaders?: Headers }, callback: (response: { responseHeaders?: Headers }) => void) => void): void;
  };
}

/** Permissions and the CSP header for the session the window uses. */
export function hardenSession(session: HardenableSession, rendererUrl: () => string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionAllowed(permission, details.requestingUrl, rendererUrl())));
  session.setPermissionCheckHandler((_contents, permission, _origin, details) => permissionAllowed(permission, details.requestingUrl, rendererUrl()));
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCspHeader(details, rendererUrl()) }));
}
