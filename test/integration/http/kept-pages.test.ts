import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParticipantClient } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';

/**
 * `/me` and the invite page are kept once rendered (http/participant/kept-pages.ts). Each test
 * loads a page first (so it is kept), changes something, and expects the very next load to show
 * the change: a kept page must never outlive the data or the day it was made from. Each test runs
 * twice: in-process through the app, and on a real socket, where kept pages are answered by the
 * listener's fast lane before the app (http/participant/fast-lane.ts).
 */
describe.each([{ sockets: false }, { sockets: true }])('sockets: $sockets', ({ sockets }) => {
  let w: World;
  let pat: ParticipantClient;
  let patId: number;
  let ids: Record<string, number>;

  const DAY = 86_400_000;

  beforeEach(async () => {
    w = await participantWorld({ sockets });
    pat = await w.register({ name: 'Patience', email: 'patience@example.com', giftIdeas: 'A red scarf' });
    await w.follow(pat, 'patience@example.com');
    patId = (await w.t.ok('participants.list', { exchangeId: w.exchangeId }))[0]!.id;
    ids = await w.add(['Bertram', 'Cordelia']);
  });
  afterEach(() => w.close());

  /** Whom Patience's page says she gives to, or null before the draw. */
  const giftee = (text: string) => /class="giftee-name">([^<]+)</.exec(text)?.[1] ?? null;

  describe('a kept /me page', () => {
    it('is the same page on a second load, with the same headers', async () => {
      const first = await pat.get('/me');
      const answeredBefore = w.laneAnswers();
      const second = await pat.get('/me');
      if (sockets) expect(w.laneAnswers()).toBe(answeredBefore + 1);
      expect(second.status).toBe(200);
      expect(second.text).toBe(first.text);
      const headers = (h: Headers) => [...h].filter(([name]) => name !== 'date');
      expect(headers(second.headers)).toEqual(headers(first.headers));
      for (const name of ['content-security-policy', 'x-frame-options', 'referrer-policy', 'x-content-type-options', 'content-type']) {
        expect(second.headers.get(name), name).toBeTruthy();
      }
      expect(second.headers.get('cache-control')).toBe('no-store');
    });

    it('shows her own new gift ideas at once', async () => {
      expect((await pat.get('/me')).text).toContain('A red scarf');
      expect((await pat.post('/me/ideas', { giftIdeas: 'A blue hat' })).status).toBe(303);
      const page = await pat.get('/me');
      expect(page.text).toContain('A blue hat');
      expect(page.text).not.toContain('A red scarf');
    });

    it('shows the draw at once, then the giftee’s edited ideas, then a new giftee after a withdrawal', async () => {
      expect(giftee((await pat.get('/me')).text)).toBeNull();
      await w.closeAndDraw();
      const drawn = (await pat.get('/me')).text;
      const first = giftee(drawn);
      expect(['Bertram', 'Cordelia']).toContain(first);
      expect(drawn).toContain(`Ideas of ${first}`);

      await w.t.ok('participants.update', { participantId: ids[first!]!, patch: { giftIdeas: 'Only chocolate' } });
      expect((await pat.get('/me')).text).toContain('Only chocolate');

      await w.t.ok('participants.remove', { participantId: ids[first!]! });
      const mended = giftee((await pat.get('/me')).text);
      expect(mended).not.toBeNull();
      expect(mended).not.toBe(first);
    });

    it('is gone once she is removed or logs out', async () => {
      const other = await w.signIn('cordelia@example.com');
      expect((await other.get('/me')).status).toBe(200);
      await other.post('/logout');
      expect((await other.get('/me')).status).toBe(303);

      expect((await pat.get('/me')).status).toBe(200);
      await w.t.ok('participants.remove', { participantId: patId });
      const after = await pat.get('/me');
      expect(after.status).toBe(303);
      expect(after.location).toBe('/login');
    });

    it('is never another person’s page, and carries each browser’s own form token', async () => {
      const cordelia = await w.signIn('cordelia@example.com');
      const patsPage = await pat.get('/me');
      const cordsPage = await cordelia.get('/me');
      expect(patsPage.text).toContain('Hello, Patience');
      expect(cordsPage.text).toContain('Hello, Cordelia');
      expect(cordsPage.text).not.toContain('Patience');
      // Patience on a second device: her page, that browser's token, and its forms work.
      const phone = await w.signIn('patience@example.com');
      const onPhone = await phone.get('/me');
      expect(onPhone.text).toContain('Hello, Patience');
      expect(phone.csrf).not.toBe(pat.csrf);
      expect((await pat.get('/me')).status).toBe(200);
      expect((await phone.post('/me/ideas', { giftIdeas: 'From the phone' })).status).toBe(303);
      expect((await pat.get('/me')).text).toContain('From the phone');
    });

    it('counts the days to the deletion afresh after midnight in the exchange’s zone, with nothing written', async () => {
      const days = (text: string) => Number(/will be deleted on [^(]+\(in (\d+) days\)/.exec(text)?.[1]);
      const before = days((await pat.get('/me')).text);
      expect(before).toBeGreaterThan(2);
      w.t.clock.advance(DAY);
      expect(days((await pat.get('/me')).text)).toBe(before - 1);
    });
  });

  describe('a kept invite page', () => {
    it('gives a new browser its own form token and cookie, and registering through it works', async () => {
      const first = await w.client().get(`/i/${w.code}`);
      const fresh = w.client();
      const answeredBefore = w.laneAnswers();
      const page = await fresh.get(`/i/${w.code}`);
      if (sockets) expect(w.laneAnswers()).toBe(answeredBefore + 1);
      expect(page.setCookies.some((c) => c.startsWith('sk_csrf='))).toBe(true);
      expect(page.setCookies).not.toEqual(first.setCookies);
      expect(fresh.csrf).toMatch(/^[0-9a-f]{64}$/);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      const registered = await fresh.post(`/i/${w.code}`, { name: 'Dorothea', email: 'dorothea@example.com', giftIdeas: '' });
      expect(registered.status).toBe(200);
      expect(registered.text).toContain('Check your inbox');
    });

    it('closes at the deadline with nothing written, and when the organizer closes registration', async () => {
      expect((await w.client().get(`/i/${w.code}`)).text).toContain('name="email"');
      w.t.clock.set('2026-12-10T19:00:01Z');
      expect((await w.client().get(`/i/${w.code}`)).text).toMatch(/Registration is closed/);

      w.t.clock.set('2026-12-01T09:00:00Z');
      expect((await w.client().get(`/i/${w.code}`)).text).toContain('name="email"');
      await w.t.ok('exchanges.transition', { exchangeId: w.exchangeId, action: 'close' });
      expect((await w.client().get(`/i/${w.code}`)).text).toMatch(/Registration is closed/);
    });
  });
});
