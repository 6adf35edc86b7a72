import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/**
 * Whether a socket address is this computer's loopback. A dual-stack listener reports IPv4
 * peers as `::ffff:127.0.0.1`, so the mapped form counts too.
 */
export function isLoopbackAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const plain = mapped ? mapped[1]! : address;
  const family = isIP(plain);
  if (family === 0) return false;
  return loopback.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The TCP peer of a request as @hono/node-server hands it over (`env.incoming.socket`), or null
 * when there is no socket (an in-process `app.request()` without one).
 */
export function socketPeer(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/**
 * The client address a tunnel agent on this computer reports: the last X-Forwarded-For entry
 * (agents append what they saw; earlier entries are whatever the client sent). Cloudflare's own
 * `CF-Connecting-IP` comes first, but only through Cloudflare (`cloudflare`): other agents (ngrok,
 * Tailscale Funnel) pass that header through as the client sent it. Anything that is not an IP
 * address is ignored.
 */
export function forwardedClient(c: Context, cloudflare: boolean): string | null {
  const candidates = [cloudflare ? c.req.header('cf-connecting-ip') : undefined, c.req.header('x-forwarded-for')?.split(',').at(-1)];
  for (const raw of candidates) {
    const value = raw?.trim();
    if (value && isIP(value) !== 0) return value;
  }
  return null;
}
