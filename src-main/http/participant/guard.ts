import type { Context } from 'hono';
import { generateCookie, getCookie, setCookie } from 'hono/cookie';
import { keyedHash, randomToken } from '../../core/tokens';
import type { Deps } from '../../services/common/deps';
import { QUICK_TUNNEL_HOST } from '../../services/network/links';
import { getSettings } from '../../services/organizer/settings';
import { forwardedClient, isLoopbackAddress, socketPeer } from '../client-address';
import { sameSecret } from '../security';

export const SESSION_COOKIE = 'sk_session';
export const CSRF_COOKIE = 'sk_csrf';
/** Form bodies beyond this are refused with 413: no form of ours needs more, and nothing is buffered past it. */
export const FORM_LIMIT_BYTES = 16 * 1024;

/** Request facts that depend on whether it came through the configured tunnel. */
export interface RequestFacts {
  https: boolean;
  /** Rate-limit key for the client: the tunnel's header only behind the tunnel, else the socket. */
  client: string;
}

/**
 * "Through the tunnel" needs all three: a public address is configured, the Host is its host,
 * and the socket peer is this computer (the tunnel agent runs here; a LAN client never connects
 * from loopback). Only then are forwarding headers believed, else anyone on the LAN could pick
 * a fresh client address per request and step around every rate limit.
 */
export function requestFacts(deps: Deps, c: Context): RequestFacts {
  return factsOf(deps, c.req.header('host'), socketPeer(c), (cloudflare) => forwardedClient(c, cloudflare));
}

/**
 * requestFacts from the parts of a request: its Host, its socket peer, the tunnel's client header
 * when asked (told whether the tunnel is Cloudflare's, whose own client header may then be believed).
 */
export function factsOf(deps: Deps, hostHeader: string | undefined, peer: string | null, forwarded: (cloudflare: boolean) => string | null): RequestFacts {
  const publicUrl = getSettings(deps).publicBaseUrl;
  const tunnel = publicUrl === null ? null : publicHost(publicUrl);
  const viaTunnel = tunnel !== null && peer !== null && isLoopbackAddress(peer) && tunnel.host === (hostHeader ?? '').toLowerCase();
  return {
    https: viaTunnel && tunnel.https,
    client: (viaTunnel ? forwarded(tunnel.cloudflare) : null) ?? peer ?? 'local',
  };
}

interface PublicHost {
  /** Lower-cased. */
  host: string;
  https: boolean;
  /** A quick tunnel's host: answered by Cloudflare alone, any other host may be another agent's. */
  cloudflare: boolean;
}
const quickTunnelHost = new RegExp(`^${QUICK_TUNNEL_HOST}$`);

/** What the public address tells about the tunnel (kept: the same settings value comes every time). */
let publicHostOf: { url: string; facts: PublicHost } | null = null;
function publicHost(url: string): PublicHost {
  if (publicHostOf?.url !== url) {
    const parsed = new URL(url);
    const host = parsed.host.toLowerCase();
    publicHostOf = { url, facts: { host, https: parsed.protocol === 'https:', cloudflare: quickTunnelHost.test(host) } };
  }
  return publicHostOf.facts;
}

/**
 * The CSRF token for this browser: an HMAC of a random cookie (double submit, signed), so it
 * works before login as well as after, on plain-HTTP LANs where `Sec-Fetch-*` is missing.
 */
export function csrfToken(deps: Deps, secret: string, c: Context, facts: RequestFacts): string {
  const { token, cookie } = csrfForCookie(deps, secret, getCookie(c, CSRF_COOKIE), facts.https);
  if (cookie !== null) c.header('Set-Cookie', cookie, { append: true });
  return token;
}

/**
 * csrfToken from the value of the browser's CSRF cookie (undefined when it sent none), with the
 * `Set-Cookie` value (a browser without the cookie yet gets one) handed back instead of set: for
 * responses built whole (see completeResponse).
 */
export function csrfForCookie(deps: Deps, secret: string, id: string | undefined, https: boolean): { token: string; cookie: string | null } {
  if (id && /^[A-Za-z0-9_-]{22}$/.test(id)) return { token: csrfHash(secret, id), cookie: null };
  // Not kept in csrfHashes: most first visits never come back, and the one that does pays one HMAC.
  const fresh = randomToken(deps.random, 16);
  return { token: keyedHash(secret, `csrf:${fresh}`), cookie: csrfCookie(fresh, https) };
}

/** The CSRF cookie's `Set-Cookie` value around its id, per scheme: serialised once, as hono serialises it. */
const csrfCookieAround = new Map<boolean, readonly [string, string]>();

/** `Set-Cookie` for a fresh CSRF id (base64url, which a cookie carries as it is). */
function csrfCookie(id: string, https: boolean): string {
  let around = csrfCookieAround.get(https);
  if (around === undefined) {
    const whole = generateCookie(CSRF_COOKIE, '-', { httpOnly: true, sameSite: 'Lax', secure: https, path: '/' });
    const at = CSRF_COOKIE.length + 1;
    around = [whole.slice(0, at), whole.slice(at + 1)];
    csrfCookieAround.set(https, around);
  }
  return around[0] + id + around[1];
}

/**
 * Token per (secret, cookie): a browser reloads its pages with the same cookie, and the HMAC is a
 * good part of a small page's cost. Bounded; a miss only recomputes.
 */
const csrfHashes = new Map<string, string>();

function csrfHash(secret: string, id: string): string {
  // Only ids of the shape we issue are kept (a forged cookie may be long).
  if (id.length !== 22) return keyedHash(secret, `csrf:${id}`);
  const key = `${secret}\u0000${id}`;
  let hash = csrfHashes.get(key);
  if (hash === undefined) {
    hash = keyedHash(secret, `csrf:${id}`);
    if (csrfHashes.size >= 5000) csrfHashes.clear();
    csrfHashes.set(key, hash);
  }
  return hash;
}

/**
 * Origin (when the browser sends one) must be this site, and the form token must match. Our pages
 * use `Referrer-Policy: no-referrer`, under which browsers send `Origin: null` with every form
 * POST, even same-origin ones: that tells nothing, so the token alone decides then.
 */
export function csrfOk(secret: string, c: Context, formToken: string | undefined): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== 'null') {
    const host = c.req.header('host') ?? '';
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return false;
    }
    if (originHost.toLowerCase() !== host.toLowerCase()) return false;
  }
  const id = getCookie(c, CSRF_COOKIE);
  if (!id || !formToken) return false;
  return sameSecret(formToken, csrfHash(secret, id));
}

export type FormResult = { ok: true; form: URLSearchParams } | { ok: false; status: 413 | 415 };

/** Reads an urlencoded form of at most 16 KiB; anything else is refused before parsing. */
export async function readForm(c: Context): Promise<FormResult> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return { ok: false, status: 415 };
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > FORM_LIMIT_BYTES) return { ok: false, status: 413 };
  const body = c.req.raw.body;
  if (!body) return { ok: true, form: new URLSearchParams() };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > FORM_LIMIT_BYTES) {
      await reader.cancel();
      return { ok: false, status: 413 };
    }
    chunks.push(value);
  }
  return { ok: true, form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) };
}

/** Token and session pages must not be kept by browsers or proxies. */
export function noStore(c: Context): void {
  c.header('Cache-Control', 'no-store');
}

export function setSessionCookie(c: Context, token: string, facts: RequestFacts): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: facts.https, path: '/', maxAge: 30 * 24 * 3600 });
}
