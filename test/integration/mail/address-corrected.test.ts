import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawnExchange } from '../../support/jobs-fixtures';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { createTestApp, type TestApp } from '../../support/test-app';

/*
 * The organizer corrects an address after the draw, while the match email is still waiting (mail
 * not set up yet, or the relay retrying). What was written to the old address never goes there:
 * it names the giftee and carries a sign-in link. The new address gets the match email.
 * A real SMTP server on 127.0.0.1; the relay as the app runs it.
 */
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

describe('an address corrected after the draw', () => {
  it('the match email goes to the new address only, once', async () => {
    const x = await drawnExchange(t, { n: 3, exchangeAt: '2026-12-18T17:00', timezone: 'Europe/Berlin', tag: 'Fix' });
    const [fixed, ...others] = x.people;
    await t.ok('participants.update', { participantId: fixed!.id, patch: { email: 'corrected@example.com' } });
    await t.ok('smtp.set', sinkSmtpSettings(sink));
    t.app.relay.start();
    await t.app.relay.settled();

    const to = (address: string) => sink.messages.filter((m) => m.envelopeTo[0] === address);
    expect(to(fixed!.email)).toEqual([]);
    const received = to('corrected@example.com');
    expect(received).toHaveLength(1);
    expect(received[0]!.parsed!.text).toContain('You are the Secret Santa for');
    for (const p of others) expect(to(p.email)).toHaveLength(1);
    const withdrawn = t.deps.db.sqlite.prepare("select withdrawn_reason from email_outbox where to_address = ? and kind = 'match'").pluck().get(fixed!.email);
    expect(withdrawn).toBe('their email address changed');
  });
});
