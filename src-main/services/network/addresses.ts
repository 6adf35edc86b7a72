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
