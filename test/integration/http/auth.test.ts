import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authPath, type ClientResponse } from '../../support/participant-client';
import { deferredWorkDone } from '../../../src-main/services/portal/after-response';
import { participantWorld, type World } from '../../support/participant-world';

let w: World;
beforeEach(async () => {
  w = await participantWorld();
});
afterEach(() => w.close());

const MIN = 60_000;
const HOUR = 60 * MIN;
const withoutCsrf = (text: string) => text.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
const newestLink = (email: string) =>
  authPath(
    w
      .outbox()
      .filter((m) => m.to_address === email)
      .at(-1)!.text_body,
  );
const tokenRows = () => w.t.deps.db.sqlite.prepare('select purpose, used_at from magic_tokens order by id').all() as Array<{ purpose: string; used_at: number | null }>;
const cookieAttributes = (r: ClientResponse, name: string) => {
  const line = r.setCookies.find((c) => c.startsWith(`${name}=`));
  if (!line) throw new Error(`no ${name} cookie in ${JSON.stringify(r.setCookies)}`);
  return line.split(';').map((part) => part.trim().toLowerCase());
};

async function requestLogin(email: string, client = w.client()) {
  await client.get('/login');
  const answer = await client.post('/login', { email });
  await deferredWorkDone(w.t.deps);
  return answer;
}

describe('opening a magic link', () => {
  it('GET and HEAD (×10 each, like a link scanner) only show Continue; the POST signs in once', async () => {
    await w.register({ name: 'Ann', email: 'ann@example.com' });
    const path = newestLink('ann@example.com');
    const scanner = w.client();
    for (let i = 0; i < 10; i++) {
      const get = await scanner.get(path);
      expect(get.status).toBe(200);
      expect(get.text).toContain('Continue to my page');
      expect(get.text).toContain(`action="${path}"`);
      expect(get.headers.get('cache-control')).toBe('no-store');
      expect(get.setCookies.some((c) => c.startsWith('sk_session='))).toBe(false);
      const head = await w.client().head(path);
      expect(head.status).toBe(200);
      expect(head.headers.get('cache-control')).toBe('no-store');
    }
    expect(tokenRows()).toEqual([{ purpose: 'welcome', used_at: null }]);
    expect(w.count('sessions')).toBe(0);

    const ann = w.client();
    await ann.get(path);
    const done = await ann.post(path);
    expect(done.status).toBe(303);
    expect(done.location).toBe('/me');
    const attributes = cookieAttributes(done, 'sk_session');
    expect(attributes[0]).toMatch(/^sk_session=[a-z0-9_-]{43}$/);
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', 'max-age=2592000']));
    expect(attributes).not.toContain('secure');
    expect(done.headers.get('cache-control')).toBe('no-store');
    expect(w.count('sessions')).toBe(1);
    expect(tokenRows()).toEqual([{ purpose: 'welcome', used_at: w.t.clock.now() }]);
    const [row] = await w.t.ok('participants.list', { exchangeId: w.exchangeId });
    expect(row!.emailConfirmed).toBe(true);
    expect((await ann.get('/me')).text).toContain('Hello, Ann');

    await ann.get(path);
    const second = await ann.post(path);
    expect(second.status).toBe(410);
    expect(second.text).toContain('This link was already used');
    expect(second.text).toContain('href="/login"');
    expect(second.setCookies).toEqual([]);
    expect(w.count('sessions')).toBe(1);
  });

  it('two concurrent POSTs of the same link make exactly one session', async () => {
    await w.add(['Ann']);
    await requestLogin('ann@example.com');
    const path = newestLink('ann@example.com');
    const a = w.client();
    const b = w.client();
    await Promise.all([a.get(path), b.get(path)]);
    const results = await Promise.all([a.post(path), b.post(path)]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 410]);
    expect(w.count('sessions')).toBe(1);
  });

  const expiry: Array<[string, number, (name: string) => Promise<unknown>]> = [
    ['login link (30 min)', 30 * MIN, (name) => w.add([name]).then(() => requestLogin(`${name.toLowerCase()}@example.com`))],
    ['welcome link (24 h)', 24 * HOUR, (name) => w.register({ name, email: `${name.toLowerCase()}@example.com` })],
  ];
  for (const [label, ttl, mail] of expiry) {
    it(`${label}: works at ttl − 1 s; at ttl + 1 s shows the expired page offering a new link`, async () => {
      await mail('Ann');
      const ann = w.client();
      const annLink = newestLink('ann@example.com');
      await ann.get(annLink);
      w.t.clock.advance(ttl - 1000);
      expect((await ann.post(annLink)).location).toBe('/me');

      await mail('Bob');
      const bob = w.client();
      const bobLink = newestLink('bob@example.com');
      await bob.get(bobLink);
      w.t.clock.advance(ttl + 1000);
      const expired = await bob.post(bobLink);
      expect(expired.status).toBe(410);
      expect(expired.text).toContain('This link has expired');
      expect(expired.text).toContain('Email me a new link');
      expect(expired.setCookies.some((c) => c.startsWith('sk_session='))).toBe(false);
      expect(w.count('sessions')).toBe(1);
    });
  }

  it('a new login request replaces the older unused link', async () => {
    await w.add(['Ann']);
    await requestLogin('ann@example.com');
    const first = newestLink('ann@example.com');
    await requestLogin('ann@example.com');
    const second = newestLink('ann@example.com');
    expect(second).not.toBe(first);
    const client = w.client();
    // Opening the replaced link says at once that it does not work; pressing on anyway changes nothing.
    const opened = await client.get(first);
    expect(opened.status).toBe(404);
    expect(opened.text).toContain('This link doesn’t work');
    await client.get('/login');
    const old = await client.post(first);
    expect(old.status).toBe(404);
    expect(w.count('sessions')).toBe(0);
    await client.get(second);
    expect((await client.post(second)).location).toBe('/me');
  });

  it('an unknown or absurd token gets the friendly page, never an error', async () => {
    const client = w.client();
    for (const token of ['nope', 'A'.repeat(43), 'x'.repeat(300), '%00%ff']) {
      const path = `/auth/${token}`;
      const opened = await client.get(path);
      expect(opened.status).toBe(404);
      expect(opened.text).toContain('This link doesn’t work');
      await client.get('/login');
      const posted = await client.post(path);
      expect(posted.status).toBe(404);
      expect(posted.text).toContain('This link doesn’t work');
    }
  });
});

describe('opening a link that was used or has expired', () => {
  it('says so at once, without a Continue button, and spends nothing', async () => {
    await w.add(['Ann']);
    await requestLogin('ann@example.com');
    const link = newestLink('ann@example.com');
    const client = w.client();
    await client.get(link);
    expect((await client.post(link)).location).toBe('/me');
    const again = await w.client().get(link);
    expect(again.status).toBe(410);
    expect(again.text).toContain('This link was already used');
    expect(again.text).not.toContain('Continue to my page');

    await requestLogin('ann@example.com');
    const fresh = newestLink('ann@example.com');
    w.t.clock.advance(24 * 3_600_000);
    const late = await w.client().get(fresh);
    expect(late.status).toBe(410);
    expect(late.text).not.toContain('Continue to my page');
  });
});

describe('asking for a login link', () => {
  it('answers known and unknown addresses byte for byte alike; only the known one gets mail', async () => {
    await w.add(['Ann']);
    const known = await requestLogin('ann@example.com');
    const unknown = await requestLogin('zed@example.com');
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(withoutCsrf(unknown.text)).toBe(withoutCsrf(known.text));
    const headers = (h: Headers) => [...h].filter(([k]) => k !== 'date');
    expect(headers(unknown.headers)).toEqual(headers(known.headers));
    expect(known.text).toContain('If that address is registered');
    expect(w.outbox('magic-link').map((m) => m.to_address)).toEqual(['ann@example.com']);
    expect(w.outbox('magic-link')[0]!.text_body).toMatch(/30 minutes/);
  });

  it('refuses a malformed address with a message and keeps it (400)', async () => {
    const client = w.client();
    await client.get('/login');
    const page = await client.post('/login', { email: 'ann@@example.com' });
    expect(page.status).toBe(400);
    expect(page.text).toContain('An email address has exactly one @');
    expect(page.text).toContain('value="ann@@example.com"');
  });

  it('keeps the invite code through the login form', async () => {
    const client = w.client();
    const page = await client.get(`/login?exchange=${w.code}`);
    expect(page.text).toContain(`name="exchange" value="${w.code}"`);
    expect(page.text).toContain('Family Christmas 2026');
    expect((await client.get('/login?exchange=<script>')).text).not.toContain('name="exchange"');
  });
});

describe('sessions', () => {
  it('a login never reuses a session id planted before it (fixation) and replaces the old session', async () => {
    await w.add(['Ann']);
    const client = w.client();
    client.cookies.set('sk_session', 'planted-by-someone-else');
    await w.signIn('ann@example.com', client);
    const first = client.session();
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await w.signIn('ann@example.com', client);
    expect(client.session()).not.toBe(first);
    expect(w.count('sessions')).toBe(1);
  });

  it('logout deletes the session on the server, so the old cookie no longer opens /me', async () => {
    await w.add(['Ann']);
    const client = await w.signIn('ann@example.com');
    const cookie = client.session()!;
    expect((await client.get('/me')).status).toBe(200);
    const out = await client.post('/logout');
    expect(out.status).toBe(303);
    expect(out.location).toBe('/login');
    expect(cookieAttributes(out, 'sk_session')).toEqual(expect.arrayContaining(['max-age=0']));
    expect(w.count('sessions')).toBe(0);
    const replay = w.client();
    replay.cookies.set('sk_session', cookie);
    const me = await replay.get('/me');
    expect(me.status).toBe(303);
    expect(me.location).toBe('/login');
  });

  it('/me without a session leads to the login page', async () => {
    const me = await w.client().get('/me');
    expect(me.status).toBe(303);
    expect(me.location).toBe('/login');
    expect(me.headers.get('cache-control')).toBe('no-store');
  });
});
