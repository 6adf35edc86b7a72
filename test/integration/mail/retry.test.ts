import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reminderEmail } from '../../../src-main/mail/templates';
import { BACKOFF_MS, Relay } from '../../../src-main/services/mail/relay';
import { enqueueMail } from '../../../src-main/services/mail/outbox';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { createTestApp, type TestApp } from '../../support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The promised backoff (1 min, 5 min, 30 min, 2 h, 12 h), written out rather than read from the code under test. */
const SCHEDULE = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 12 * HOUR];

function enqueue(t: TestApp, n: number): number {
  const email = reminderEmail({
    locale: 'en',
    exchange: { name: 'Office party', description: '', exchangeAt: Date.parse('2026-12-18T17:00:00Z'), timezone: 'Europe/Berlin', location: '', budget: null },
    participantName: `P${n}`,
    receiverName: 'Bob',
    receiverGiftIdeas: 'Tea',
    daysLeft: 3,
    link: `http://127.0.0.1:4317/p/${n}`,
  });
  const id = t.deps.db.transaction(() => enqueueMail(t.deps, { key: `reminder:1:3:${n}`, kind: 'note', to: `p${n}@example.test`, exchangeId: null, participantId: null, email }));
  if (id === null) throw new Error('not enqueued');
  return id;
}

describe('relay retries', () => {
  let t: TestApp;
  let sink: SmtpSink;

  beforeEach(async () => {
    sink = await startSmtpSink();
    t = await createTestApp();
    await t.ok('smtp.set', sinkSmtpSettings(sink));
  });

  afterEach(async () => {
    await t.app.relay.stop();
    t.close();
    await sink.stop();
  });

  it('uses the schedule of the spec', () => {
    expect([...BACKOFF_MS]).toEqual(SCHEDULE);
  });

  it('retries on the backoff schedule while the server is down, then delivers when it returns', async () => {
    await sink.setMode('down');
    const id = enqueue(t, 1);

    for (const [i, wait] of SCHEDULE.entries()) {
      const report = await t.app.relay.drainOnce();
      expect(report, `attempt ${i + 1}`).toEqual({ claimed: 1, sent: 0, retrying: 1, failed: 0, withdrawn: 0 });
      const row = await t.ok('outbox.get', { id });
      expect(row.status).toBe('queued');
      expect(row.attempts).toBe(i + 1);
      expect(row.nextAttemptAt).toBe(t.clock.now() + wait);
      expect(row.lastError).toMatch(/refused the connection/);

      // One second early: nothing is due, nothing is tried.
      t.clock.advance(wait - 1_000);
      expect(await t.app.relay.drainOnce(), `early pass after attempt ${i + 1}`).toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0, withdrawn: 0 });
      expect((await t.ok('outbox.get', { id })).attempts).toBe(i + 1);
      t.clock.advance(1_000);
    }

    await sink.setMode('ok');
    expect(await t.app.relay.drainOnce()).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0, withdrawn: 0 });
    const row = await t.ok('outbox.get', { id });
    expect(row).toMatchObject({ status: 'sent', attempts: SCHEDULE.length + 1, lastError: null, sentAt: t.clock.now(), nextAttemptAt: null });
    expect(sink.messages.map((m) => m.messageId)).toEqual([row.messageId]);
  });

  it('gives up after the last retry and says why', async () => {
    await sink.setMode('down');
    const id = enqueue(t, 1);
    for (const wait of SCHEDULE) {
      expect((await t.app.relay.drainOnce()).retrying).toBe(1);
      t.clock.advance(wait);
    }
    expect(await t.app.relay.drainOnce()).toEqual({ claimed: 1, sent: 0, retrying: 0, failed: 1, withdrawn: 0 });
    const row = await t.ok('outbox.get', { id });
    expect(row).toMatchObject({ status: 'failed', attempts: SCHEDULE.length + 1, nextAttemptAt: null });
    expect(row.lastError).toMatch(/refused the connection/);
    t.clock.advance(24 * HOUR);
    expect((await t.app.relay.drainOnce()).claimed).toBe(0);
  });

  it('treats a 451 as temporary', async () => {
    await sink.setMode('temp-fail');
    const id = enqueue(t, 1);
    expect(await t.app.relay.drainOnce()).toEqual({ claimed: 1, sent: 0, retrying: 1, failed: 0, withdrawn: 0 });
    expect(sink.tempFailures).toBe(1);
    const row = await t.ok('outbox.get', { id });
    expect(row).toMatchObject({ status: 'queued', nextAttemptAt: t.clock.now() + SCHEDULE[0]! });
    expect(row.lastError).toMatch(/try again later/i);

    await sink.setMode('ok');
    t.clock.advance(SCHEDULE[0]!);
    expect((await t.app.relay.drainOnce()).sent).toBe(1);
    expect(sink.messages).toHaveLength(1);
  });

  it('sends at most one duplicate, with the same Message-ID, when the server drops the connection after DATA', async () => {
    await sink.setMode('drop-after-data');
    const id = enqueue(t, 1);

    const first = await t.app.relay.drainOnce();
    expect(first).toEqual({ claimed: 1, sent: 0, retrying: 1, failed: 0, withdrawn: 0 });
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.dropped).toBe(true);
    expect((await t.ok('outbox.get', { id })).nextAttemptAt).toBe(t.clock.now() + SCHEDULE[0]!);

    await sink.setMode('ok');
    t.clock.advance(SCHEDULE[0]!);
    expect((await t.app.relay.drainOnce()).sent).toBe(1);
    t.clock.advance(24 * HOUR);
    expect((await t.app.relay.drainOnce()).claimed).toBe(0);

    const row = await t.ok('outbox.get', { id });
    expect(row.status).toBe('sent');
    expect(sink.messages).toHaveLength(2);
    expect(sink.messages.map((m) => m.messageId)).toEqual([row.messageId, row.messageId]);
    expect(sink.messages[1]!.dropped).toBe(false);
  });

  it('never sends a message that missed its deadline in the pool queue after its retry was scheduled', async () => {
    // A slow server (300 ms per message) behind one connection and a 1 s deadline: the messages still
    // queued in the pool when the deadline passes must be withdrawn, or they would go out later on
    // top of their retry. Only the one in flight may already be with the server (SMTP's window).
    let relay = new Relay(t.deps, { sendDeadlineMs: 1_000 });
    await t.ok('smtp.set', sinkSmtpSettings(sink, { maxConnections: 1 }));
    sink.setReplyDelay(300);
    const ids = Array.from({ length: 6 }, (_, n) => enqueue(t, n));
    try {
      const first = await relay.drainOnce();
      expect(first.claimed).toBe(6);
      expect(first.retrying).toBeGreaterThanOrEqual(2);
      // Explicit signal instead of a sleep: once the pool is closed and the server saw every
      // connection go, nothing the pool held can still arrive.
      await relay.stop();
      await sink.waitForNoConnections();
      relay = new Relay(t.deps, { sendDeadlineMs: 1_000 });
      const rows = await Promise.all(ids.map((id) => t.ok('outbox.get', { id })));
      const statusOf = new Map(rows.map((r) => [r.messageId, r.status]));
      const orphans = sink.messages.filter((m) => statusOf.get(m.messageId) !== 'sent');
      expect(orphans.length).toBeLessThanOrEqual(1);
      for (const row of rows.filter((r) => r.status === 'queued')) expect(row.lastError).toMatch(/did not answer in time/);

      sink.setReplyDelay(0);
      t.clock.advance(SCHEDULE[0]!);
      await relay.drainOnce();
    } finally {
      await relay.stop();
    }
    const rows = await Promise.all(ids.map((id) => t.ok('outbox.get', { id })));
    expect(rows.map((r) => r.status)).toEqual(Array(6).fill('sent'));
    const copies = rows.map((r) => sink.messages.filter((m) => m.messageId === r.messageId).length);
    expect(copies.every((c) => c === 1 || c === 2)).toBe(true);
    expect(copies.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(7);
  });
});
