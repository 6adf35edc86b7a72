import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMatches } from '../../../src-main/db/repos/matches';
import type { ParticipantClient } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';

/** Distinctive names: none is a substring of anything else on the page. */
const OTHERS = ['Annika', 'Bertram', 'Cordelia', 'Desmond', 'Evangeline'];

let w: World;
let ids: Record<string, number>;
let pat: ParticipantClient;
let patId: number;

const row = (id: number) =>
  w.t.deps.db.sqlite.prepare('select gift_ideas, reminders_enabled, withdrawn_at from participants where id = ?').get(id) as {
    gift_ideas: string;
    reminders_enabled: number;
    withdrawn_at: number | null;
  };
const nameOf = (id: number) => (id === patId ? 'Patience' : Object.entries(ids).find(([, v]) => v === id)![0]);
const matches = () => new Map(loadMatches(w.t.deps.db, w.exchangeId));
const sessionsOf = (id: number) => (w.t.deps.db.sqlite.prepare('select count(*) n from sessions where participant_id = ?').get(id) as { n: number }).n;

beforeEach(async () => {
  w = await participantWorld();
  pat = await w.register({ name: 'Patience', email: 'patience@example.com', giftIdeas: 'A red scarf' });
  await w.follow(pat, 'patience@example.com');
  patId = (await w.t.ok('participants.list', { exchangeId: w.exchangeId }))[0]!.id;
  ids = await w.add(OTHERS);
});
afterEach(() => w.close());

describe('before the draw', () => {
  it('shows the exchange and own ideas, says names are not drawn, and records no viewing', async () => {
    const page = await pat.get('/me');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).toContain('Hello, Patience');
    expect(page.text).toContain('Names haven’t been drawn yet');
    expect(page.text).toContain('A red scarf');
    expect(page.text).toContain('patience@example.com');
    for (const other of OTHERS) expect(page.text).not.toContain(other);
    expect((await w.t.ok('participants.list', { exchangeId: w.exchangeId })).every((p) => !p.assignmentViewed)).toBe(true);
  });

  it('saves gift ideas (303 + message), refuses 2001 characters keeping the draft, and toggles reminders', async () => {
    const saved = await pat.post('/me/ideas', { giftIdeas: 'Books\nhttps://example.com/wish' });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/me?done=ideas');
    expect(saved.headers.get('cache-control')).toBe('no-store');
    expect(row(patId).gift_ideas).toBe('Books\nhttps://example.com/wish');
    const page = await pat.get('/me?done=ideas');
    expect(page.text).toContain('Your gift ideas were saved.');
    expect(page.text).toContain('Books\nhttps://example.com/wish</textarea>');

    const tooLong = await pat.post('/me/ideas', { giftIdeas: `Draft ${'y'.repeat(2000)}` });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain('Gift ideas can be at most 2000 characters.');
    expect(tooLong.text).toContain(`Draft ${'y'.repeat(100)}`);
    expect(row(patId).gift_ideas).toBe('Books\nhttps://example.com/wish');

    expect(row(patId).reminders_enabled).toBe(1);
    const off = await pat.post('/me/reminders', {});
    expect(off.location).toBe('/me?done=reminders');
    expect(row(patId).reminders_enabled).toBe(0);
    const shown = await pat.get('/me?done=reminders');
    expect(shown.text).toContain('Your reminder choice was saved.');
    expect(shown.text).toMatch(/id="reminders" name="reminders" value="yes"(?! checked)/);
    await pat.post('/me/reminders', { reminders: 'yes' });
    expect(row(patId).reminders_enabled).toBe(1);
    expect((await pat.get('/me')).text).toMatch(/id="reminders" name="reminders" value="yes" checked/);
  });

  it('withdrawing needs the box ticked; then it ends the session and tells the organizer', async () => {
    const unticked = await pat.post('/me/withdraw', {});
    expect(unticked.status).toBe(400);
    expect(unticked.text).toContain('Tick the box to confirm that you want to leave.');
    expect(row(patId).withdrawn_at).toBeNull();

    const left = await pat.post('/me/withdraw', { confirm: 'yes' });
    expect(left.status).toBe(200);
    expect(left.text).toContain('You have left Family Christmas 2026');
    expect(left.text).not.toContain('The person who drew your name');
    expect(left.setCookies.some((c) => /^sk_session=;/.test(c))).toBe(true);
    expect(row(patId).withdrawn_at).toBe(w.t.clock.now());
    expect(sessionsOf(patId)).toBe(0);
    const notices = w.outbox('organizer-withdrawal');
    expect(notices.map((m) => m.to_address)).toEqual(['olga@example.com']);
    expect(notices[0]!.text_body).toContain('Patience');
    expect(notices[0]!.text_body).toContain('Names have not been drawn yet');
    expect((await pat.get('/me')).location).toBe('/login');
  });
});

describe('after the draw', () => {
  beforeEach(() => w.closeAndDraw());

  it('shows the giftee with their ideas, budget and date, nobody else’s pair, and records the viewing', async () => {
    const receiver = nameOf(matches().get(patId)!);
    const giver = nameOf([...matches()].find(([, r]) => r === patId)![0]);
    const page = await pat.get('/me');
    expect(page.text).toMatch(new RegExp(`You are giving a gift to</span> <span class="giftee-name">${receiver}</span>`));
    expect(page.text).toContain(`Ideas of ${receiver}`);
    expect(page.text).toContain('€30');
    expect(page.text).toMatch(/<time datetime="2026-12-24T1[78]:00/);
    for (const other of OTHERS.filter((n) => n !== receiver)) {
      expect(page.text).not.toContain(other);
      expect(page.text).not.toContain(`Ideas of ${other}`);
    }
    expect(giver).not.toBe('Patience');

    const viewed = await w.t.ok('participants.list', { exchangeId: w.exchangeId });
    expect(viewed.filter((p) => p.assignmentViewed).map((p) => p.name)).toEqual(['Patience']);
  });

  it('an idea Patience edits is what her giver sees', async () => {
    await pat.post('/me/ideas', { giftIdeas: 'Now: a blue scarf' });
    const giver = nameOf([...matches()].find(([, r]) => r === patId)![0]);
    const giverClient = await w.signIn(`${giver.toLowerCase()}@example.com`);
    const page = await giverClient.get('/me');
    expect(page.text).toContain('Now: a blue scarf');
    expect(page.text).not.toContain('A red scarf');
  });

  it('withdrawing re-splices the loop: only Patience’s giver gets someone new, and is told', async () => {
    const before = matches();
    const giverOfPat = [...before].find(([, r]) => r === patId)![0];
    const receiverOfPat = before.get(patId)!;
    w.t.deps.db.sqlite.prepare("update email_outbox set status = 'sent' where kind = 'match'").run();

    const page = await pat.get('/me');
    expect(page.text).toContain('Names have already been drawn.');
    const left = await pat.post('/me/withdraw', { confirm: 'yes' });
    expect(left.status).toBe(200);
    expect(left.text).toContain('The person who drew your name will get someone else');

    const after = matches();
    expect(after.has(patId)).toBe(false);
    expect([...after.values()]).not.toContain(patId);
    expect(after.get(giverOfPat)).toBe(receiverOfPat);
    const changed = [...after].filter(([g, r]) => before.get(g) !== r).map(([g]) => g);
    expect(changed).toEqual([giverOfPat]);
    expect(w.outbox('assignment-changed').map((m) => m.participant_id)).toEqual([giverOfPat]);
    const notice = w.outbox('organizer-withdrawal');
    expect(notice).toHaveLength(1);
    expect(notice[0]!.text_body).toContain('1 participant got a new giftee');
    expect(sessionsOf(patId)).toBe(0);
  });

  it('a participant the organizer removes loses their session at once', async () => {
    await w.t.ok('participants.remove', { participantId: patId });
    expect((await pat.get('/me')).location).toBe('/login');
  });
});

describe('a cancelled exchange', () => {
  it('says so, offers no forms but log out, and refuses edits with 409', async () => {
    await w.t.ok('exchanges.transition', { exchangeId: w.exchangeId, action: 'cancel' });
    const page = await pat.get('/me');
    expect(page.text).toContain('This exchange was cancelled');
    expect(page.text).not.toContain('action="/me/ideas"');
    expect(page.text).not.toContain('action="/me/withdraw"');
    expect(page.text).toContain('action="/logout"');
    const refused = await pat.post('/me/ideas', { giftIdeas: 'late' });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('<p class="flash flash-error" role="alert">This exchange is over; gift ideas can no longer change.</p>');
    expect(row(patId).gift_ideas).toBe('A red scarf');
    const withdraw = await pat.post('/me/withdraw', { confirm: 'yes' });
    expect(withdraw.status).toBe(409);
    expect(withdraw.text).toContain('role="alert">This exchange is over; there is nothing to leave.</p>');
    expect(row(patId).withdrawn_at).toBeNull();
  });
});
