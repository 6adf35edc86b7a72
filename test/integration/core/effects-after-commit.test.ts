import { SLICE_ROWS } from '../../../src-main/services/common/slices';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../src-main/contract/events';
import { magicLinkEmail, type ExchangeInfo } from '../../../src-main/mail/templates';
import { enqueueMail } from '../../../src-main/services/mail/outbox';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

const exchange: ExchangeInfo = {
  name: 'Office party',
  description: '',
  exchangeAt: Date.parse('2026-12-18T17:00:00Z'),
  timezone: 'Europe/Berlin',
  location: '',
  budget: null,
};

function queueLink(t: TestApp, n: number): void {
  const email = magicLinkEmail({ locale: 'en', exchange, participantName: `P${n}`, link: `http://127.0.0.1:4317/p/token-${n}`, expiresInMinutes: 60 });
  enqueueMail(t.deps, { key: `magic:${n}`, kind: 'note', to: `p${n}@example.test`, exchangeId: null, participantId: null, email });
}

function record(t: TestApp): AppEvent[] {
  const events: AppEvent[] = [];
  t.deps.events.subscribe((event) => events.push(event));
  return events;
}

const count = (events: AppEvent[], type: AppEvent['type']) => events.filter((e) => e.type === type).length;

describe('effects run only after the transaction commits', () => {
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

  it('a rolled-back transaction leaves no row, opens no SMTP connection and raises no event', async () => {
    await t.ok('smtp.set', sinkSmtpSettings(sink));
    t.app.relay.start();
    const events = record(t);

    expect(() =>
      t.deps.db.transaction(() => {
        queueLink(t, 1);
        throw new Error('the change that caused the email failed');
      }),
    ).toThrow('the change that caused the email failed');
    expect(t.deps.db.sqlite.prepare('SELECT count(*) AS n FROM email_outbox').get()).toEqual({ n: 0 });
    expect(events).toEqual([]);
    expect(sink.connections.total).toBe(0);

    // Control: the same email in a transaction that commits is delivered, and it is the only one.
    t.deps.db.transaction(() => queueLink(t, 2));
    await sink.waitForMessages(1);
    expect(sink.messages.map((m) => m.envelopeTo)).toEqual([['p2@example.test']]);
    expect(count(events, 'outbox.changed')).toBeGreaterThanOrEqual(1);
  });

  it('an event raised in a savepoint that rolls back is dropped while the outer transaction keeps its own', () => {
    const events = record(t);
    t.deps.db.transaction(() => {
      t.deps.events.emit({ type: 'exchange.changed', exchangeId: 1 });
      try {
        t.deps.db.transaction(() => {
          t.deps.events.emit({ type: 'exchange.changed', exchangeId: 2 });
          throw new Error('inner step refused');
        });
      } catch {
        // the outer change goes on without the inner one
      }
      expect(events).toEqual([]);
    });
    expect(events).toEqual([{ type: 'exchange.changed', exchangeId: 1 }]);
  });

  it('a 200-row import raises one participants.changed, and a 200-person draw one outbox.changed per slice of its emails, not one per email', async () => {
    const { id: exchangeId } = await t.ok('exchanges.create', exchangeInput({ maxParticipants: null }));
    const csv = ['name,email', ...Array.from({ length: 200 }, (_, i) => `Person ${i},p${i}@example.test`)].join('\n');
    const events = record(t);

    const imported = await t.ok('participants.import', { exchangeId, csv, dryRun: false });
    expect(imported.added).toBe(200);
    expect(count(events, 'participants.changed')).toBe(1);

    events.length = 0;
    await t.ok('exchanges.transition', { exchangeId, action: 'open' });
    await t.ok('exchanges.transition', { exchangeId, action: 'close' });
    events.length = 0;
    await t.ok('exchanges.draw', { exchangeId });
    // The match emails are queued in slices of SLICE_ROWS (each its own commit, so the relay can
    // start on the first while the rest are written): one event per slice.
    expect(count(events, 'outbox.changed')).toBe(Math.ceil(200 / SLICE_ROWS));
    expect(t.deps.db.sqlite.prepare("SELECT count(*) AS n FROM email_outbox WHERE kind = 'match'").get()).toEqual({ n: 200 });
  });
});
