import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawnExchange } from '../../support/jobs-fixtures';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { createTestApp, type TestApp } from '../../support/test-app';

const XMAS = '2026-12-24T18:00';

describe('the outbox holds intent; SMTP replies are classified', () => {
  let t: TestApp;
  let sink: SmtpSink;

  beforeEach(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ start: '2026-12-19T09:00:00Z' });
  });
  afterEach(async () => {
    await t.app.relay.stop();
    t.close();
    await sink.stop();
  });

  it('greylisting (451 at RCPT) is temporary: retried, shown as "will retry", then delivered without the organizer', async () => {
    const x = await drawnExchange(t, { n: 3, exchangeAt: XMAS, timezone: 'Europe/Berlin', tag: 'Grey' });
    await t.ok('smtp.set', sinkSmtpSettings(sink, { maxConnections: 1 }));
    sink.failRecipient(x.people[0]!.email, 451, 1);
    const first = await t.app.relay.drainOnce();
    expect(first).toMatchObject({ sent: 2, retrying: 1, failed: 0 });
    const waiting = (await t.ok('outbox.list', { kind: 'match' })).find((r) => r.to === x.people[0]!.email)!;
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, retryAt: t.clock.now() + 60_000 });
    expect(waiting.lastError).toMatch(/try again later/);

    t.clock.advance(60_000);
    expect(await t.app.relay.drainOnce()).toMatchObject({ sent: 1, failed: 0 });
    expect(sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual(x.people.map((p) => p.email).sort());
  });

  it('a 550 at RCPT is permanent, and the organizer notice comes from the failed rows', async () => {
    await t.ok('settings.update', { organizer: { name: 'Olga', email: 'olga@example.com' } });
    const x = await drawnExchange(t, { n: 3, exchangeAt: XMAS, timezone: 'Europe/Berlin', tag: 'Gone' });
    await t.ok('smtp.set', sinkSmtpSettings(sink));
    sink.failRecipient(x.people[1]!.email, 550, 5);
    await t.app.relay.drainOnce();
    const failed = (await t.ok('outbox.list', { status: 'failed' }))[0]!;
    expect(failed.lastError).toMatch(/refused the recipient/);
    expect(await t.ok('outbox.list', { kind: 'organizer-delivery-failures' })).toHaveLength(1);
  });

  it('renders at sending: the current giftee after a redraw, nothing from a cancelled exchange, a reminder with the true remaining time', async () => {
    const x = await drawnExchange(t, { n: 4, exchangeAt: XMAS, timezone: 'Europe/Berlin', tag: 'Now' });
    await t.ok('exchanges.redraw', { exchangeId: x.exchangeId, confirm: true });
    const other = await drawnExchange(t, { n: 3, exchangeAt: XMAS, timezone: 'Europe/Berlin', tag: 'Off' });
    await t.ok('exchanges.transition', { exchangeId: other.exchangeId, action: 'cancel' });
    await t.ok('smtp.set', sinkSmtpSettings(sink));
    await t.app.relay.drainOnce();
    const pairs = t.deps.db.sqlite.prepare('select giver_id g, receiver_id r from matches where exchange_id = ?').all(x.exchangeId) as Array<{ g: number; r: number }>;
    for (const { g, r } of pairs) {
      const giver = x.people.find((p) => p.id === g)!;
      const mails = sink.messages.filter((m) => m.envelopeTo[0] === giver.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.parsed!.text).toContain(x.people.find((p) => p.id === r)!.name);
    }
    expect(sink.messages.filter((m) => other.people.some((p) => p.email === m.envelopeTo[0]))).toEqual([]);
    expect((await t.ok('outbox.list', { exchangeId: other.exchangeId })).every((r) => r.status === 'cancelled' && r.withdrawnReason)).toBe(true);

    // 7-day reminder caught up on the 20th: it says "in 4 days", computed when sent.
    t.clock.set('2026-12-20T12:00:00Z');
    await t.app.jobs.runDue();
    await t.app.relay.drainOnce();
    const reminders = sink.messages.filter((m) => /gift exchange is/.test(m.parsed!.subject ?? ''));
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((m) => m.parsed!.subject!.endsWith('the gift exchange is in 4 days'))).toBe(true);
  });
});
