import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authPath, type ClientResponse } from '../../support/participant-client';
import { deferredWorkDone } from '../../../src-main/services/portal/after-response';
import { LAN, participantWorld, type World } from '../../support/participant-world';
import { peerClient } from './peer-client';

const PUBLIC = 'https://santa.example.net';

let w: World;
beforeEach(async () => {
  w = await participantWorld();
});
afterEach(() => w.close());

const cookieLine = (r: ClientResponse, name: string) => r.setCookies.find((c) => c.startsWith(`${name}=`)) ?? '';
/** cloudflared runs on this computer: tunnel traffic reaches us from loopback. */
const viaTunnel = () => peerClient(w.app, '127.0.0.1', 'santa.example.net', 'https');
const links = () => w.outbox().flatMap((m) => [...`${m.text_body}\n${m.html_body}`.matchAll(/https?:\/\/[^\s"'<>/]+/g)].map((x) => x[0]));

describe('behind a tunnel (public base URL)', () => {
  beforeEach(async () => {
    await w.t.ok('settings.update', { publicBaseUrl: PUBLIC });
  });

  it('serves the public host, marks cookies Secure there, and mails links to the public URL only', async () => {
    const visitor = viaTunnel();
    const invite = await visitor.get(`/i/${w.code}`, { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' });
    expect(invite.status).toBe(200);
    expect(cookieLine(invite, 'sk_csrf')).toMatch(/; Secure/i);
    // The tunnel reaches us over plain HTTP, but the visitor used HTTPS: tell the browser to stay there.
    expect(invite.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const registered = await visitor.post(
      `/i/${w.code}`,
      { name: 'Ann', email: 'ann@example.com' },
      { headers: { 'x-forwarded-host': 'evil.example', forwarded: 'host=evil.example;proto=http' } },
    );
    expect(registered.status).toBe(200);
    const welcome = w.outbox('welcome')[0]!;
    expect(welcome.text_body).toContain(`${PUBLIC}/auth/`);
    const path = authPath(welcome.text_body);
    await visitor.get(path);
    const done = await visitor.post(path);
    expect(done.location).toBe('/me');
    const session = cookieLine(done, 'sk_session')
      .split(';')
      .map((s) => s.trim().toLowerCase());
    expect(session).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax']));

    // Someone on the LAN asking with a forged forwarding header changes nothing either.
    const lan = w.client();
    await lan.get('/login', { 'x-forwarded-host': 'evil.example' });
    await lan.post('/login', { email: 'ann@example.com' }, { headers: { 'x-forwarded-host': 'evil.example', host: '127.0.0.1:4317' } });
    await deferredWorkDone(w.t.deps);
    expect(w.outbox('magic-link')).toHaveLength(1);
    expect(new Set(links().filter((l) => /\/\/(santa|evil|127|localhost)/.test(l)))).toEqual(new Set([PUBLIC]));
    expect(JSON.stringify(w.outbox())).not.toContain('evil.example');
  });

  it('over the LAN address the same app sends no Secure cookie (plain HTTP), and other hosts stay refused', async () => {
    const lan = w.client();
    const page = await lan.get(`/i/${w.code}`);
    expect(page.status).toBe(200);
    expect(cookieLine(page, 'sk_csrf')).not.toMatch(/secure/i);
    expect((await w.client('santa.example.net:8443', 'https').get('/login')).status).toBe(421);
    expect((await w.client('other.example.net', 'https').get('/login')).status).toBe(421);
  });
});

describe('rate limits', () => {
  const tooMany = (r: ClientResponse, minutes: number) => {
    expect(r.status).toBe(429);
    expect(r.text).toContain('Too many attempts');
    expect(r.text).toContain(`try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`);
    expect(Number(r.headers.get('retry-after'))).toBe(minutes * 60);
  };

  it('per client: 20 login requests, 10 registrations, 30 Continue presses an hour (or 15 min)', async () => {
    const c = w.client();
    await c.get('/login');
    for (let i = 0; i < 20; i++) expect((await c.post('/login', { email: `p${i}@example.com` })).status).toBe(200);
    tooMany(await c.post('/login', { email: 'p99@example.com' }), 60);
    for (let i = 0; i < 10; i++) expect((await c.post(`/i/${w.code}`, { name: `P${i}`, email: `r${i}@example.com` })).status).toBe(200);
    tooMany(await c.post(`/i/${w.code}`, { name: 'P10', email: 'r10@example.com' }), 60);
    expect(w.count('participants')).toBe(10);
    for (let i = 0; i < 30; i++) expect((await c.post('/auth/nothing')).status).toBe(404);
    tooMany(await c.post('/auth/nothing'), 15);
  });

  it('on the LAN, a forged X-Forwarded-For or CF-Connecting-IP does not make a new client', async () => {
    const c = w.client();
    await c.get('/login');
    for (let i = 0; i < 10; i++) {
      const r = await c.post(`/i/${w.code}`, { name: `P${i}`, email: `r${i}@example.com` }, { headers: { 'x-forwarded-for': `10.0.0.${i}`, 'cf-connecting-ip': `10.1.0.${i}` } });
      expect(r.status).toBe(200);
    }
    tooMany(await c.post(`/i/${w.code}`, { name: 'X', email: 'x@example.com' }, { headers: { 'x-forwarded-for': '10.9.9.9', 'cf-connecting-ip': '10.9.9.9' } }), 60);
  });

  it('behind the tunnel, clients are told apart by the tunnel’s header, and a client cannot prepend its own', async () => {
    await w.t.ok('settings.update', { publicBaseUrl: PUBLIC });
    const c = viaTunnel();
    await c.get('/login');
    // Tunnel agents append the address they saw: what the client sent comes first.
    for (let i = 0; i < 10; i++) {
      const r = await c.post(`/i/${w.code}`, { name: `P${i}`, email: `r${i}@example.com` }, { headers: { 'x-forwarded-for': `10.0.0.${i}, 203.0.113.7` } });
      expect(r.status).toBe(200);
    }
    tooMany(await c.post(`/i/${w.code}`, { name: 'X', email: 'x@example.com' }, { headers: { 'x-forwarded-for': '10.0.0.99, 203.0.113.7' } }), 60);
    // Another real client (another address from the tunnel) is not limited.
    expect((await c.post(`/i/${w.code}`, { name: 'Y', email: 'y@example.com' }, { headers: { 'x-forwarded-for': '198.51.100.4' } })).status).toBe(200);
  });

  it('a LAN client naming the tunnel host cannot rotate CF-Connecting-IP / X-Forwarded-For past the per-client limit', async () => {
    await w.t.ok('settings.update', { publicBaseUrl: PUBLIC });
    const lan = peerClient(w.app, '192.0.2.50', 'santa.example.net', 'https');
    await lan.get('/login');
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const forged = { 'cf-connecting-ip': `198.51.100.${i}`, 'x-forwarded-for': `203.0.113.${i}` };
      statuses.push((await lan.post('/login', { email: `p${i}@example.com` }, { headers: forged })).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    const keys = (w.t.deps.db.sqlite.prepare('select key from rate_limits').all() as Array<{ key: string }>).map((r) => r.key);
    expect(keys).toContain('login-client:192.0.2.50');
    expect(keys.join()).not.toMatch(/198\.51\.100|203\.0\.113/);
    // Nor is that client told it came over HTTPS.
    expect(lan.cookies.has('sk_csrf')).toBe(true);
    expect((await lan.get('/login')).headers.get('strict-transport-security')).toBeNull();
  });

  it("without a public address, even a loopback peer's forwarding headers are ignored", async () => {
    const local = peerClient(w.app, '127.0.0.1', LAN);
    await local.get('/login');
    for (let i = 0; i < 20; i++) expect((await local.post('/login', { email: `p${i}@example.com` }, { headers: { 'cf-connecting-ip': `198.51.100.${i}` } })).status).toBe(200);
    tooMany(await local.post('/login', { email: 'p99@example.com' }, { headers: { 'cf-connecting-ip': '198.51.100.99' } }), 60);
  });

  it('a forwarded value that is not an IP address is not a client name', async () => {
    await w.t.ok('settings.update', { publicBaseUrl: PUBLIC });
    const c = viaTunnel();
    await c.get('/login');
    await c.post('/login', { email: 'a@example.com' }, { headers: { 'cf-connecting-ip': 'not-an-ip' } });
    const keys = (w.t.deps.db.sqlite.prepare('select key from rate_limits').all() as Array<{ key: string }>).map((r) => r.key);
    expect(keys).toContain('login-client:127.0.0.1');
  });
});
