import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listen, type Listener } from '../../../src-main/http/listen';
import { createParticipantApp } from '../../../src-main/http/participant/app';
import { participantHosts } from '../../../src-main/services/network/addresses';
import { getSettings } from '../../../src-main/services/organizer/settings';
import { authPath, fetchClient, type ParticipantClient } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';
import { sinkSmtpSettings, startSmtpSink, type ReceivedMessage, type SmtpSink } from '../../support/smtp-sink';
import { withDeadline } from '../../support/stand-ins';

/*
 * "Invite these people" (issue #17): people the organizer added by hand or from a CSV file get a
 * welcome email with their own link before the draw. Real SQLite, the participants' pages on a
 * real socket, the relay delivering to a real SMTP sink; time moves only through the manual clock.
 */

let w: World;
let listener: Listener;
let base: string;
let sink: SmtpSink;

beforeEach(async () => {
  sink = await startSmtpSink();
  w = await participantWorld({ open: false });
  let port = 0;
  const app = createParticipantApp(w.t.deps, {
    allowedHosts: () => participantHosts({ bindHost: '127.0.0.1', port, publicBaseUrl: getSettings(w.t.deps).publicBaseUrl }),
  });
  listener = await listen(app.fetch, { host: '127.0.0.1', port: 0 });
  port = listener.port;
  base = listener.url;
  w.t.deps.runtime.participantUrls = [base];
});

afterEach(async () => {
  await w.t.app.relay.stop();
  await listener.close();
  w.close();
  await sink.stop();
});

async function mailOn(): Promise<void> {
  await w.t.ok('smtp.set', sinkSmtpSettings(sink));
  w.t.app.relay.start();
}

/** Waits until the relay has nothing left to do, so "no more messages" is a fact, not a hope. */
const settled = () => withDeadline(w.t.app.relay.settled(), 30_000, () => 'relay did not settle');

const to = (address: string) => sink.messages.filter((m) => m.envelopeTo.includes(address));
const textOf = (m: ReceivedMessage) => m.parsed!.text ?? '';
const welcomeRows = (participantId: number) =>
  (w.t.deps.db.sqlite.prepare("select status from email_outbox where kind = 'welcome' and participant_id = ?").all(participantId) as Array<{ status: string }>).map(
    (r) => r.status,
  );

async function importPeople(csv: string): Promise<void> {
  const result = await w.t.ok('participants.import', { exchangeId: w.exchangeId, csv, dryRun: false });
  expect(result.rows.map((r) => r.error)).toEqual(result.rows.map(() => null));
  expect(result.added).toBe(result.rows.length);
}

async function idsByName(): Promise<Record<string, number>> {
  const list = await w.t.ok('participants.list', { exchangeId: w.exchangeId });
  return Object.fromEntries(list.map((p) => [p.name, p.id]));
}

/** Opens a mailed link over real HTTP as a person would: the link page, then Continue, then their page. */
async function openLink(message: ReceivedMessage): Promise<ParticipantClient> {
  const browser = fetchClient(base);
  const path = authPath(textOf(message));
  expect(textOf(message)).toContain(`${base}${path}`);
  const page = await browser.get(path);
  expect(page.status).toBe(200);
  const done = await browser.post(path);
  expect([done.status, done.location]).toEqual([303, '/me']);
  return browser;
}

describe('inviting people the organizer added', () => {
  it('emails everyone added by hand or imported their own working link; ideas are asked of those without any', async () => {
    await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Ann', email: 'ann@example.com' });
    await importPeople('name,email,gift ideas\nBob,bob@example.com,\nCy,cy@example.com,A blue teapot\n');
    expect((await w.t.ok('participants.list', { exchangeId: w.exchangeId })).map((p) => p.invitation)).toEqual(['none', 'none', 'none']);
    await mailOn();

    const answer = await w.t.ok('participants.invite', { exchangeId: w.exchangeId, requestId: 'first-press-1' });
    expect(answer).toMatchObject({ invited: 3, alreadyInvited: 0, smtpConfigured: true });
    await sink.waitForMessages(3);
    await settled();
    expect(sink.messages).toHaveLength(3);

    const [ann] = to('ann@example.com');
    const [cy] = to('cy@example.com');
    expect(ann!.parsed!.subject).toBe("Family Christmas 2026: you're in!");
    expect(textOf(ann!)).toContain('Olga Organizer added you to Family Christmas 2026.');
    expect(textOf(ann!)).toMatch(/add a few gift ideas on your page/);
    // Cy's ideas came with the file: the email does not ask for any, nor thank him for writing them.
    expect(textOf(cy!)).not.toMatch(/add a few gift ideas|Thanks for your gift ideas/);
    expect(textOf(cy!)).toContain('Your gift ideas are already on your page');

    // The link works over real HTTP, in a draft exchange, and Ann can add ideas before the draw.
    const browser = await openLink(ann!);
    const me = await browser.get('/me');
    expect(me.status).toBe(200);
    expect(me.text).toContain('Family Christmas 2026');
    expect((await browser.post('/me/ideas', { giftIdeas: 'A good novel' })).status).toBe(303);
    const list = await w.t.ok('participants.list', { exchangeId: w.exchangeId });
    expect(list.find((p) => p.name === 'Ann')).toMatchObject({ giftIdeas: 'A good novel', emailConfirmed: true, invitation: 'invited' });
    expect(list.map((p) => p.invitation)).toEqual(['invited', 'invited', 'invited']);
  });

  it('a double click sends once; people invited before or signed up themselves are left out; one person again on request', async () => {
    await w.t.ok('exchanges.transition', { exchangeId: w.exchangeId, action: 'open' });
    await mailOn();
    // Dee signs up herself with the invite link (over real HTTP) and gets her own welcome.
    await w.register({ name: 'Dee', email: 'dee@example.com', giftIdeas: 'Tea' }, fetchClient(base));
    await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Ann', email: 'ann@example.com' });
    await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Bob', email: 'bob@example.com', giftIdeas: 'Socks' });
    const ids = await idsByName();
    expect((await w.t.ok('participants.list', { exchangeId: w.exchangeId })).map((p) => [p.name, p.invitation])).toEqual([
      ['Ann', 'none'],
      ['Bob', 'none'],
      ['Dee', 'registered'],
    ]);

    // Two clicks of one press reach the API as the same request: both answer alike, one email each.
    const press = { exchangeId: w.exchangeId, requestId: 'double-click-1' };
    const [first, second] = await Promise.all([w.t.ok('participants.invite', press), w.t.ok('participants.invite', press)]);
    expect(first).toEqual({ invited: 2, alreadyInvited: 1, participantIds: [ids.Ann, ids.Bob], smtpConfigured: true });
    expect(second).toEqual(first);
    // Dee's welcome, her sign-up notice to the organizer, Ann's and Bob's invitations.
    await sink.waitForMessages(4);
    await settled();
    expect(sink.messages).toHaveLength(4);
    expect(to('ann@example.com')).toHaveLength(1);
    expect(to('bob@example.com')).toHaveLength(1);
    expect(to('dee@example.com')).toHaveLength(1);
    expect(welcomeRows(ids.Ann!)).toEqual(['sent']);

    // A later press for everyone finds nobody left to invite.
    expect(await w.t.ok('participants.invite', { exchangeId: w.exchangeId, requestId: 'second-press' })).toMatchObject({ invited: 0, alreadyInvited: 3 });

    // Ann lost her email: the organizer invites her alone, again (and the same press twice sends once).
    const again = { exchangeId: w.exchangeId, participantId: ids.Ann!, requestId: 'ann-again-1' };
    expect(await w.t.ok('participants.invite', again)).toMatchObject({ invited: 1, participantIds: [ids.Ann] });
    expect(await w.t.ok('participants.invite', again)).toMatchObject({ invited: 1, participantIds: [ids.Ann] });
    // Dee signed up herself, but the organizer may still send her one on purpose.
    expect(await w.t.ok('participants.invite', { exchangeId: w.exchangeId, participantId: ids.Dee!, requestId: 'dee-on-purpose' })).toMatchObject({ invited: 1 });
    await sink.waitForMessages(6);
    await settled();
    expect(to('ann@example.com')).toHaveLength(2);
    expect(to('dee@example.com')).toHaveLength(2);
    expect(welcomeRows(ids.Ann!)).toEqual(['sent', 'sent']);
    // The newest link works (the older one was replaced by it).
    await openLink(to('ann@example.com')[1]!);
  });

  it('without mail set up, the invitations wait in the outbox as previews whose links work', async () => {
    await importPeople('name,email\nAnn,ann@example.com\nBob,bob@example.com\n');
    const answer = await w.t.ok('participants.invite', { exchangeId: w.exchangeId, requestId: 'preview-press' });
    expect(answer).toMatchObject({ invited: 2, smtpConfigured: false });
    const items = await w.t.ok('outbox.list', { kind: 'welcome' });
    expect(items.map((i) => [i.to, i.status]).sort()).toEqual([
      ['ann@example.com', 'preview'],
      ['bob@example.com', 'preview'],
    ]);
    const preview = await w.t.ok('outbox.get', { id: items.find((i) => i.to === 'ann@example.com')!.id });
    const link = preview.links.find((l) => l.includes('/auth/'));
    expect(link).toBeDefined();
    const browser = fetchClient(base);
    const path = new URL(link!).pathname;
    expect((await browser.get(path)).status).toBe(200);
    expect((await browser.post(path)).location).toBe('/me');
    expect(sink.messages).toHaveLength(0);
  });

  it('refuses clearly and queues nothing: after the draw, someone of another exchange, a bad request id', async () => {
    await w.add(['Ann', 'Bob', 'Cy']);
    const other = await w.t.ok('exchanges.create', { name: 'Office', exchangeAt: '2026-12-18T17:00', timezone: 'Europe/Berlin' });
    const stranger = await w.t.ok('participants.add', { exchangeId: other.id, name: 'Zed', email: 'zed@example.com' });
    const rows = () => (w.t.deps.db.sqlite.prepare('select count(*) n from email_outbox').get() as { n: number }).n;
    const before = rows();

    const bad = await w.t.call('participants.invite', { exchangeId: w.exchangeId, requestId: 'x' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.map((i) => i.path)).toEqual(['requestId']);

    const elsewhere = await w.t.call('participants.invite', { exchangeId: w.exchangeId, participantId: stranger.id, requestId: 'wrong-exchange' });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'not_found', message: 'That participant is not part of this exchange.' } });

    await w.t.ok('exchanges.draw', { exchangeId: w.exchangeId });
    const drawnRows = rows();
    const afterDraw = await w.t.call('participants.invite', { exchangeId: w.exchangeId, requestId: 'after-the-draw' });
    expect(afterDraw).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('Names are already drawn') } });
    expect(rows()).toBe(drawnRows);
    expect(drawnRows).toBeGreaterThan(before);
    expect(w.outbox('welcome')).toHaveLength(0);
  });
});
