import { afterEach, describe, expect, it } from 'vitest';
import type { SantaReveal } from '../../../src-main/core/types';
import { loadMatches } from '../../../src-main/db/repos/matches';
import type { ParticipantClient } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';

/**
 * "Who was my Santa?": each reveal mode names the Santa on the participant's page at the right
 * moment (the clock moved through its port), always the Santa of the draw that stands.
 */
const NAMES = ['Annika', 'Bertram', 'Cordelia', 'Desmond', 'Evangeline'];
/** 18:00 in Berlin on 20 November 2026 is 17:00 UTC. */
const PARTY = '2026-11-20T18:00';
const PARTY_UTC = Date.parse('2026-11-20T17:00:00Z');

let w: World;
let ids: Record<string, number>;
const browsers = new Map<string, ParticipantClient>();
afterEach(() => {
  browsers.clear();
  w.close();
});

async function drawn(santaReveal: SantaReveal, santaRevealEmail = false): Promise<void> {
  w = await participantWorld({ exchange: { exchangeAt: PARTY, registrationDeadline: '2026-11-10T20:00', santaReveal, santaRevealEmail } });
  ids = await w.add(NAMES);
  await w.closeAndDraw();
  for (const name of NAMES) browsers.set(name, await w.signIn(`${name.toLowerCase()}@example.com`));
}
const nameOf = (id: number) => Object.entries(ids).find(([, v]) => v === id)![0];
const santaOf = (name: string) => nameOf(loadMatches(w.t.deps.db, w.exchangeId).find(([, r]) => r === ids[name])![0]);
/** What each page says about its Santa: the name, or null when it says nothing. */
async function revealed(): Promise<Map<string, string | null>> {
  const seen = new Map<string, string | null>();
  for (const name of NAMES) {
    const text = (await browsers.get(name)!.get('/me')).text;
    seen.set(name, /Your Secret Santa was<\/span> <span class="giftee-name">([^<]+)</.exec(text)?.[1] ?? null);
  }
  return seen;
}
const truth = () => new Map(NAMES.map((n) => [n, santaOf(n)]));
const nobody = () => new Map(NAMES.map((n) => [n, null]));

describe('the reveal after the party', () => {
  it('never: pages say nothing, also long after the party', async () => {
    await drawn('never');
    w.t.clock.set(PARTY_UTC + 3 * 86_400_000);
    await w.t.app.jobs.runDue();
    expect(await revealed()).toEqual(nobody());
    expect((await w.t.call('exchanges.revealSantas', { exchangeId: w.exchangeId })).ok).toBe(false);
  });

  it('after the party: a page loaded (and kept) just before names the Santa at the party’s minute, with nothing written', async () => {
    await drawn('after_party');
    w.t.clock.set(PARTY_UTC - 60_000);
    // Twice: the first round touches the sessions (a write); the second is kept with nothing written since.
    expect(await revealed()).toEqual(nobody());
    expect(await revealed()).toEqual(nobody());
    w.t.clock.set(PARTY_UTC);
    expect(await revealed()).toEqual(truth());
  });

  it('after the party: from the exchange’s date and time in its zone, naming the Santa of the re-draw, with the email', async () => {
    await drawn('after_party', true);
    const first = truth();
    await w.t.ok('exchanges.redraw', { exchangeId: w.exchangeId, confirm: true });
    expect((await w.t.ok('exchanges.get', { exchangeId: w.exchangeId })).santasRevealedAt).toBe(PARTY_UTC);

    w.t.clock.set(PARTY_UTC - 60_000);
    await w.t.app.jobs.runDue();
    expect(await revealed()).toEqual(nobody());
    expect(w.outbox('santa-reveal')).toEqual([]);

    w.t.clock.set(PARTY_UTC);
    await w.t.app.jobs.runDue();
    const now = truth();
    expect(await revealed()).toEqual(now);
    // The exchange is over: its conversations are closed, and say so without blaming a change of pair.
    const over = (await browsers.get('Annika')!.get('/me')).text;
    expect(over).toContain('The exchange is over; this conversation is closed.');
    expect(over).not.toContain('this conversation has ended');
    expect(over).not.toContain('name="thread"');
    // The re-draw's Santas, not the first draw's (the seed gives a different draw).
    expect(now).not.toEqual(first);

    const mails = w.outbox('santa-reveal');
    expect(mails).toHaveLength(5);
    for (const name of NAMES) {
      const mail = mails.find((m) => m.to_address === `${name.toLowerCase()}@example.com`)!;
      expect(mail.text_body).toContain(`Your Secret Santa was`);
      expect(mail.text_body).toContain(now.get(name)!);
      expect(mail.subject).not.toContain(now.get(name)!);
    }
    // A second jobs pass queues nothing more.
    await w.t.app.jobs.runDue();
    expect(w.outbox('santa-reveal')).toHaveLength(5);
  });

  it('manual: only when the organizer presses "Reveal to everyone", not when the party’s time passes', async () => {
    await drawn('manual');
    w.t.clock.set(PARTY_UTC + 3_600_000);
    await w.t.app.jobs.runDue();
    expect(await revealed()).toEqual(nobody());

    const view = await w.t.ok('exchanges.revealSantas', { exchangeId: w.exchangeId });
    expect(view.santasRevealedAt).toBe(PARTY_UTC + 3_600_000);
    expect(JSON.stringify(view)).not.toMatch(/Annika|Bertram|Cordelia|Desmond|Evangeline/);
    expect(await revealed()).toEqual(truth());
    // No email: this exchange did not ask for one.
    expect(w.outbox('santa-reveal')).toEqual([]);
  });

  it("manual, with the email: the reveal email's link signs in, and the match email's link still does", async () => {
    await drawn('manual', true);
    const [match] = w.outbox('match').filter((m) => m.to_address === 'annika@example.com');
    await w.t.ok('exchanges.revealSantas', { exchangeId: w.exchangeId });
    const [reveal] = w.outbox('santa-reveal').filter((m) => m.to_address === 'annika@example.com');
    expect(reveal!.text_body).toContain('Your Secret Santa was');
    expect(await w.signsIn(match!.text_body)).toBe(true);
    expect(await w.signsIn(reveal!.text_body)).toBe(true);
  });

  it('manual, before the party: a re-draw takes the reveal back; pressing again names the new Santas', async () => {
    await drawn('manual', true);
    await w.t.ok('exchanges.revealSantas', { exchangeId: w.exchangeId });
    expect(await revealed()).toEqual(truth());
    const queued = () => (w.t.deps.db.sqlite.prepare("select count(*) n from email_outbox where kind = 'santa-reveal'").get() as { n: number }).n;
    expect(queued()).toBe(5);

    await w.t.ok('exchanges.redraw', { exchangeId: w.exchangeId, confirm: true });
    expect((await w.t.ok('exchanges.get', { exchangeId: w.exchangeId })).santasRevealedAt).toBeNull();
    expect(await revealed()).toEqual(nobody());
    // The emails not yet sent are withdrawn when sent (their reveal was taken back).
    expect(w.outbox('santa-reveal').map((m) => m.text_body)).toEqual(['', '', '', '', '']);

    w.t.clock.set(Date.parse('2026-11-02T09:00:00Z'));
    await w.t.ok('exchanges.revealSantas', { exchangeId: w.exchangeId });
    expect(await revealed()).toEqual(truth());
    expect(queued()).toBe(10);
    expect(w.outbox('santa-reveal').filter((m) => m.text_body.includes('Your Secret Santa was'))).toHaveLength(5);
  });
});
