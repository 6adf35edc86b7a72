import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listener } from '../../../src-main/http/listen';
import { createParticipantApp } from '../../../src-main/http/participant/app';
import { participantHosts } from '../../../src-main/services/network/addresses';
import { getSettings } from '../../../src-main/services/organizer/settings';
import { authPath, fetchClient } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';

/** The participant app on a real socket (127.0.0.1, a free port), as the headless server runs it. */
let w: World;
let listener: Listener;
let base: string;

async function serve(options: { headersTimeoutMs?: number; maxConnections?: number } = {}): Promise<Listener> {
  let port = 0;
  const app = createParticipantApp(w.t.deps, {
    allowedHosts: () => participantHosts({ bindHost: '127.0.0.1', port, publicBaseUrl: getSettings(w.t.deps).publicBaseUrl }),
  });
  const l = await listen(app.fetch, { host: '127.0.0.1', port: 0, ...options });
  port = l.port;
  return l;
}

beforeAll(async () => {
  w = await participantWorld();
  listener = await serve();
  base = listener.url;
  w.t.deps.runtime.participantUrls = [base];
});
afterAll(async () => {
  await listener.close();
  w.close();
});

/**
 * A raw HTTP exchange: what the server wrote, and whether it closed the socket within `waitMs`
 * (or, with `untilHead`, as soon as a response head arrived).
 */
function raw(data: string, port = listener.port, waitMs = 3_000, untilHead = false): Promise<{ reply: string; closed: boolean; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(data));
    let reply = '';
    const timer = setTimeout(() => resolve({ reply, closed: false, socket }), waitMs);
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (untilHead && reply.includes('\r\n\r\n')) {
        clearTimeout(timer);
        socket.destroy();
        resolve({ reply, closed: false, socket });
      }
    });
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ reply, closed: true, socket });
    });
  });
}

function nodeRequest(path: string, options: { method?: string; headers?: Record<string, string | number>; body?: Buffer | string; chunks?: Buffer[] }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: listener.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    if (options.chunks) for (const chunk of options.chunks) req.write(chunk);
    req.end(options.body);
  });
}

describe('over real HTTP', () => {
  it('registers, follows the mailed link, edits, logs out; limits count the socket address, not a forged header', async () => {
    const browser = fetchClient(base);
    expect((await browser.get(`/i/${w.code}`)).status).toBe(200);
    const registered = await browser.post(`/i/${w.code}`, { name: 'Ann', email: 'ann@example.com', giftIdeas: 'Tea' }, { headers: { 'x-forwarded-for': '10.9.8.7' } });
    expect(registered.status).toBe(200);
    const path = authPath(w.outbox('welcome')[0]!.text_body);
    expect(w.outbox('welcome')[0]!.text_body).toContain(`${base}/auth/`);
    expect((await browser.head(path)).status).toBe(200);
    await browser.get(path);
    const done = await browser.post(path);
    expect(done.status).toBe(303);
    expect(done.setCookies.find((c) => c.startsWith('sk_session='))).not.toMatch(/secure/i);
    expect((await browser.get('/me')).text).toContain('Hello, Ann');
    expect((await browser.post('/me/ideas', { giftIdeas: 'Coffee' })).location).toBe('/me?done=ideas');
    expect((await browser.post('/logout')).location).toBe('/login');
    expect(w.count('sessions')).toBe(0);
    const keys = (w.t.deps.db.sqlite.prepare('select key from rate_limits').all() as Array<{ key: string }>).map((r) => r.key);
    expect(keys).toContain('register:127.0.0.1');
    expect(keys.join()).not.toContain('10.9.8.7');
  });

  it('two simultaneous Continue presses on real sockets: one session', async () => {
    await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Bob', email: 'bob@example.com' });
    const a = fetchClient(base);
    const b = fetchClient(base);
    await a.get('/login');
    await a.post('/login', { email: 'bob@example.com' });
    const path = authPath(w.outbox('magic-link').at(-1)!.text_body);
    await Promise.all([a.get(path), b.get(path)]);
    const sessionsBefore = w.count('sessions');
    const results = await Promise.all([a.post(path), b.post(path)]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 410]);
    expect(w.count('sessions')).toBe(sessionsBefore + 1);
  });

  it('refuses a foreign Host (421), oversized bodies (413, declared or chunked) and headers (431)', async () => {
    expect((await nodeRequest('/login', { headers: { host: 'evil.example' } })).status).toBe(421);
    expect((await nodeRequest('/login', { headers: { host: `127.0.0.1:${listener.port + 1}` } })).status).toBe(421);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const big = Buffer.alloc(64 * 1024, 'a');
    const declared = await nodeRequest('/login', { method: 'POST', headers: { ...form, 'content-length': big.length }, body: big });
    expect(declared.status).toBe(413);
    const chunked = await nodeRequest('/login', { method: 'POST', headers: form, chunks: [big.subarray(0, 10_000), big.subarray(0, 10_000)] });
    expect(chunked.status).toBe(413);
    expect((await nodeRequest('/login', { headers: { 'x-big': 'b'.repeat(20 * 1024) } })).status).toBe(431);
    // Requests no URL can be made of are the client's fault: 400, never a 500.
    for (const bad of ['GET /login HTTP/1.0\r\n\r\n', 'GET /login HTTP/1.1\r\nHost: a b\r\n\r\n', 'GET /\\evil HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n']) {
      expect((await raw(bad, listener.port, 3_000, true)).reply).toMatch(/^HTTP\/1\.1 400 /);
    }
  });

  it('cuts off a client that never finishes its headers (slowloris)', async () => {
    const slow = await serve({ headersTimeoutMs: 300 });
    try {
      // Bounded only against a hang: the server's own 408 and close are what is checked.
      const { reply, closed } = await raw(`GET /login HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\nX-Slow: a`, slow.port, 20_000);
      expect(closed).toBe(true);
      expect(reply).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await slow.close();
    }
    // The production listener keeps the documented limits.
    expect(listener.server.headersTimeout).toBe(10_000);
    expect(listener.server.requestTimeout).toBe(30_000);
    expect(listener.server.maxConnections).toBe(512);
  });

  it('caps concurrent sockets: past the cap a connection is closed unanswered', async () => {
    const capped = await serve({ maxConnections: 2 });
    const held: Socket[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const { reply, closed, socket } = await raw(`GET /health HTTP/1.1\r\nHost: 127.0.0.1:${capped.port}\r\n\r\n`, capped.port, 300);
        expect(reply).toMatch(/^HTTP\/1\.1 200/);
        expect(closed).toBe(false); // kept alive, still counted
        held.push(socket);
      }
      const third = await raw(`GET /health HTTP/1.1\r\nHost: 127.0.0.1:${capped.port}\r\n\r\n`, capped.port, 3_000);
      expect(third.closed).toBe(true);
      expect(third.reply).toBe('');
    } finally {
      for (const socket of held) socket.destroy();
      await capped.close();
    }
  });
});
