import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawnExchange, type DrawnExchange } from '../../support/jobs-fixtures';
import { sinkSmtpSettings, startSmtpSink, type ReceivedMessage, type SmtpSink } from '../../support/smtp-sink';
import { createTestApp, type TestApp } from '../../support/test-app';

/*
 * People who were told their match hear of every change that matters (issue #12, §6): an undone
 * draw, a new date or place (the calendar event moves: same UID, higher SEQUENCE), a cancelled
 * exchange (METHOD:CANCEL). Mail goes through a real SMTP sink; time through the manual clock.
 */

const XMAS = '2026-12-24T18:00';
const ZONE = 'Europe/Berlin';

/** The calendar file of a message, unfolded, as `NAME → value` for its first VEVENT's lines. */
function calendar(m: ReceivedMessage): Map<string, string> {
  const attachment = m.parsed!.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!attachment) throw new Error(`no .ics in "${m.parsed!.subject}"`);
  const text = attachment.content.toString('utf8').replace(/\r?\n[ \t]/g, '');
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Z-]+)(?:;[^:]*)?:(.*)$/.exec(line);
    if (match && !out.has(match[1]!)) out.set(match[1]!, match[2]!);
  }
  return out;
}

describe('change notices to people who were told', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let x: DrawnExchange;

  const to = (email: string) => sink.messages.filter((m) => m.envelopeTo[0] === email);
  const withSubject = (suffix: string) => sink.messages.filter((m) => (m.parsed!.subject ?? '').endsWith(suffix));
  let started = false;
  /** Starts the relay on first use, then waits for its "nothing more to send now" signal. */
  const settle = async () => {
    if (!started) t.app.relay.start();
    started = true;
    await t.app.relay.settled();
  };

  beforeEach(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ start: '2026-12-01T09:00:00Z' });
    t.deps.runtime.participantUrls = ['http://192.168.1.20:4317'];
    await t.ok('smtp.set', sinkSmtpSettings(sink, { maxConnections: 1 }));
    x = await drawnExchange(t, { n: 4, exchangeAt: XMAS, timezone: ZONE, tag: 'Chg', name: 'Family' });
    started = false;
  });
  afterEach(async () => {
    await t.app.relay.stop();
    t.close();
    await sink.stop();
  });

  it('undo after the match emails went out: "the draw was cancelled" to everyone told, and only to them', async () => {
    // One person's match is still waiting (greylisted): they were told nothing, so they hear nothing.
    const waiting = x.people[2]!;
    sink.failRecipient(waiting.email, 450, 1);
    await settle();
    expect(sink.messages).toHaveLength(3);
    const refused = await t.call('exchanges.undoDraw', { exchangeId: x.exchangeId });
    expect(refused.ok || refused.error.code).toBe('conflict');
    await t.ok('exchanges.undoDraw', { exchangeId: x.exchangeId, confirm: true });
    t.clock.advance(60 * 60_000);
    await settle();

    const notices = withSubject('the draw was cancelled; a new one follows');
    expect(notices.map((m) => m.envelopeTo[0]).sort()).toEqual(
      x.people
        .filter((p) => p !== waiting)
        .map((p) => p.email)
        .sort(),
    );
    for (const m of notices) {
      expect(m.parsed!.text).toMatch(/forget the name you drew/);
      // It names no giftee: only the recipient's own name.
      const named = x.people.filter((p) => new RegExp(`${p.name}(?!\\d)`).test(m.parsed!.text ?? ''));
      expect(named.map((p) => p.email)).toEqual([m.envelopeTo[0]]);
    }
    // The waiting match email was withdrawn with its reason, never sent.
    expect(to(waiting.email)).toEqual([]);
    const withdrawn = (await t.ok('outbox.list', { kind: 'match' })).find((r) => r.to === waiting.email)!;
    expect(withdrawn).toMatchObject({ status: 'cancelled', withdrawnReason: 'the draw was undone' });
  });

  it('date or place changed after the draw: an update whose .ics has the same UID and a higher SEQUENCE', async () => {
    await settle();
    expect(withSubject('your Secret Santa match')).toHaveLength(4);
    t.clock.advance(60 * 60_000);
    await t.ok('exchanges.update', { exchangeId: x.exchangeId, patch: { exchangeAt: '2026-12-25T15:00', location: 'Grandma’s house' } });
    await settle();
    // A second change: the calendar moves again, the first update (already sent) stays the older one.
    t.clock.advance(60 * 60_000);
    await t.ok('exchanges.update', { exchangeId: x.exchangeId, patch: { location: 'The town hall' } });
    await settle();

    for (const person of x.people) {
      const [match, first, second, ...rest] = to(person.email);
      expect(rest).toEqual([]);
      expect([first, second].map((m) => m!.parsed!.subject)).toEqual(['Family: new date, time or place', 'Family: new date, time or place']);
      const [a, b, c] = [calendar(match!), calendar(first!), calendar(second!)];
      expect(b.get('UID')).toBe(a.get('UID'));
      expect(c.get('UID')).toBe(a.get('UID'));
      expect(Number(b.get('SEQUENCE'))).toBeGreaterThan(Number(a.get('SEQUENCE') ?? '0'));
      expect(Number(c.get('SEQUENCE'))).toBeGreaterThan(Number(b.get('SEQUENCE')));
      expect(b.get('METHOD')).toBe('PUBLISH');
      // 25 Dec 15:00 in Berlin is 14:00 UTC.
      expect(a.get('DTSTART')).toBe('20261224T170000Z');
      expect(b.get('DTSTART')).toBe('20261225T140000Z');
      expect(b.get('LOCATION')).toBe('Grandma’s house');
      expect(c.get('LOCATION')).toBe('The town hall');
      expect(second!.parsed!.text).toContain('The town hall');
    }
    // Each person has their own event (UIDs differ between people).
    expect(new Set(x.people.map((p) => calendar(to(p.email)[0]!).get('UID'))).size).toBe(4);
  });

  it('a change made while the match email is still queued needs no update: the match email carries it', async () => {
    // Nothing sent yet, so nobody was told: no update email, one match email with the current place.
    await t.ok('exchanges.update', { exchangeId: x.exchangeId, patch: { location: 'The barn' } });
    await settle();
    expect(sink.messages).toHaveLength(4);
    for (const m of sink.messages) {
      expect(m.parsed!.subject).toBe('Family: your Secret Santa match');
      expect(calendar(m).get('LOCATION')).toBe('The barn');
    }
  });

  it('exchange cancelled: a cancellation whose .ics says METHOD:CANCEL for the same event, and nothing more', async () => {
    await settle();
    t.clock.advance(60 * 60_000);
    await t.ok('exchanges.transition', { exchangeId: x.exchangeId, action: 'cancel' });
    await settle();
    // Days later the reminder moments pass: nothing is sent for a cancelled exchange.
    t.clock.set('2026-12-20T12:00:00Z');
    await t.app.jobs.runDue();
    await settle();

    for (const person of x.people) {
      const [match, cancel, ...rest] = to(person.email);
      expect(rest.map((m) => m.parsed!.subject)).toEqual([]);
      expect(cancel!.parsed!.subject).toBe('Family: the gift exchange is cancelled');
      const [a, c] = [calendar(match!), calendar(cancel!)];
      expect(c.get('METHOD')).toBe('CANCEL');
      expect(c.get('STATUS')).toBe('CANCELLED');
      expect(c.get('UID')).toBe(a.get('UID'));
      expect(Number(c.get('SEQUENCE'))).toBeGreaterThan(Number(a.get('SEQUENCE') ?? '0'));
      expect(cancel!.raw.toString('utf8')).toMatch(/Content-Type: text\/calendar;[^\r\n]*method=CANCEL/i);
    }
  });
});
