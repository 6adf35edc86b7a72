import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParticipantClient } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';

/**
 * The listener's fast lane (http/participant/fast-lane.ts) answers kept pages before the app. It
 * must never answer what the app would refuse or answer otherwise: a foreign Host, another method,
 * a query, a body, another browser's cookies, another language, a tunnel's HTTPS.
 */
let w: World;
let pat: ParticipantClient;

beforeEach(async () => {
  w = await participantWorld({ sockets: true });
  pat = await w.register({ name: 'Patience', email: 'patience@example.com', giftIdeas: 'A red scarf' });
  await w.follow(pat, 'patience@example.com');
});
afterEach(() => w.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with exactly these headers (fetch would not let a test set Host). */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const url = new URL(w.url!);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const host = () => new URL(w.url!).host;
const patCookies = () => `sk_session=${pat.session()}; sk_csrf=${pat.cookies.get('sk_csrf')}`;

/** Runs `act` and tells whether the lane answered it. */
async function viaLane<T>(act: () => Promise<T>): Promise<{ result: T; lane: boolean }> {
  const before = w.laneAnswers();
  const result = await act();
  return { result, lane: w.laneAnswers() > before };
}

describe('the fast lane', () => {
  it('answers a kept /me with the page the app rendered, for that browser only', async () => {
    const rendered = await send('GET', '/me', { host: host(), cookie: patCookies() });
    const { result: kept, lane } = await viaLane(() => send('GET', '/me', { host: host(), cookie: patCookies() }));
    expect(lane).toBe(true);
    expect(kept.status).toBe(200);
    expect(kept.body).toBe(rendered.body);
    expect(kept.body).toContain('Hello, Patience');

    // Same session, no CSRF cookie: a fresh cookie and a token that is not Patience's.
    const { result: bare, lane: bareLane } = await viaLane(() => send('GET', '/me', { host: host(), cookie: `sk_session=${pat.session()}` }));
    expect(bareLane).toBe(true);
    expect(String(bare.headers['set-cookie'])).toMatch(/^sk_csrf=[A-Za-z0-9_-]{22}; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(bare.body).not.toContain(pat.csrf!);

    // Another session id, a forged one: never her page.
    const { result: forged, lane: forgedLane } = await viaLane(() => send('GET', '/me', { host: host(), cookie: `sk_session=${pat.session()}x` }));
    expect(forgedLane).toBe(false);
    expect(forged.status).toBe(303);
    expect(forged.headers.location).toBe('/login');
  });

  it('leaves a foreign Host to the app, which refuses it even for a kept page', async () => {
    await pat.get('/me');
    const { result, lane } = await viaLane(() => send('GET', '/me', { host: 'evil.example', cookie: patCookies() }));
    expect(lane).toBe(false);
    expect(result.status).toBe(421);
    expect(result.body).not.toContain('Patience');
    const invite = await viaLane(() => send('GET', `/i/${w.code}`, { host: `rebind.example:${new URL(w.url!).port}` }));
    expect(invite.lane).toBe(false);
    expect(invite.result.status).toBe(421);
  });

  it('leaves HEAD, a query, a body and an odd path to the app, which answers them as before', async () => {
    await pat.get('/me');
    const head = await viaLane(() => send('HEAD', '/me', { host: host(), cookie: patCookies() }));
    expect(head).toMatchObject({ lane: false, result: { status: 200, body: '' } });
    const flash = await viaLane(() => send('GET', '/me?done=ideas', { host: host(), cookie: patCookies() }));
    expect(flash.lane).toBe(false);
    expect(flash.result.body).toContain('Your gift ideas were saved.');
    const withBody = await viaLane(() => send('GET', '/me', { host: host(), cookie: patCookies(), 'content-type': 'text/plain', 'content-length': '5' }, 'hello'));
    expect(withBody.lane).toBe(false);
    expect(withBody.result.status).toBe(200);
    const chunked = await viaLane(() => send('GET', '/me', { host: host(), cookie: patCookies(), 'transfer-encoding': 'chunked' }, 'hello'));
    expect(chunked.lane).toBe(false);
    expect(chunked.result.status).toBe(200);
    const slash = await viaLane(() => send('GET', '/me/', { host: host(), cookie: patCookies() }));
    expect(slash.lane).toBe(false);
    expect(slash.result.status).toBe(404);
    const encoded = await viaLane(() => send('GET', `/i/${w.code}%2F..`, { host: host() }));
    expect(encoded.lane).toBe(false);
    expect(encoded.result.status).toBe(404);
  });

  it('gives a first visit a whole page whose token its new cookie accepts', async () => {
    await send('GET', `/i/${w.code}`, { host: host() });
    const first = await viaLane(() => send('GET', `/i/${w.code}`, { host: host() }));
    expect(first.lane).toBe(true);
    expect(Number(first.result.headers['content-length'])).toBe(Buffer.byteLength(first.result.body));
    expect(first.result.body).toMatch(/<\/html>\s*$/);

    // A browser's first visit answered by the lane, then its registration: the token holds.
    const quentin = w.client();
    const registered = await viaLane(() => w.register({ name: 'Quentin', email: 'quentin@example.com' }, quentin));
    expect(registered.lane).toBe(true);
    expect(w.t.deps.db.sqlite.prepare("SELECT name FROM participants WHERE email = 'quentin@example.com'").get()).toEqual({ name: 'Quentin' });
  });

  it('keeps the invite page per language the browser asks for', async () => {
    const german = { host: host(), 'accept-language': 'de-CH,de;q=0.9,en;q=0.5' };
    await send('GET', `/i/${w.code}`, german);
    await send('GET', `/i/${w.code}`, { host: host() });
    const de = await viaLane(() => send('GET', `/i/${w.code}`, german));
    const en = await viaLane(() => send('GET', `/i/${w.code}`, { host: host(), 'accept-language': 'ja' }));
    expect(de.lane && en.lane).toBe(true);
    expect(de.result.body).toContain('lang="de"');
    expect(en.result.body).toContain('lang="en"');
  });

  it('through an HTTPS tunnel sends HSTS and a Secure cookie, and over the LAN neither', async () => {
    await w.t.ok('settings.update', { publicBaseUrl: 'https://santa.example.net' });
    await send('GET', `/i/${w.code}`, { host: 'santa.example.net' });
    const tunnel = await viaLane(() => send('GET', `/i/${w.code}`, { host: 'santa.example.net' }));
    expect(tunnel.lane).toBe(true);
    expect(tunnel.result.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(String(tunnel.result.headers['set-cookie'])).toMatch(/; Secure/);
    const lan = await viaLane(() => send('GET', `/i/${w.code}`, { host: host() }));
    expect(lan.lane).toBe(true);
    expect(lan.result.headers['strict-transport-security']).toBeUndefined();
    expect(String(lan.result.headers['set-cookie'])).not.toMatch(/Secure/);
  });
});
