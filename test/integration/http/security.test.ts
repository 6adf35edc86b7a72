import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authPath, type ClientResponse, type ParticipantClient } from '../../support/participant-client';
import { deferredWorkDone } from '../../../src-main/services/portal/after-response';
import { participantWorld, type World } from '../../support/participant-world';

let w: World;
let ann: ParticipantClient;
let linkPath: string;
beforeEach(async () => {
  w = await participantWorld();
  ann = await w.register({ name: 'Ann', email: 'ann@example.com', giftIdeas: 'Tea' });
  await w.follow(ann, 'ann@example.com');
  await w.add(['Bob']);
  const bob = w.client();
  await bob.get('/login');
  await bob.post('/login', { email: 'bob@example.com' });
  await deferredWorkDone(w.t.deps);
  linkPath = authPath(w.outbox('magic-link').at(-1)!.text_body);
});
afterEach(() => w.close());

/** Every state-changing route, with a valid body, as Ann (signed in) would send it. */
const ROUTES: Array<[string, () => string, Record<string, string>]> = [
  ['/login', () => '/login', { email: 'ann@example.com' }],
  ['/i/:code', () => `/i/${w.code}`, { name: 'Cleo', email: 'cleo@example.com' }],
  ['/auth/:token', () => linkPath, {}],
  ['/me/ideas', () => '/me/ideas', { giftIdeas: 'changed' }],
  ['/me/reminders', () => '/me/reminders', {}],
  ['/me/withdraw', () => '/me/withdraw', { confirm: 'yes' }],
  ['/logout', () => '/logout', {}],
];

/** A fingerprint of everything a refused request must not have changed. */
const state = () =>
  JSON.stringify(
    ['participants', 'sessions', 'magic_tokens', 'email_outbox', 'rate_limits'].map((table) => w.t.deps.db.sqlite.prepare(`select * from ${table} order by rowid`).all()),
  );

const expectRefused = (r: ClientResponse) => {
  expect(r.status).toBe(403);
  expect(r.text).toContain('Request refused');
};

describe('CSRF', () => {
  for (const [label, path, fields] of ROUTES) {
    it(`${label}: a missing, forged or other browser's token, no CSRF cookie, or a foreign Origin → 403 and nothing changes`, async () => {
      await ann.get('/me');
      const before = state();
      expectRefused(await ann.post(path(), fields, { csrf: null }));
      expectRefused(await ann.post(path(), fields, { csrf: 'f'.repeat(64) }));
      expectRefused(await ann.post(path(), fields, { csrf: ann.csrf!.slice(0, 63) }));
      const other = w.client();
      await other.get('/login');
      expectRefused(await ann.post(path(), fields, { csrf: other.csrf }));
      const noCookie = w.client();
      for (const [k, v] of ann.cookies) if (k !== 'sk_csrf') noCookie.cookies.set(k, v);
      expectRefused(await noCookie.post(path(), fields, { csrf: ann.csrf }));
      for (const origin of ['http://evil.example', 'http://127.0.0.1:4317.evil.example', 'not a url', 'http://127.0.0.1:4318', 'https://santa.example.net']) {
        expectRefused(await ann.post(path(), fields, { origin }));
      }
      expect(state()).toBe(before);
      // The same request with the right token and Origin goes through.
      const accepted = await ann.post(path(), fields);
      expect([200, 303]).toContain(accepted.status);
      expect(state()).not.toBe(before);
    });
  }

  it('Origin: null (what Chromium sends under Referrer-Policy: no-referrer) or none is judged by the token alone', async () => {
    await ann.get('/me');
    expect((await ann.post('/me/ideas', { giftIdeas: 'null origin' }, { origin: 'null', csrf: null })).status).toBe(403);
    expect((await ann.post('/me/ideas', { giftIdeas: 'null origin' }, { origin: 'null', csrf: 'f'.repeat(64) })).status).toBe(403);
    expect((await ann.post('/me/ideas', { giftIdeas: 'null origin' }, { origin: 'null' })).status).toBe(303);
    expect((await ann.post('/me/ideas', { giftIdeas: 'no origin' }, { origin: null, csrf: null })).status).toBe(403);
    expect((await ann.post('/me/ideas', { giftIdeas: 'empty origin' }, { origin: '' })).status).toBe(403);
    const plain = await ann.post('/me/ideas', { giftIdeas: 'no origin' }, { origin: null });
    expect(plain.status).toBe(303);
  });
});

describe('Host allowlist (DNS rebinding)', () => {
  it('answers 421 to a Host it does not serve, before anything else happens', async () => {
    for (const host of ['evil.example', '127.0.0.1:4318', 'localhost', '127.0.0.1:4317.evil.example', '']) {
      const c = w.client(host);
      for (const r of [await c.get(`/i/${w.code}`), await c.get('/me'), await c.post('/login', { email: 'ann@example.com' }, { csrf: 'x' })]) {
        expect(r.status).toBe(421);
        expect(r.text).not.toContain('Family Christmas');
      }
    }
    for (const host of ['127.0.0.1:4317', 'localhost:4317', '[::1]:4317', 'LOCALHOST:4317']) {
      expect((await w.client(host).get(`/i/${w.code}`)).status).toBe(200);
    }
  });
});

describe('body limits and content types', () => {
  it('a form over 16 KiB → 413 (streamed, no Content-Length); exactly 16 KiB is read', async () => {
    await ann.get('/me');
    const prefix = `_csrf=${ann.csrf}&giftIdeas=`;
    const exact = prefix + 'a'.repeat(16 * 1024 - prefix.length);
    const read = await ann.post('/me/ideas', {}, { body: exact });
    expect(read.status).toBe(400); // read and judged: too many characters for gift ideas
    const before = state();
    const big = await ann.post('/me/ideas', {}, { body: `${exact}a` });
    expect(big.status).toBe(413);
    expect(state()).toBe(before);
  });

  it('anything but an urlencoded form → 415', async () => {
    await ann.get('/me');
    const before = state();
    const body = `_csrf=${ann.csrf}&giftIdeas=json`;
    for (const contentType of ['application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencodedx', '']) {
      const r = await ann.post('/me/ideas', {}, { body, contentType });
      expect(r.status).toBe(415);
    }
    expect(state()).toBe(before);
    expect((await ann.post('/me/ideas', {}, { body, contentType: 'Application/X-WWW-Form-Urlencoded; charset=UTF-8' })).status).toBe(303);
  });
});

describe('security headers and caching', () => {
  it('every kind of response carries the headers; CSP allows no inline script and does not upgrade', async () => {
    const responses = [
      await w.client().get(`/i/${w.code}`),
      await w.client().get('/login'),
      await w.client().get('/nowhere'),
      await w.client().get('/assets/participant.css'),
      await w.client('evil.example').get('/'),
      await ann.get('/me'),
      await ann.post('/me/ideas', {}, { csrf: null }),
      await w.client().get(linkPath),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 200, 421, 200, 403, 200]);
    for (const r of responses) {
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|upgrade-insecure-requests|script-src [^;]*\*/);
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('link and session pages are no-store, whatever their outcome', async () => {
    const visitor = w.client();
    const pages = [
      await visitor.get(linkPath),
      await visitor.head(linkPath),
      await visitor.get('/auth/unknown-token'),
      await visitor.post('/auth/unknown-token'),
      await visitor.get('/me'),
      await ann.get('/me'),
      await ann.post('/me/ideas', { giftIdeas: 'x' }),
      await ann.post('/me/reminders', {}),
      await ann.post('/me/withdraw', {}),
      await visitor.post(linkPath),
    ];
    for (const page of pages) expect(page.headers.get('cache-control')).toBe('no-store');
  });
});
