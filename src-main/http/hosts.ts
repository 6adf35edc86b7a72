import { isIP } from 'node:net';

/**
 * Whether this is an IPv6 literal. Every one has a colon; asking that first spares the names and
 * IPv4 addresses Node's IPv6 pattern, whose first use costs milliseconds right when the
 * participants' listener comes up.
 */
function isIPv6Literal(host: string): boolean {
  return host.includes(':') && isIP(host) === 6;
}

/** An address as it must stand in a URL or a Host header: IPv6 literals in brackets. */
export function hostForUrl(host: string): string {
  return isIPv6Literal(host) ? `[${host}]` : host;
}

/**
 * A URL a browser on this computer can open for a listener: a wildcard bind is reached through
 * loopback, and an IPv6 address is bracketed (`http://::1:4318` is not a URL).
 */
export function browsableUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${hostForUrl(reachable)}:${port}`;
}

/**
 * One spelling per `host:port`, so a Host header and an allowlist entry compare equal when they
 * name the same place: lower case, IPv6 compressed and bracketed, default port 80 dropped. Null
 * when it is not a host at all.
 */
export function canonicalHost(hostPort: string): string | null {
  if (hostPort === '' || /[/?#@\\\s]/.test(hostPort)) return null;
  try {
    return new URL(`http://${hostPort}/`).host;
  } catch {
    return null;
  }
}

/**
 * An allowlist entry written as `${bindHost}:${port}` with a bare IPv6 bind address
 * (`::1:4318`, `fd00::2:4317`) becomes `[::1]:4318`; other entries are only canonicalised.
 */
export function canonicalAllowedHost(entry: string): string | null {
  const colon = entry.lastIndexOf(':');
  const address = entry.slice(0, colon);
  if (colon > 0 && !entry.startsWith('[') && isIPv6Literal(address)) return canonicalHost(`[${address}]${entry.slice(colon)}`);
  return canonicalHost(entry);
}

/**
 * The participants' URLs for a set of `host:port` entries: IPv6 entries bracketed, the IPv6
 * loopback left out (127.0.0.1 and localhost already say it).
 */
export function participantUrlsFor(hosts: Iterable<string>): string[] {
  const urls = new Set<string>();
  for (const entry of hosts) {
    const host = canonicalAllowedHost(entry);
    if (host && !host.startsWith('[::1]')) urls.add(`http://${host}`);
  }
  return [...urls];
}
