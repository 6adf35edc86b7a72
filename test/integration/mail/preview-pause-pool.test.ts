import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { magicLinkEmail, reminderEmail, type ExchangeInfo } from '../../../src-main/mail/templates';
import { enqueueMail } from '../../../src-main/services/mail/outbox';
import { drawnExchange } from '../../support/jobs-fixtures';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { createTestApp, type TestApp } from '../../support/test-app';

const exchange: ExchangeInfo = {
  name: 'Office party',
  description: '',
  exchangeAt: Date.parse('2026-12-18T17:00:00Z'),
  timezone: 'Europe/Berlin',
  location: '',
  budget: null,
};

function enqueueLink(t: TestApp, n: number): number {
  const email = magicLinkEmail({ locale: 'en', exchange, participantName: `P${n}`, link: `http://127.0.0.1:4317/p/token-${n}`, expiresInMinutes: 60 });
  const id = t.deps.db.transaction(() => enqueueMail(t.deps, { key: `magic:${n}`, kind: 'note', to: `p${n}@example.test`, exchangeId: null, participantId: null, email }));
  if (id === null) throw new Error('not enqueued');
  return id;
}

function enqueueReminders(t: TestApp, count: number): void {
  t.deps.db.transaction(() => {
    for (let n = 0; n < count; n++) {
      const email = reminderEmail({
        locale: 'en',
        exchange,
        participantName: `P${n}`,
        receiverName: 'Bob',
        receiverGiftIdeas: 'Tea',
        daysLeft: 3,
        link: `http://127.0.0.1:4317/p/${n}`,
      });
      enqueueMail(t.deps, { key: `reminder:1:3:${n}`, kind: 'note', to: `p${n}@example.test`, exchangeId: null, participantId: null, email });
    }
  });
}

describe('outbox without SMTP, paused, and pooled', () => {
  let t: TestApp;
  let sink: SmtpSink;

  beforeEach(async () => {
    sink = await startSmtpSink();
    t = await createTestApp();
  });

  afterEach(async () => {
    await t.app.relay.stop();
    t.close();
    await sink.stop();
  });

  it('keeps mail as readable previews until SMTP is set up, then delivers it', async () => {
    const id = enqueueLink(t, 1);
    const listed = await t.ok('outbox.list', {});
    expect(listed.map((m) => m.status)).toEqual(['preview']);
    const preview = await t.ok('outbox.get', { id });
    expect(preview.status).toBe('preview');
    expect(preview.links).toContain('http://127.0.0.1:4317/p/token-1');
    expect(await t.ok('outbox.status', {})).toMatchObject({ smtpConfigured: false, counts: { preview: 1, queued: 0 } });

    t.clock.advance(3_600_000);
    expect(await t.app.relay.drainOnce()).toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0, withdrawn: 0 });
    expect((await t.ok('outbox.get', { id })).attempts).toBe(0);

    await t.ok('smtp.set', sinkSmtpSettings(sink));
    expect((await t.ok('outbox.get', { id })).status).toBe('queued');
    expect(sink.connections.total).toBe(0);
    expect(await t.app.relay.drainOnce()).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0, withdrawn: 0 });
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.parsed?.text).toContain('http://127.0.0.1:4317/p/token-1');
    expect((await t.ok('outbox.get', { id })).status).toBe('sent');
  });

  it('sends nothing while paused and resumes when told', async () => {
    await t.ok('smtp.set', sinkSmtpSettings(sink));
    expect(await t.ok('outbox.pause', { paused: true })).toMatchObject({ paused: true });
    const id = enqueueLink(t, 1);
    expect(await t.app.relay.drainOnce()).toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0, withdrawn: 0 });
    expect((await t.ok('outbox.get', { id })).status).toBe('queued');
    expect(sink.connections.total).toBe(0);

    expect(await t.ok('outbox.pause', { paused: false })).toMatchObject({ paused: false });
    expect(await t.app.relay.drainOnce()).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0, withdrawn: 0 });
    expect(sink.messages).toHaveLength(1);
  });

  it('a running relay idles while mail cannot leave and sends as soon as that changes', async () => {
    enqueueLink(t, 1);
    const passes = vi.spyOn(t.app.relay, 'drainOnce');
    t.app.relay.start();
    // Preview mode with a due row: each look at the outbox is one pass, then the relay rests on
    // its poll timer (a busy loop would add passes between the two "settled" signals).
    await t.app.relay.settled();
    const rested = passes.mock.calls.length;
    await t.app.relay.settled();
    expect(passes.mock.calls.length - rested).toBe(1);
    expect(sink.connections.total).toBe(0);

    await t.ok('smtp.set', sinkSmtpSettings(sink));
    await sink.waitForMessages(1, 5_000);
    await t.ok('outbox.pause', { paused: true });
    const before = passes.mock.calls.length;
    enqueueLink(t, 2);
    await t.app.relay.settled();
    expect(passes.mock.calls.length - before).toBeLessThanOrEqual(2);
    expect(sink.messages).toHaveLength(1);

    await t.ok('outbox.pause', { paused: false });
    await sink.waitForMessages(2, 5_000);
    expect(sink.messages.map((m) => m.envelopeTo[0])).toEqual(['p1@example.test', 'p2@example.test']);
  });

  it.each([1, 3])('never opens more than maxConnections = %i connections', async (maxConnections) => {
    await t.ok('smtp.set', sinkSmtpSettings(sink, { maxConnections }));
    enqueueReminders(t, 24);
    let sent = 0;
    for (let pass = 0; pass < 5 && sent < 24; pass++) sent += (await t.app.relay.drainOnce()).sent;
    expect(sent).toBe(24);
    expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(24);
    // Equal, not just at most: the pool did use every connection it was allowed.
    expect(sink.connections.max).toBe(maxConnections);
  });

  it('an address corrected after the draw, while the match email waits: it goes to the new address only, once', async () => {
    const x = await drawnExchange(t, { n: 3, exchangeAt: '2026-12-18T17:00', timezone: 'Europe/Berlin', tag: 'Fix' });
    const [fixed, ...others] = x.people;
    await t.ok('participants.update', { participantId: fixed!.id, patch: { email: 'corrected@example.com' } });
    await t.ok('smtp.set', sinkSmtpSettings(sink));
    t.app.relay.start();
    await t.app.relay.settled();

    // What was written to the old address names the giftee and carries a sign-in link: it must not go there.
    const to = (address: string) => sink.messages.filter((m) => m.envelopeTo[0] === address);
    expect(to(fixed!.email)).toEqual([]);
    const received = to('corrected@example.com');
    expect(received).toHaveLength(1);
    expect(received[0]!.parsed!.text).toContain('You are the Secret Santa for');
    for (const p of others) expect(to(p.email)).toHaveLength(1);
    const withdrawn = t.deps.db.sqlite.prepare("select withdrawn_reason from email_outbox where to_address = ? and kind = 'match'").pluck().get(fixed!.email);
    expect(withdrawn).toBe('their email address changed');
  });

  it('an address corrected while the notice that the organizer looked waits: it goes to the new address only, once', async () => {
    const x = await drawnExchange(t, { n: 3, exchangeAt: '2026-12-18T17:00', timezone: 'Europe/Berlin', tag: 'Look' });
    const [fixed] = x.people;
    await t.ok('participants.personalLink', { participantId: fixed!.id, confirm: true });
    await t.ok('participants.update', { participantId: fixed!.id, patch: { email: 'corrected@example.com' } });
    await t.ok('smtp.set', sinkSmtpSettings(sink));
    t.app.relay.start();
    await t.app.relay.settled();

    const to = (address: string) => sink.messages.filter((m) => m.envelopeTo[0] === address);
    expect(to(fixed!.email)).toEqual([]);
    const notices = to('corrected@example.com').filter((m) => /the organizer looked at your draw/.test(m.parsed!.subject ?? ''));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.parsed!.text).toContain('the organizer opened a personal link to your page');
    const notice = t.deps.db.sqlite.prepare("select status, withdrawn_reason from email_outbox where kind = 'organizer-access' and to_address = ?").get(fixed!.email);
    expect(notice).toEqual({ status: 'cancelled', withdrawn_reason: 'their email address changed' });
  });
});
