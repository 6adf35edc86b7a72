import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { canonicalAllowedHost, canonicalHost } from './hosts';

/** The headers every response of ours carries, whatever the scheme. */
const FIXED_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
} as const;

/** The security headers of one response, as a fresh plain record (the caller may add to it). */
export function securityHeaderRecord(csp: string, https: boolean): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Security-Policy': csp, ...FIXED_HEADERS };
  if (https) headers['Strict-Transport-Security'] = 'max-age=31536000';
  return headers;
}

/** Responses built whole, security headers included (securityHeaders leaves them alone). */
const complete = new WeakSet<Response>();

/**
 * A response whose headers (security headers from securityHeaderRecord among them) are all in
 * `headers`. Given as a plain record, the node adapter writes them straight to the socket; adding
 * them one by one afterwards would build a Headers object per request, which costs a small
 * page a good part of its time.
 */
export function completeResponse(body: string | Uint8Array<ArrayBuffer>, status: number, headers: Record<string, string>): Response {
  const response = new Response(body, { status, headers });
  complete.add(response);
  return response;
}

/**
 * Security headers chosen per scheme: the LAN is plain HTTP, so no HSTS and no
 * `upgrade-insecure-requests` there; a tunnel arrives as HTTPS and gets HSTS.
 */
export function securityHeaders(options: { csp: string; isHttps?: (c: Context) => boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (complete.has(c.res)) return;
    const h = c.res.headers;
    h.set('Content-Security-Policy', options.csp);
    for (const [name, value] of Object.entries(FIXED_HEADERS)) h.set(name, value);
    // Behind a tunnel the request reaches us as plain HTTP; the caller knows whether it was HTTPS.
    const https = options.isHttps ? options.isHttps(c) : new URL(c.req.url).protocol === 'https:';
    if (https) h.set('Strict-Transport-Security', 'max-age=31536000');
  };
}

/** Refuses (421) a request whose Host `served` (see hostChecker) does not name: the DNS-rebinding defence. */
export function hostAllowlist(served: (rawHost: string) => boolean): MiddlewareHandler {
  return async (c, next) => {
    if (!served(c.req.header('host') ?? '')) return c.text('This address is not served here.', 421);
    await next();
  };
}

/**
 * Whether a raw Host header is one `allowed()` names: hosts this server answers to. Both sides are
 * compared in one spelling, so `[::1]:4318` matches an entry built as `::1:4318`. The canonical spellings
 * are kept per set `allowed()` returns (a cached set costs nothing per request); a host not in it
 * is checked once more against `refresh()` when given (an address that just came up).
 */
export function hostChecker(allowed: () => ReadonlySet<string>, refresh?: () => ReadonlySet<string>): (rawHost: string) => boolean {
  const canonicalSets = new WeakMap<ReadonlySet<string>, Set<string>>();
  const known = (entries: ReadonlySet<string>): Set<string> => {
    let canonical = canonicalSets.get(entries);
    if (!canonical) {
      canonical = new Set<string>();
      for (const entry of entries) {
        const spelled = canonicalAllowedHost(entry);
        if (spelled) canonical.add(spelled);
      }
      canonicalSets.set(entries, canonical);
    }
    return canonical;
  };
  // Browsers send the same few Host values over and over; spelling one costs a URL parse.
  const spelled = new Map<string, string | null>();
  const canonical = (raw: string): string | null => {
    let host = spelled.get(raw);
    if (host === undefined) {
      host = canonicalHost(raw);
      if (spelled.size >= 100) spelled.clear();
      spelled.set(raw, host);
    }
    return host;
  };
  return (rawHost) => {
    const host = canonical(rawHost);
    return host !== null && (known(allowed()).has(host) || (refresh !== undefined && known(refresh()).has(host)));
  };
}

/** `localhost:4317`, `127.0.0.1:4317`, `[::1]:4317` for a port. */
export function loopbackHosts(port: number): string[] {
  return [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`];
}

/**
 * Compares a secret a client sent with the expected one in constant time: both are hashed first,
 * so neither the content nor the length of the expected value shows in the timing.
 */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
