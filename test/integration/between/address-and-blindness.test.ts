import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationInput, OperationName } from '../../../src-main/contract/operations';
import type { AppEvent } from '../../../src-main/contract/events';
import { loadMatches } from '../../../src-main/db/repos/matches';
import { failureNotice } from '../../../src-main/electron/notifications';
import { DesktopPreferencesSchema } from '../../../src-main/electron/preferences';
import { translator } from '../../../src-main/i18n';
import { reportFailures } from '../../../src-main/services/mail/marks';
import type { ParticipantClient } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';
import { sinkSmtpSettings, startSmtpSink } from '../../support/smtp-sink';

/**
 * A private postal address is seen by exactly one other participant (the person's Santa), and
 * neither addresses nor messages ever appear in an answer of the organizer's API.
 */
const NAMES = ['Annika', 'Bertram', 'Cordelia', 'Desmond'];
const ADDRESS = 'Rue Vrillmoth 12\n75011 Paris';
const SECRET_MESSAGE = 'Plorbnax question: which size?';
const SECRET_REPLY = 'Gwendrix answer: size M';

let w: World;
let ids: Record<string, number>;
const browsers = new Map<string, ParticipantClient>();
const nameOf = (id: number) => Object.entries(ids).find(([, v]) => v === id)![0];
const santaOf = (name: string) => nameOf(loadMatches(w.t.deps.db, w.exchangeId).find(([, r]) => r === ids[name])![0]);
const page = async (name: string) => (await browsers.get(name)!.get('/me')).text;

beforeEach(async () => {
  w = await participantWorld();
  ids = await w.add(NAMES);
  for (const name of NAMES) browsers.set(name, await w.signIn(`${name.toLowerCase()}@example.com`));
});
afterEach(() => {
  browsers.clear();
  w.close();
});

describe('a private address', () => {
  it('is shown to the person’s Santa only, on their page and (when allowed) in their match email', async () => {
    await page('Bertram');
    const saved = await browsers.get('Bertram')!.post('/me/address', { address: `  ${ADDRESS.replace('\n', '\r\n')}  `, inMatchEmail: 'yes' });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/me?done=address#address');
    expect((await browsers.get('Bertram')!.get('/me?done=address')).text).toContain('Your address was saved.');
    await w.closeAndDraw();

    const santa = santaOf('Bertram');
    for (const name of NAMES) {
      const text = await page(name);
      if (name === santa) {
        expect(text).toContain('Where to send the gift');
        expect(text).toContain(`<p class="user-text postal">${ADDRESS}</p>`);
      } else if (name === 'Bertram') {
        // Only in their own form, to change it.
        expect(text).not.toContain('Where to send the gift');
        expect(text).toContain(`${ADDRESS}</textarea>`);
      } else {
        expect(text).not.toContain('Vrillmoth');
      }
    }
    const matchMails = w.outbox('match');
    expect(matchMails).toHaveLength(4);
    for (const mail of matchMails) {
      const toSanta = mail.to_address === `${santa.toLowerCase()}@example.com`;
      expect(mail.text_body.includes('Rue Vrillmoth 12'), mail.to_address).toBe(toSanta);
      expect(mail.html_body.includes('Rue Vrillmoth 12'), mail.to_address).toBe(toSanta);
    }
  });

  it('stays out of the match email unless allowed; refuses a too long address; an empty one removes it', async () => {
    await page('Bertram');
    expect((await browsers.get('Bertram')!.post('/me/address', { address: ADDRESS })).status).toBe(303);
    const tooLong = await browsers.get('Bertram')!.post('/me/address', { address: `Somewhere ${'x'.repeat(400)}` });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain('An address can be at most 400 characters.');
    expect(tooLong.text).toContain(`Somewhere ${'x'.repeat(40)}`);
    await w.closeAndDraw();
    expect(w.outbox('match').some((m) => m.text_body.includes('Vrillmoth'))).toBe(false);
    expect(await page(santaOf('Bertram'))).toContain('Rue Vrillmoth 12');

    // Escaped on the Santa's page like every text a person writes.
    await browsers.get('Bertram')!.post('/me/address', { address: '<img src=x onerror=alert(1)> & Co' });
    expect(await page(santaOf('Bertram'))).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; Co');

    const removed = await browsers.get('Bertram')!.post('/me/address', { address: '' });
    expect(removed.location).toBe('/me?done=address-removed#address');
    expect(await page(santaOf('Bertram'))).not.toContain('Vrillmoth');
    expect(w.count('private_addresses')).toBe(0);
  });
});

describe('the organizer is blind to addresses and messages', () => {
  it('no organizer read answers with an address or a message, only "address given: yes/no"; the CSV export has none', async () => {
    await page('Bertram');
    await browsers.get('Bertram')!.post('/me/address', { address: ADDRESS, inMatchEmail: 'yes' });
    await w.closeAndDraw();
    const santa = santaOf('Bertram');
    const santaPage = await page(santa);
    const ref = /name="thread" value="(giftee:\d+)"/.exec(santaPage)![1]!;
    expect((await browsers.get(santa)!.post('/me/messages', { thread: ref, body: SECRET_MESSAGE })).status).toBe(303);
    const bPage = await page('Bertram');
    const santaRef = /name="thread" value="(santa:[^"]+)"/.exec(bPage)![1]!;
    expect((await browsers.get('Bertram')!.post('/me/messages', { thread: santaRef, body: SECRET_REPLY })).status).toBe(303);
    // The relay would have rendered them by now: the outbox holds intent, never the text.
    w.outbox();

    const reads: Array<[OperationName, OperationInput<OperationName>]> = [
      ['app.info', {}],
      ['settings.get', {}],
      ['exchanges.list', {}],
      ['exchanges.get', { exchangeId: w.exchangeId }],
      ['participants.list', { exchangeId: w.exchangeId }],
      ['participants.export', { exchangeId: w.exchangeId }],
      ['rules.get', { exchangeId: w.exchangeId }],
      ['outbox.list', {}],
      ['outbox.status', {}],
      ['jobs.upcoming', {}],
      ['jobs.runs', {}],
      ['jobs.health', {}],
      ['network.info', {}],
      ['backups.list', {}],
      ['smtp.get', {}],
    ];
    const outboxIds = (w.t.deps.db.sqlite.prepare("select id from email_outbox where kind <> 'between-message'").all() as Array<{ id: number }>).map((r) => r.id);
    for (const id of outboxIds) reads.push(['outbox.get', { id }]);
    // Who got a "new message" notice, and when, would pair two people: those rows are not the organizer's to list or open.
    const notices = (w.t.deps.db.sqlite.prepare("select id from email_outbox where kind = 'between-message'").all() as Array<{ id: number }>).map((r) => r.id);
    expect(notices).toHaveLength(2);
    for (const id of notices) {
      for (const op of ['outbox.get', 'outbox.resend', 'outbox.retryNow'] as const) {
        expect(await w.t.call(op, { id }), op).toMatchObject({ ok: false, error: { code: 'not_found' } });
      }
      expect(await w.t.call('outbox.get', { id, showPrivate: true, confirm: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    const answers: string[] = [];
    for (const [op, input] of reads) {
      const result = await w.t.call(op, input as never);
      expect(result.ok, `${op} ${JSON.stringify(result)}`).toBe(true);
      answers.push(JSON.stringify(result));
    }
    const all = answers.join('\n');
    // The sweep can see what it looks for: the organizer's answers do name the people.
    expect(all).toContain('Bertram');
    for (const needle of ['Vrillmoth', '75011', 'Plorbnax', 'Gwendrix', 'size M', 'which size', 'between-message', 'new message']) expect(all).not.toContain(needle);

    const listed = await w.t.ok('participants.list', { exchangeId: w.exchangeId });
    expect(listed.map((p) => [p.name, p.addressGiven])).toEqual(NAMES.map((n) => [n, n === 'Bertram']));
    const csv = await w.t.ok('participants.export', { exchangeId: w.exchangeId });
    expect(JSON.stringify(csv)).toContain('Bertram');
    expect(JSON.stringify(csv)).not.toContain('Vrillmoth');

    // Even the recorded look at the Santa's match email shows the giftee, never the address.
    const match = w.t.deps.db.sqlite.prepare("select id from email_outbox where kind = 'match' and to_address = ?").get(`${santa.toLowerCase()}@example.com`) as { id: number };
    const opened = await w.t.ok('outbox.get', { id: match.id, showPrivate: true, confirm: true });
    expect(opened.text).toContain('Bertram');
    expect(`${opened.text}${opened.html}`).not.toContain('Vrillmoth');
  });

  it('a message notice that failed for good is not reported to the organizer by recipient; other failures are', async () => {
    await w.closeAndDraw();
    const santa = santaOf('Bertram');
    const ref = /name="thread" value="(giftee:\d+)"/.exec(await page(santa))![1]!;
    await browsers.get(santa)!.post('/me/messages', { thread: ref, body: 'Anything?' });
    const sql = w.t.deps.db.sqlite;
    sql
      .prepare("update email_outbox set status = 'failed', last_error = '550 no such user' where kind in ('between-message', 'match') and to_address = 'bertram@example.com'")
      .run();
    expect(reportFailures(w.t.deps)).toBe(1);
    const notice = sql.prepare("select params from email_outbox where kind = 'organizer-delivery-failures'").get() as { params: string };
    expect(JSON.parse(notice.params)).toEqual({ failures: [{ to: 'bertram@example.com', kind: 'match', error: '550 no such user' }] });
    expect(sql.prepare("select count(*) n from email_outbox where status = 'failed' and reported_at is null").get()).toEqual({ n: 0 });
  });

  it('a message notice that failed for good is not in the failed count, "Retry failed" or the desktop notification; a match email is', async () => {
    const sink = await startSmtpSink();
    try {
      await w.t.ok('smtp.set', sinkSmtpSettings(sink));
      await w.t.app.relay.drainOnce(); // the sign-in emails
      const desktop: string[] = [];
      const prefs = DesktopPreferencesSchema.parse({});
      w.t.deps.events.subscribe((event: AppEvent) => {
        const notice = failureNotice(event, prefs, translator('en'));
        if (notice) desktop.push(notice.title);
      });
      await w.closeAndDraw();
      const santa = santaOf('Bertram');
      const ref = /name="thread" value="(giftee:\d+)"/.exec(await page(santa))![1]!;
      await browsers.get(santa)!.post('/me/messages', { thread: ref, body: 'Anything?' });
      // Bertram's address is refused for good: his match email and the notice both fail.
      sink.failRecipient('bertram@example.com', 550, 2);
      expect((await w.t.app.relay.drainOnce()).failed).toBe(2);

      expect(desktop).toEqual(['An email could not be sent']);
      expect((await w.t.ok('outbox.status', {})).counts.failed).toBe(1);
      expect(await w.t.ok('outbox.retryFailed', {})).toEqual({ requeued: 1 });
      const left = w.t.deps.db.sqlite
        .prepare("select kind, status from email_outbox where to_address = 'bertram@example.com' and kind in ('match', 'between-message') order by id")
        .all();
      expect(left).toEqual([
        { kind: 'match', status: 'pending' },
        { kind: 'between-message', status: 'failed' },
      ]);
    } finally {
      await w.t.app.relay.stop();
      await sink.stop();
    }
  });
});
