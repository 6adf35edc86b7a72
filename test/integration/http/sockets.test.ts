import { networkInterfaces } from 'node:os';
import type { Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApp } from '../../../src-main/http/admin/app';
import { listen, type Listener } from '../../../src-main/http/listen';
import { createParticipantApp } from '../../../src-main/http/participant/app';
import { loopbackHosts } from '../../../src-main/http/security';
import { participantHosts } from '../../../src-main/services/network/addresses';
import { getSettings } from '../../../src-main/services/organizer/settings';
import { participantWorld, type World } from '../../support/participant-world';
import { socketClient } from './peer-client';
import { openSocket, rawExchange } from './raw-socket';

/** A non-loopback address of this computer: connecting from it makes a LAN peer for real. */
const LAN_ADDRESS = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
/** A global or unique-local IPv6 address of this computer, if it has one. */
const LAN_IPV6 = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv6' && !i.internal && !i.address.startsWith('fe80'))?.address;
const PUBLIC = 'https://santa.example.net';

let w: World;
const listeners: Listener[] = [];
const held: Socket[] = [];
beforeAll(async () => {
  w = await participantWorld();
});
afterEach(async () => {
  for (const socket of held.splice(0)) socket.destroy();
  await Promise.all(listeners.splice(0).map((l) => l.close()));
});
afterAll(() => w.close());

async function serve(options: Parameters<typeof listen>[1]): Promise<Listener> {
  let port = 0;
  const app = createParticipantApp(w.t.deps, { allowedHosts: () => participantHosts({ bindHost: options.host, port, publicBaseUrl: getSettings(w.t.deps).publicBaseUrl }) });
  const l = await listen(app.fetch, options);
  port = l.port;
  listeners.push(l);
  return l;
}

const get = (l: Listener, from: { host: string; localAddress?: string }, hostHeader = `${from.host}:${l.port}`, path = '/health') =>
  rawExchange({ port: l.port, host: from.host, localAddress: from.localAddress, data: `GET ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n` });

/** A slowloris socket: connected, headers begun and never finished. */
async function slow(l: Listener, host: string, localAddress?: string): Promise<Socket> {
  const socket = await openSocket(l.port, host, localAddress);
  socket.write(`GET /login HTTP/1.1\r\nHost: ${host}:${l.port}\r\nX-Slow: a`);
  held.push(socket);
  return socket;
}

/** Waits until the server counts `n` open connections from `address` (it learns of closes asynchronously). */
async function until(l: Listener, address: string, n: number): Promise<void> {
  while (l.connectionsFrom(address) !== n) await new Promise((resolve) => setImmediate(resolve));
}

describe('per-client connection cap', () => {
  it('one address holding its cap of slow sockets is refused more; another address is still served', async () => {
    const l = await serve({ host: '0.0.0.0', port: 0, connectionCaps: { perClient: 4, loopback: 4 } });
    for (let i = 0; i < 4; i++) await slow(l, '127.0.0.1');
    await until(l, '127.0.0.1', 4);
    const refused = await get(l, { host: '127.0.0.1' });
    expect(refused).toMatchObject({ reply: '', closed: true });
    expect((await get(l, { host: '127.0.0.1', localAddress: '127.0.0.2' })).reply).toMatch(/^HTTP\/1\.1 200 /);
    // As soon as one slow socket goes, that address is served again.
    held.pop()!.destroy();
    await until(l, '127.0.0.1', 3);
    expect((await get(l, { host: '127.0.0.1' })).reply).toMatch(/^HTTP\/1\.1 200 /);
  });

  it.skipIf(!LAN_ADDRESS)('a LAN client is capped at 32 while loopback (the tunnel) gets its higher cap', async () => {
    const l = await serve({ host: '0.0.0.0', port: 0 });
    for (let i = 0; i < 32; i++) await slow(l, LAN_ADDRESS!, LAN_ADDRESS);
    await until(l, LAN_ADDRESS!, 32);
    expect(await get(l, { host: LAN_ADDRESS!, localAddress: LAN_ADDRESS })).toMatchObject({ reply: '', closed: true });
    for (let i = 0; i < 40; i++) await slow(l, '127.0.0.1');
    await until(l, '127.0.0.1', 40);
    expect((await get(l, { host: '127.0.0.1' })).reply).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe.skipIf(!LAN_ADDRESS)('forwarding headers over real sockets', () => {
  afterEach(async () => {
    await w.t.ok('settings.update', { publicBaseUrl: null });
    w.t.deps.db.sqlite.prepare('delete from rate_limits').run();
  });
  const keys = () => (w.t.deps.db.sqlite.prepare('select key from rate_limits').all() as Array<{ key: string }>).map((r) => r.key);

  it('a LAN peer naming the tunnel host is keyed by its socket; the loopback tunnel agent by the header', async () => {
    await w.t.ok('settings.update', { publicBaseUrl: PUBLIC });
    const l = await serve({ host: '0.0.0.0', port: 0 });
    for (const [from, forged, key] of [
      [LAN_ADDRESS!, '198.51.100.7', LAN_ADDRESS!],
      ['127.0.0.1', '198.51.100.8', '198.51.100.8'],
    ] as const) {
      const c = socketClient(l.port, from, 'santa.example.net', 'https');
      expect((await c.get('/login')).status).toBe(200);
      expect((await c.post('/login', { email: 'a@example.com' }, { headers: { 'x-forwarded-for': forged } })).status).toBe(200);
      expect(keys()).toContain(`login-client:${key}`);
    }
    expect(keys()).not.toContain('login-client:198.51.100.7');
  });
});

describe('behind a tunnel agent on this computer, over real sockets', () => {
  afterEach(async () => {
    await w.t.ok('settings.update', { publicBaseUrl: null });
    w.t.deps.db.sqlite.prepare('delete from rate_limits').run();
  });
  /** Whom the per-client limit counted. */
  const clients = () => (w.t.deps.db.sqlite.prepare("select key from rate_limits where key like 'login-client:%' order by key").all() as Array<{ key: string }>).map((r) => r.key);

  it('behind ngrok or Tailscale Funnel, a CF-Connecting-IP the client sent does not make it a new client', async () => {
    await w.t.ok('settings.update', { publicBaseUrl: 'https://santa.ngrok.app' });
    const l = await serve({ host: '127.0.0.1', port: 0 });
    // The agent keeps the Host and appends the address it saw to X-Forwarded-For; a CF-Connecting-IP
    // header the client made up passes through untouched.
    const client = socketClient(l.port, '127.0.0.1', 'santa.ngrok.app', 'https');
    await client.get('/login');
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const headers = { 'x-forwarded-for': '203.0.113.7', 'cf-connecting-ip': `198.51.100.${i}` };
      statuses.push((await client.post('/login', { email: `p${i}@example.com` }, { headers })).status);
    }
    // 20 sign-in requests an hour per client, whatever it claims to be.
    expect(statuses).toEqual([...Array<number>(20).fill(200), 429, 429]);
    expect(clients()).toEqual(['login-client:203.0.113.7']);
  });

  it('through a Cloudflare quick tunnel, Cloudflare’s own client header tells clients apart', async () => {
    const tunnel = 'merry-fox-sleigh.trycloudflare.com';
    await w.t.ok('settings.update', { publicBaseUrl: `https://${tunnel}` });
    const l = await serve({ host: '127.0.0.1', port: 0 });
    for (const ip of ['198.51.100.1', '198.51.100.2']) {
      const c = socketClient(l.port, '127.0.0.1', tunnel, 'https');
      await c.get('/login');
      expect((await c.post('/login', { email: 'a@example.com' }, { headers: { 'cf-connecting-ip': ip, 'x-forwarded-for': '203.0.113.7' } })).status).toBe(200);
    }
    expect(clients()).toEqual(['login-client:198.51.100.1', 'login-client:198.51.100.2']);
  });
});

describe('IPv6 listen addresses', () => {
  it('the admin listener on ::1 prints a valid URL and answers the browser’s Host [::1]:port', async () => {
    let port = 0;
    const admin = createAdminApp(w.t.deps, { secret: 's'.repeat(43), allowedHosts: () => new Set(loopbackHosts(port)), passwordHash: null });
    const l = await listen(admin.fetch, { host: '::1', port: 0 });
    port = l.port;
    listeners.push(l);
    expect(l.url).toBe(`http://[::1]:${l.port}`);
    expect(new URL(l.url).port).toBe(String(l.port));
    const { reply } = await rawExchange({ port: l.port, host: '::1', data: `GET /health HTTP/1.1\r\nHost: [::1]:${l.port}\r\nConnection: close\r\n\r\n` });
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
  });

  // participantHosts writes the bind address as `fd00::2:4317`; the browser sends `[fd00::2]:4317`.
  it('a participant listener bound to one IPv6 address accepts its bracketed Host, and lists a valid URL', async () => {
    const address = LAN_IPV6 ?? '::1';
    const l = await serve({ host: address, port: 0 });
    expect((await get(l, { host: address }, `[${address}]:${l.port}`, '/login')).reply).toMatch(/^HTTP\/1\.1 200 /);
    expect((await get(l, { host: address }, `[${address.toUpperCase()}]:${l.port}`, '/login')).reply).toMatch(/^HTTP\/1\.1 200 /);
    expect((await get(l, { host: address }, `[::2]:${l.port}`, '/login')).reply).toMatch(/^HTTP\/1\.1 421 /);
  });
});
