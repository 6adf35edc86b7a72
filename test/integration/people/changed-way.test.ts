import { afterEach, describe, expect, it } from 'vitest';
import { deferredWorkDone } from '../../../src-main/services/portal/after-response';
import { authPath } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';

/**
 * When the way to a person changes (the organizer corrects a mistyped address, someone else
 * passes their link on, a card instead of email), whatever went the old way stops: sessions and
 * links in the old inbox or the old passer-on's hands, and emails naming the giftee still waiting
 * for an inbox the person may share. Real HTTP for the pages.
 */
let w: World;
afterEach(() => w?.close());

const giftee = (text: string) => /class="giftee-name">([^<]+)</.exec(text)?.[1] ?? null;

describe('an address corrected by the organizer', () => {
  it('ends the session a stranger opened through the mistyped address: after the draw it does not show Bertram’s giftee', async () => {
    w = await participantWorld({ sockets: true });
    await w.add(['Cordelia', 'Dora']);
    const bertram = (await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Bertram', email: 'stranger@example.com' })).id;
    const stranger = await w.signIn('stranger@example.com');
    expect((await stranger.get('/me')).status).toBe(200);

    await w.t.ok('participants.update', { participantId: bertram, patch: { email: 'bertram@example.com' } });
    await w.closeAndDraw();

    const page = await stranger.get('/me');
    expect({ status: page.status, giftee: giftee(page.text) }).toEqual({ status: 303, giftee: null });
    // Bertram himself signs in at his own address.
    const own = await w.signIn('bertram@example.com');
    expect(giftee((await own.get('/me')).text)).not.toBeNull();
  });

  it('revokes a sign-in link already delivered to the old inbox', async () => {
    w = await participantWorld({ sockets: true });
    await w.add(['Cordelia', 'Dora']);
    const bertram = (await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Bertram', email: 'stranger@example.com' })).id;
    const stranger = w.client();
    await stranger.get('/login');
    await stranger.post('/login', { email: 'stranger@example.com' });
    await deferredWorkDone(w.t.deps);
    await w.t.ok('jobs.runDue', {}); // the relay renders the link as it sends it
    const mail = w.outbox().filter((m) => m.to_address === 'stranger@example.com' && m.text_body.includes('/auth/'));
    expect(mail).toHaveLength(1);
    const path = authPath(mail[0]!.text_body);

    await w.t.ok('participants.update', { participantId: bertram, patch: { email: 'bertram@example.com' } });

    await stranger.get(path);
    const done = await stranger.post(path);
    expect(done.location).not.toBe('/me');
    expect((await stranger.get('/me')).status).toBe(303);
  });
});

describe('someone without email, whose link Ann passes on', () => {
  async function family(): Promise<Record<string, number>> {
    const ids = await w.add(['Ann', 'Bob', 'Cy']);
    ids['Opa'] = (await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Opa', delivery: 'delivered', deliveredBy: ids['Ann']! })).id;
    return ids;
  }

  it('switched to a printed card: Ann’s link and the session she opened with it stop showing Opa’s page', async () => {
    w = await participantWorld({ sockets: true });
    const ids = await family();
    await w.closeAndDraw();
    const path = authPath(w.outbox('pass-on-link')[0]!.text_body);
    const ann = w.client();
    await ann.get(path);
    expect((await ann.post(path)).location).toBe('/me');
    expect(giftee((await ann.get('/me')).text)).not.toBeNull();

    await w.t.ok('participants.update', { participantId: ids['Opa']!, patch: { delivery: 'card' } });

    expect((await ann.get('/me')).status).toBe(303);
    const again = w.client();
    await again.get(path);
    expect((await again.post(path)).location).not.toBe('/me');
  });

  it('Ann’s address corrected after the draw: Opa’s link goes again, to the corrected address, and the one sent to the old address stops working', async () => {
    w = await participantWorld({ sockets: true });
    const ids = await family();
    await w.closeAndDraw();
    // The relay sends it (rendered with its link) to the mistyped address.
    const [sent] = w.outbox('pass-on-link');
    expect(sent!.to_address).toBe('ann@example.com');
    const oldPath = authPath(sent!.text_body);

    await w.t.ok('participants.update', { participantId: ids['Ann']!, patch: { email: 'ann.real@example.com' } });

    const passOn = w.outbox('pass-on-link').filter((m) => m.to_address === 'ann.real@example.com' && m.text_body !== '');
    expect(passOn).toHaveLength(1);
    expect(passOn[0]!.text_body).toContain('Opa');
    const stranger = w.client();
    await stranger.get(oldPath);
    expect((await stranger.post(oldPath)).location).not.toBe('/me');
    const ann = w.client();
    const newPath = authPath(passOn[0]!.text_body);
    await ann.get(newPath);
    expect((await ann.post(newPath)).location).toBe('/me');
  });
});

describe('a family address, and a person switched away from email before their email went out', () => {
  async function family(): Promise<number> {
    await w.add(['Ann', 'Bob', 'Cy']);
    await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Lea', email: 'family@example.com' });
    return (await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Tim', email: 'family@example.com' })).id;
  }

  it('to a printed card: the match email naming Tim’s giftee does not go to the shared inbox', async () => {
    w = await participantWorld();
    const tim = await family();
    await w.closeAndDraw();
    await w.t.ok('participants.update', { participantId: tim, patch: { delivery: 'card' } });
    // Rendered as the relay would send it: withdrawn, nothing goes to family@.
    const toTim = w.outbox('match').filter((m) => m.participant_id === tim);
    expect(toTim.map((m) => ({ to: m.to_address, body: m.text_body }))).toEqual([{ to: 'family@example.com', body: '' }]);
    expect((await w.t.ok('outbox.get', { id: toTim[0]!.id })).wouldWithdraw).toMatch(/another way/);
    expect(w.outbox('match').find((m) => m.participant_id !== tim && m.to_address === 'family@example.com')!.text_body).toContain('Lea');
  });

  it('to the table: a reminder already queued does not go either', async () => {
    w = await participantWorld();
    const tim = await family();
    await w.closeAndDraw();
    w.t.clock.advance(5 * 3_600_000);
    await w.t.ok('jobs.sendReminderNow', { exchangeId: w.exchangeId });
    // As if the match emails had gone out hours ago (a match email still on its way stops a reminder).
    w.t.deps.db.sqlite.prepare("update email_outbox set status = 'sent', sent_at = ? where kind = 'match'").run(w.t.clock.now() - 5 * 3_600_000);
    expect(w.t.deps.db.sqlite.prepare("select count(*) from email_outbox where kind = 'reminder' and participant_id = ?").pluck().get(tim)).toBe(1);

    await w.t.ok('participants.update', { participantId: tim, patch: { delivery: 'in_person' } });
    const reminders = w.outbox('reminder');
    expect(reminders.filter((m) => m.participant_id === tim).map((m) => m.text_body)).toEqual(['']);
    expect(reminders.filter((m) => m.participant_id !== tim && m.text_body !== '')).toHaveLength(4);
  });
});

describe('a link the organizer copied from the outbox before the draw', () => {
  it('signs in before the draw, and stops working at the draw: it would show the giftee with nothing recorded', async () => {
    w = await participantWorld({ sockets: true });
    await w.add(['Bob', 'Cy']);
    await w.register({ name: 'Ann', email: 'ann@example.com' });
    await w.register({ name: 'Dee', email: 'dee@example.com' });
    const welcomeOf = (to: string) => w.outbox('welcome').find((m) => m.to_address === to)!.id;
    // No SMTP yet: the organizer opens the previews to copy the links into a chat (the documented way).
    const linkOf = async (to: string) => new URL((await w.t.ok('outbox.get', { id: welcomeOf(to) })).links.find((l) => l.includes('/auth/'))!).pathname;
    const annLink = await linkOf('ann@example.com');
    const deeLink = await linkOf('dee@example.com');
    // Dee uses hers before the draw: it works as a sign-in link.
    const dee = w.client();
    await dee.get(deeLink);
    expect((await dee.post(deeLink)).location).toBe('/me');

    await w.closeAndDraw();
    const organizer = w.client();
    await organizer.get(annLink);
    expect((await organizer.post(annLink)).location).not.toBe('/me');
    expect(giftee((await organizer.get('/me')).text)).toBeNull();
    expect(w.count('organizer_access')).toBe(0);
  });
});
