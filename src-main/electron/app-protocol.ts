import { realpath, readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { RENDERER_CSP } from './navigation';

/**
 * The renderer is served from `app://sneaky-klaus/`, not `file://`: on file: pages only the meta
 * CSP applies (response-header CSP does not), and every file on the disk is same-scheme. This
 * scheme answers with a strict CSP header and nothing but the files of the renderer bundle.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sneaky-klaus';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_RENDERER_URL = `${APP_ORIGIN}/index.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * Must run before the app is ready. `standard` gives the scheme a real origin and relative URLs,
 * `secure` makes its pages a secure context. `corsEnabled` stays off on purpose: it would let any
 * origin read the scheme's responses; the page's own (same-origin) module scripts need no CORS.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

const HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

const refuse = (status: 400 | 404 | 405): Response => new Response(null, { status, headers: HEADERS });

/**
 * The `protocol.handle` handler for the scheme: GET/HEAD of a file inside `bundleDir` (its real
 * path, so a symlink out of the bundle is refused too), of a known type; everything else is
 * 400/404/405 with no body.
 */
export function appProtocolHandler(bundleDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    // Resolved per request (cheap) so a bundle that is missing or rebuilt is never half-trusted.
    const root = await realpath(bundleDir).catch(() => null);
    if (root === null) return refuse(404);
    const file = await bundleFile(root, request.url);
    if (file === 'bad') return refuse(400);
    const type = file && TYPES[extname(file).toLowerCase()];
    if (!file || !type) return refuse(404);
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
    return new Response(body, { status: 200, headers: { ...HEADERS, 'Content-Type': type } });
  };
}

/** The real path of the bundle file a URL names; null when there is none; 'bad' for a malformed or escaping path. */
async function bundleFile(root: string, url: string): Promise<string | null | 'bad'> {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return 'bad';
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  // Checked after decoding: `%2e%2e`, `..%2f` and `%5c` must not reach the file system as `..`, `/` or `\`.
  const segments = path.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0') || s.includes(':'))) return 'bad';
  const wanted = resolve(root, segments.join(sep) || 'index.html');
  if (!inside(root, wanted)) return 'bad';
  try {
    const real = await realpath(wanted);
    if (!inside(root, real) || !(await stat(real)).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
