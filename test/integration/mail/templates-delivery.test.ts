import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  assignmentChangedEmail,
  deliveryFailuresNotice,
  drawDoneNotice,
  magicLinkEmail,
  matchEmail,
  newRegistrationNotice,
  purgeWarningEmail,
  registrationClosedNotice,
  reminderEmail,
  testEmail,
  welcomeEmail,
  withdrawalNotice,
  type ExchangeInfo,
  type RenderedEmail,
} from '../../../src-main/mail/templates';
import { enqueueMail } from '../../../src-main/services/mail/outbox';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { createTestApp, type TestApp } from '../../support/test-app';

const SCRIPT = '<script>alert(1)</script>';
const exchange: ExchangeInfo = {
  name: `Family ${SCRIPT} & Co`,
  description: `Bring ${SCRIPT} snacks`,
  exchangeAt: Date.parse('2026-12-24T17:00:00Z'),
  timezone: 'Europe/Berlin',
  location: 'Grandma’s <b>house</b>',
  budget: { amount: '30', currency: 'EUR' },
};
const giver = `Ann ${SCRIPT}`;
const receiver = `Bob "<img src=x onerror=alert(2)>"`;
const ideas = `Socks ${SCRIPT}\nhttps://shop.example.test/item?a=1&b=2`;
const link = 'http://127.0.0.1:4317/p/personal-token';

/** Every kind the app sends, rendered with hostile user text. */
const kinds: Array<{ kind: string; email: RenderedEmail; hasExchange: boolean; userText: string[] }> = [
  { kind: 'magic-link', email: magicLinkEmail({ locale: 'en', exchange, participantName: giver, link, expiresInMinutes: 60 }), hasExchange: true, userText: [giver] },
  { kind: 'welcome', email: welcomeEmail({ locale: 'en', exchange, participantName: giver, link, registrationDeadline: null }), hasExchange: true, userText: [giver] },
  {
    kind: 'match',
    email: matchEmail({
      locale: 'en',
      exchange,
      giverName: giver,
      receiverName: receiver,
      receiverGiftIdeas: ideas,
      link,
      uid: 'e1-p1@sneaky-klaus',
      sentAt: Date.parse('2026-12-01T10:00:00Z'),
    }),
    hasExchange: true,
    userText: [giver, receiver, `Socks ${SCRIPT}`],
  },
  {
    kind: 'assignment-changed',
    email: assignmentChangedEmail({ locale: 'en', exchange, giverName: giver, receiverName: receiver, receiverGiftIdeas: ideas, link, uid: 'e1-p1@sneaky-klaus' }),
    hasExchange: true,
    userText: [giver, receiver],
  },
  {
    kind: 'reminder',
    email: reminderEmail({ locale: 'en', exchange, participantName: giver, receiverName: receiver, receiverGiftIdeas: ideas, daysLeft: 3, link }),
    hasExchange: true,
    userText: [giver, receiver, `Socks ${SCRIPT}`],
  },
  {
    kind: 'organizer-new-registration',
    email: newRegistrationNotice({ locale: 'en', exchange, organizerName: 'Olga', participantName: giver, participantCount: 4, adminHint: null }),
    hasExchange: true,
    userText: [giver],
  },
  {
    kind: 'organizer-withdrawal',
    email: withdrawalNotice({ locale: 'en', exchange, organizerName: 'Olga', participantName: giver, afterDraw: true, changedCount: 2 }),
    hasExchange: true,
    userText: [giver],
  },
  {
    kind: 'organizer-registration-closed',
    email: registrationClosedNotice({ locale: 'en', exchange, organizerName: `Olga ${SCRIPT}`, participantCount: 12 }),
    hasExchange: true,
    userText: [`Olga ${SCRIPT}`],
  },
  { kind: 'organizer-draw-done', email: drawDoneNotice({ locale: 'en', exchange, organizerName: 'Olga', participantCount: 12, queuedCount: 12 }), hasExchange: true, userText: [] },
  {
    kind: 'organizer-delivery-failures',
    email: deliveryFailuresNotice({ locale: 'en', exchange, organizerName: 'Olga', failures: [{ to: 'x@example.test', kind: 'reminder', error: `550 ${SCRIPT}` }] }),
    hasExchange: true,
    userText: [`550 ${SCRIPT}`],
  },
  {
    kind: 'purge-warning',
    email: purgeWarningEmail({ locale: 'en', exchange, organizerName: 'Olga', purgeAt: Date.parse('2027-01-30T10:00:00Z'), timezone: exchange.timezone }),
    hasExchange: true,
    userText: [],
  },
  {
    kind: 'test',
    email: testEmail({ locale: 'en', organizerName: `Olga ${SCRIPT}`, sentAt: Date.parse('2026-11-01T09:00:00Z'), timezone: 'Europe/Berlin' }),
    hasExchange: false,
    userText: [`Olga ${SCRIPT}`],
  },
];

function normalise(text: string | undefined): string {
  return (text ?? '').replace(/\r\n/g, '\n').trimEnd();
}

describe('every template through outbox → relay → SMTP → mailparser', () => {
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

  it('delivers each kind intact: both parts, escaped HTML, subject, attachment, Message-ID', async () => {
    const ids = new Map<string, number>();
    t.deps.db.transaction(() => {
      kinds.forEach(({ kind, email }, i) => {
        const id = enqueueMail(t.deps, { key: `${kind}:1`, kind: `sample-${kind}`, to: `person${i}@example.test`, exchangeId: null, participantId: null, email });
        if (id === null) throw new Error(`not enqueued: ${kind}`);
        ids.set(kind, id);
      });
    });

    const report = await t.app.relay.drainOnce();
    expect(report).toEqual({ claimed: kinds.length, sent: kinds.length, retrying: 0, failed: 0, withdrawn: 0 });
    expect(sink.messages).toHaveLength(kinds.length);

    for (const [i, { kind, email, hasExchange, userText }] of kinds.entries()) {
      const row = await t.ok('outbox.get', { id: ids.get(kind)! });
      expect(row.status, kind).toBe('sent');
      const got = sink.messages.find((m) => m.envelopeTo[0] === `person${i}@example.test`);
      if (!got?.parsed) throw new Error(`${kind} did not arrive`);
      const parsed = got.parsed;

      expect(got.messageId, kind).toBe(row.messageId);
      expect(parsed.messageId, kind).toBe(row.messageId);
      expect(parsed.subject, kind).toBe(email.subject);
      if (hasExchange) expect(parsed.subject, kind).toContain(exchange.name);
      expect(parsed.from?.value, kind).toEqual([{ name: 'Sneaky Klaus', address: 'santa@example.test' }]);
      expect(parsed.headers.get('auto-submitted'), kind).toBe('auto-generated');

      // Both parts arrive byte for byte (modulo the line endings SMTP imposes).
      expect(normalise(parsed.text), kind).toBe(normalise(email.text));
      expect(normalise(parsed.html || ''), kind).toBe(normalise(email.html));

      // User text is readable in the plain part and inert in the HTML part.
      for (const text of userText) expect(parsed.text, kind).toContain(text);
      expect(parsed.html, kind).not.toMatch(/<script|<img|<b>house/i);
      if (userText.some((s) => s.includes(SCRIPT))) expect(parsed.html, kind).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

      const calendars = parsed.attachments.filter((a) => a.contentType === 'text/calendar');
      if (kind === 'match' || kind === 'assignment-changed') {
        expect(calendars, kind).toHaveLength(1);
        const expected = email.attachments![0]!;
        expect(calendars[0]!.filename).toBe(expected.filename);
        expect(normalise(calendars[0]!.content.toString('utf8'))).toBe(normalise(expected.content));
        expect(calendars[0]!.content.toString('utf8')).toContain('DTSTART:20261224T170000Z');
      } else {
        expect(parsed.attachments, kind).toHaveLength(0);
      }
    }
  });

  it('delivers one message for two enqueues with the same idempotency key', async () => {
    const mail = { key: 'reminder:1:3:7', kind: 'note', to: 'ann@example.test', exchangeId: null, participantId: null };
    const first = t.deps.db.transaction(() => enqueueMail(t.deps, { ...mail, email: kinds[4]!.email }));
    const second = t.deps.db.transaction(() => enqueueMail(t.deps, { ...mail, email: { subject: 'changed', text: 'changed', html: '<p>changed</p>' } }));
    expect(first).not.toBeNull();
    expect(second).toBeNull();

    expect((await t.app.relay.drainOnce()).sent).toBe(1);
    t.clock.advance(24 * 3_600_000);
    expect((await t.app.relay.drainOnce()).claimed).toBe(0);
    expect(sink.messages.map((m) => m.parsed?.subject)).toEqual([kinds[4]!.email.subject]);
    expect(await t.ok('outbox.list', {})).toHaveLength(1);
  });
});
