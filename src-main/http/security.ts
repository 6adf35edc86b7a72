import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { canonicalAllowedHost, canonicalHost } from './hosts';

/**
 * Security headers chosen per scheme: the LAN is plain HTTP, so no HSTS and no
 * `upgrade-insecure-requests` there; a tunnel arrives as HTTPS and gets HSTS.
 */
export function securityHeaders(options: { csp: string; isHttps?: (c: Context) => boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', options.csp);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    // Behind a tunnel the request reaches us as plain HTTP; the caller knows whether it was HTTPS.
    const https = options.isHttps ? options.isHttps(c) : new URL(c.req.url).protocol === 'https:';
    if (https) h.set('Strict-Transport-Security', 'max-age=31536000');
  };
}

/**
 * Hosts this server answers to; anything else is refused (DNS-rebinding defence). Both sides are
 * compared in one spelling, so `[::1]:4318` matches an entry built as `::1:4318`. The canonical
 * spellings are kept per set `allowed()` returns (a cached set costs nothing per request); a host
 * not in it is checked once more against `refresh()` when given (an address that just came up).
 */
export function hostAllowlist(allowed: () => ReadonlySet<string>, refresh?: () => ReadonlySet<string>): MiddlewareHandler {
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
  return async (c, next) => {
    const host = canonicalHost(c.req.header('host') ?? '');
    if (host === null || !(known(allowed()).has(host) || (refresh !== undefined && known(refresh()).has(host)))) {
      return c.text('This address is not served here.', 421);
    }
    await next();
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
