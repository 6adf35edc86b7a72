import { hostname, networkInterfaces } from 'node:os';

/** IPv4 addresses of this computer on its local networks (what a phone on the Wi-Fi can reach). */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) {
      if (info.family === 'IPv4' && !info.internal) out.push(info.address);
    }
  }
  return out;
}

/** The host names this computer answers to on the LAN, besides its IP addresses. */
export function localHostNames(): string[] {
  const name = hostname().toLowerCase();
  return name.endsWith('.local') ? [name] : [name, `${name}.local`];
}

/** Every `host:port` a participant's browser may legitimately send for this listener. */
export function participantHosts(options: { bindHost: string; port: number; publicBaseUrl: string | null }): Set<string> {
  const { port } = options;
  const hosts = new Set<string>([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);
  const wildcard = options.bindHost === '0.0.0.0' || options.bindHost === '::';
  if (wildcard) {
    for (const address of lanAddresses()) hosts.add(`${address}:${port}`);
    for (const name of localHostNames()) hosts.add(`${name}:${port}`);
  } else {
    hosts.add(`${options.bindHost}:${port}`);
  }
  if (options.publicBaseUrl) {
    const url = new URL(options.publicBaseUrl);
    hosts.add(url.host.toLowerCase());
  }
  return hosts;
}

export interface ParticipantHostsInput {
  bindHost: string;
  port: number;
  publicBaseUrl: string | null;
}

/** The allowlist a listener checks every request against, kept instead of recomputed per request. */
export interface HostCache {
  /** The kept set; recomputed when the input (port, public address) changed or it is older than `maxAgeMs`. */
  current(): ReadonlySet<string>;
  /** Recomputed now (at most once per `minRefreshMs`): for a Host not in `current()`, e.g. a network that just came up. */
  refresh(): ReadonlySet<string>;
}

/**
 * `participantHosts` for a listener, kept: reading the network interfaces on every request is the
 * costliest part of a small page. The input is read on every call (cheap: the settings object is
 * shared), so a new public address is allowed at once; LAN addresses are read again after
 * `maxAgeMs`, or on a miss.
 */
export function participantHostCache(input: () => ParticipantHostsInput, options: { maxAgeMs?: number; minRefreshMs?: number } = {}): HostCache {
  const maxAgeMs = options.maxAgeMs ?? 30_000;
  const minRefreshMs = options.minRefreshMs ?? 1_000;
  let kept: { key: string; hosts: ReadonlySet<string>; at: number } | null = null;
  const compute = (current: ParticipantHostsInput, key: string) => {
    kept = { key, hosts: participantHosts(current), at: performance.now() };
    return kept.hosts;
  };
  const keyOf = (current: ParticipantHostsInput) => `${current.bindHost} ${current.port} ${current.publicBaseUrl ?? ''}`;
  return {
    current() {
      const current = input();
      const key = keyOf(current);
      if (kept && kept.key === key && performance.now() - kept.at < maxAgeMs) return kept.hosts;
      return compute(current, key);
    },
    refresh() {
      const current = input();
      const key = keyOf(current);
      if (kept && kept.key === key && performance.now() - kept.at < minRefreshMs) return kept.hosts;
      return compute(current, key);
    },
  };
}
