import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMatches } from '../../../src-main/db/repos/matches';
import type { ParticipantClient } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';

/**
 * Anonymous questions between a Santa and their giftee on the participant's page (issue #19):
 * both ways, threaded, escaped, size- and rate-limited, notified by an email that names nobody,
 * and ended for exactly the people whose pair a withdrawal changed.
 */
const NAMES = ['Annika', 'Bertram', 'Cordelia', 'Desmond'];

let w: World;
let ids: Record<string, number>;
const browsers = new Map<string, ParticipantClient>();
const nameOf = (id: number) => Object.entries(ids).find(([, v]) => v === id)![0];

/** Who gives to whom, by name. */
function giftee(name: string): string {
  return nameOf(new Map(loadMatches(w.t.deps.db, w.exchangeId)).get(ids[name]!)!);
}
function santa(name: string): string {
  return nameOf(loadMatches(w.t.deps.db, w.exchangeId).find(([, r]) => r === ids[name])![0]);
}
async function page(name: string): Promise<string> {
  const res = await browsers.get(name)!.get('/me');
  expect(res.status).toBe(200);
  return res.text;
}
/** The thread value of the form whose message label matches. */
async function threadRef(name: string, side: 'giftee' | 'santa'): Promise<string> {
  const refs = [...(await page(name)).matchAll(/name="thread" value="([^"]+)"/g)].map((m) => m[1]!);
  const ref = refs.find((r) => r.startsWith(`${side}:`));
  if (!ref) throw new Error(`${name} has no open ${side} thread`);
  return ref;
}
async function write(name: string, side: 'giftee' | 'santa', body: string) {
  const ref = await threadRef(name, side);
  return browsers.get(name)!.post('/me/messages', { thread: ref, body });
}
const messageRows = () => (w.t.deps.db.sqlite.prepare('select body from messages order by id').all() as Array<{ body: string }>).map((r) => r.body);

beforeEach(async () => {
  w = await participantWorld();
  ids = await w.add(NAMES);
  await w.closeAndDraw();
  for (const name of NAMES) browsers.set(name, await w.signIn(`${name.toLowerCase()}@example.com`));
});
afterEach(() => {
  browsers.clear();
  w.close();
});

describe('messages between a Santa and their giftee', () => {
  it('go both ways in one thread: the giftee sees "your Secret Santa", the Santa sees the giftee by name', async () => {
    const a = 'Annika';
    const b = giftee(a);
    const sent = await write(a, 'giftee', 'What is your shoe size?');
    expect(sent.status).toBe(303);
    expect(sent.location).toBe('/me?done=message#messages');

    const bPage = await page(b);
    expect(bPage).toContain('What is your shoe size?');
    expect(bPage).toContain('<strong>Your Secret Santa</strong>');
    expect(bPage).not.toContain(a);

    expect((await write(b, 'santa', 'Size 39, thank you!')).status).toBe(303);
    const aPage = await page(a);
    const question = aPage.indexOf('What is your shoe size?');
    const answer = aPage.indexOf('Size 39, thank you!');
    expect(question).toBeGreaterThan(0);
    expect(answer).toBeGreaterThan(question);
    expect(aPage).toContain(`<strong>${b}</strong>`);
    // …and the giftee's own page still never names their Santa.
    expect(await page(b)).not.toContain(a);
  });

  it('emails each new message with a link, but neither its text nor any name', async () => {
    const a = 'Annika';
    const b = giftee(a);
    const countsBefore = (await w.t.ok('outbox.status', {})).counts;
    await write(a, 'giftee', 'Quokka-secret question about wool');
    await write(b, 'santa', 'Zebra-secret answer: merino');
    // The organizer's outbox counts do not move: when someone writes would hint at the pairs.
    expect((await w.t.ok('outbox.status', {})).counts).toEqual(countsBefore);
    const notices = w.outbox('between-message');
    expect(notices.map((n) => n.to_address)).toEqual([`${b.toLowerCase()}@example.com`, `${a.toLowerCase()}@example.com`]);
    for (const n of notices) {
      expect(n.subject).toBe('Family Christmas 2026: you have a new message');
      expect(n.text_body).toContain('You have a new message in Family Christmas 2026');
      expect(n.text_body).toMatch(/\/auth\//);
      for (const secret of ['Quokka', 'Zebra', 'wool', 'merino', ...NAMES]) {
        expect(n.text_body).not.toContain(secret);
        expect(n.html_body).not.toContain(secret);
        expect(n.subject).not.toContain(secret);
      }
    }
  });

  it("a notice after the organizer removed someone reaches its receiver, and the removed person's message is news to nobody", async () => {
    const leaver = 'Desmond';
    const leaversSanta = santa(leaver);
    // The leaver's message is the newest; the organizer removes them before its notice went out.
    expect((await write(leaver, 'santa', 'Hello Santa, I may have to leave')).status).toBe(303);
    await w.t.ok('participants.remove', { participantId: ids[leaver]! });
    // SQLite hands the freed message id to the next message, written between two others.
    const writer = giftee(leaversSanta);
    const receiver = giftee(writer);
    expect((await write(writer, 'giftee', 'What colour do you like?')).status).toBe(303);
    const told = w.outbox('between-message').filter((m) => m.text_body !== '');
    expect(told.map((m) => m.to_address)).toEqual([`${receiver.toLowerCase()}@example.com`]);
  });

  it("a notice's link neither breaks the link of the match email nor of an earlier notice, nor is broken by them", async () => {
    const a = 'Annika';
    const b = giftee(a);
    const toAnnika = (kind: string) => w.outbox(kind).filter((m) => m.to_address === 'annika@example.com');
    // Each email gets its link when it is sent: a notice, then the match email, then another notice.
    expect((await write(b, 'santa', 'Hello Santa')).status).toBe(303);
    const [firstNotice] = toAnnika('between-message');
    const [match] = toAnnika('match');
    expect((await write(b, 'santa', 'Are you there?')).status).toBe(303);
    const secondNotice = toAnnika('between-message')[1]!;
    // Annika reads her mail afterwards, oldest first: every button signs her in.
    expect(await w.signsIn(firstNotice!.text_body)).toBe(true);
    expect(await w.signsIn(match!.text_body)).toBe(true);
    expect(await w.signsIn(secondNotice.text_body)).toBe(true);
    // Each link still works once only.
    expect(await w.signsIn(firstNotice!.text_body)).toBe(false);
  });

  it('escapes what people write, and refuses empty, too long and control characters without saving', async () => {
    const a = 'Annika';
    const b = giftee(a);
    await write(a, 'giftee', '<script>alert(1)</script> & <b>bold</b>');
    const bPage = await page(b);
    expect(bPage).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(bPage).not.toContain('<script>alert(1)');

    const empty = await write(a, 'giftee', '   ');
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Write a message first.');
    const long = await write(a, 'giftee', `Long ${'x'.repeat(1000)}`);
    expect(long.status).toBe(400);
    expect(long.text).toContain('A message can be at most 1000 characters.');
    expect(long.text).toContain(`Long ${'x'.repeat(50)}`);
    const bell = await write(a, 'giftee', 'ring \u0007');
    expect(bell.status).toBe(400);
    expect(bell.text).toContain('control characters');
    expect(messageRows()).toHaveLength(1);
    expect(w.outbox('between-message')).toHaveLength(1);
  });

  it('refuses a thread that is not the writer’s, and more than 20 messages an hour', async () => {
    const a = 'Annika';
    const stranger = NAMES.find((n) => n !== a && n !== giftee(a) && n !== santa(a))!;
    const forged = await browsers.get(a)!.post('/me/messages', { thread: `giftee:${ids[stranger]}`, body: 'Hello stranger' });
    expect(forged.status).toBe(409);
    expect(forged.text).toContain('This conversation has ended');
    const guessed = await browsers.get(a)!.post('/me/messages', { thread: 'santa:0', body: 'Hello Santa?' });
    expect(guessed.status).toBe(409);
    expect(messageRows()).toEqual([]);

    // The two refused attempts count too (a prober is limited like a chatterbox): 18 more pass.
    const ref = await threadRef(a, 'giftee');
    for (let i = 1; i <= 18; i++) expect((await browsers.get(a)!.post('/me/messages', { thread: ref, body: `Question ${i}` })).status).toBe(303);
    const flood = await browsers.get(a)!.post('/me/messages', { thread: ref, body: 'Question 19' });
    expect(flood.status).toBe(429);
    expect(flood.text).toContain('try again');
    expect(messageRows()).toHaveLength(18);
  });

  it('a withdrawal ends the conversations of the changed pairs only, with a note, and never carries them over', async () => {
    // Everyone writes to their giftee: four threads around the loop.
    for (const name of NAMES) await write(name, 'giftee', `From the Santa of ${giftee(name)}: hello`);
    const leaver = 'Desmond';
    const leaversSanta = santa(leaver);
    const leaversGiftee = giftee(leaver);
    const untouched = NAMES.filter((n) => n !== leaver && n !== leaversSanta && n !== leaversGiftee);
    const before = new Map(untouched.map((n) => [n, giftee(n)]));

    const left = await browsers.get(leaver)!.post('/me/withdraw', { confirm: 'yes' });
    expect(left.status).toBe(200);
    // The splice: the leaver's Santa now gives to the leaver's giftee.
    expect(giftee(leaversSanta)).toBe(leaversGiftee);

    // The leaver's Santa: the old thread has ended with a note; the new pair starts empty.
    const santaPage = await page(leaversSanta);
    expect(santaPage).toContain(`You no longer give a gift to ${leaver}; this conversation has ended.`);
    expect(santaPage).toContain(`From the Santa of ${leaver}: hello`);
    expect(santaPage).toContain(`Ask ${leaversGiftee}`);
    // The leaver's giftee: their Santa changed; the new Santa cannot see the old thread.
    const gifteePage = await page(leaversGiftee);
    expect(gifteePage).toContain('Your Secret Santa changed; this conversation has ended.');
    expect(gifteePage).toContain(`From the Santa of ${leaversGiftee}: hello`);
    const newThread = gifteePage.slice(gifteePage.indexOf('Write to your Secret Santa'));
    expect(newThread).toContain('No messages yet.');
    expect(santaPage.match(new RegExp(`From the Santa of ${leaversGiftee}: hello`, 'g'))).toBeNull();

    // Pairs that did not change keep their thread open.
    for (const [name, receiver] of before) {
      expect(giftee(name)).toBe(receiver);
      const own = await page(name);
      expect(own).not.toContain('this conversation has ended');
      expect(own).toContain(`From the Santa of ${receiver}: hello`);
    }
    // The new pair writes in a new conversation.
    expect((await write(leaversSanta, 'giftee', 'New pair, new thread')).status).toBe(303);
    const conversations = w.t.deps.db.sqlite.prepare('select count(*) n from conversations where ended_at is not null').get() as { n: number };
    expect(conversations.n).toBe(2);
  });

  it('an undone draw ends every conversation, so a pair drawn again after it starts with an empty thread', async () => {
    const a = 'Annika';
    const b = giftee(a);
    await write(a, 'giftee', 'Before the undo');
    // Undo and draw again until Annika gives to the same person (the seeded random port makes it certain within a few tries).
    for (let attempt = 0; attempt < 30; attempt++) {
      await w.t.ok('exchanges.undoDraw', { exchangeId: w.exchangeId, confirm: true });
      await w.t.ok('exchanges.draw', { exchangeId: w.exchangeId });
      if (giftee(a) === b) break;
    }
    expect(giftee(a)).toBe(b);
    const mine = await page(a);
    // The open thread with the same giftee is empty; the old one stands below it, ended.
    const openThreads = mine.slice(mine.indexOf('id="messages"'), mine.indexOf('thread-ended'));
    expect(openThreads).toContain(`Ask ${b}`);
    expect(openThreads).toContain('No messages yet.');
    expect(openThreads).not.toContain('Before the undo');
    expect(mine.slice(mine.indexOf('thread-ended'))).toContain('this conversation has ended');
    expect((await write(a, 'giftee', 'After the draw')).status).toBe(303);
    const open = w.t.deps.db.sqlite.prepare('select count(*) n from conversations where ended_at is null').get() as { n: number };
    expect(open.n).toBe(1);
  });
});
