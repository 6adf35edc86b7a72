/**
 * A re-draw tells each person what they need to know, also around faults: a person already told
 * whose giftee the re-draw keeps gets nothing new, so the match email they had stays theirs (a
 * retry after a temporary failure, or the organizer's resend, still goes out); and a re-draw right
 * after one that a cut-off left unannounced still tells the people that one changed.
 * Real SQLite files, a real SMTP server on 127.0.0.1; faults through the ports.
 */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { currentDraw, loadMatches } from '../../../src-main/db/repos/matches';
import { activeParticipants } from '../../../src-main/services/draw/problem';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { redrawCutOffAfterCommit } from '../../support/cut-off';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

let t: TestApp;
afterEach(() => t?.close());

const csvOf = (n: number) => ['name,email', ...Array.from({ length: n }, (_, i) => `Person ${i},p${i}@example.com`)].join('\n');

/** Five people drawn; Person 0 must draw Person 1, so every re-draw keeps that pair. */
async function drawnWithFixedPair(): Promise<{ exchangeId: number; giver: { id: number; email: string }; giftee: { id: number; name: string } }> {
  const { id: exchangeId } = await t.ok('exchanges.create', exchangeInput({ registrationDeadline: null }));
  await t.ok('exchanges.transition', { exchangeId, action: 'open' });
  await t.ok('participants.import', { exchangeId, csv: csvOf(5), dryRun: false });
  const people = activeParticipants(t.deps, exchangeId);
  const giver = people.find((p) => p.name === 'Person 0')!;
  const giftee = people.find((p) => p.name === 'Person 1')!;
  await t.ok('rules.addMustDraw', { exchangeId, giverId: giver.id, receiverId: giftee.id });
  await t.ok('exchanges.transition', { exchangeId, action: 'close' });
  await t.ok('exchanges.draw', { exchangeId });
  return { exchangeId, giver, giftee };
}

/** A fresh app and a real SMTP server on 127.0.0.1, both stopped after the test. */
async function appWithSink(): Promise<SmtpSink> {
  const sink = await startSmtpSink();
  onTestFinished(() => sink.stop());
  t = await createTestApp();
  onTestFinished(() => t.app.relay.stop());
  return sink;
}

const mailTo = (sink: SmtpSink, email: string) => sink.messages.filter((m) => m.envelopeTo.includes(email) && !m.dropped);

describe('a person already told whose giftee a re-draw keeps', () => {
  it('their match email, in flight during the re-draw and failing temporarily, is retried and tells them their giftee', async () => {
    const sink = await appWithSink();
    const { exchangeId, giver, giftee } = await drawnWithFixedPair();
    await t.ok('smtp.set', sinkSmtpSettings(sink));

    // The relay claims the five match emails (rendered, "sending"); the server is slow to answer
    // and greylists Person 0's message (451: try again later).
    sink.setReplyDelay(1_500);
    sink.failData(giver.email, 451, 1);
    const draining = t.app.relay.drainOnce();
    const sending = t.deps.db.sqlite.prepare("select count(*) n from email_outbox where kind = 'match' and status = 'sending'").get() as { n: number };
    expect(sending.n).toBe(5);

    // Meanwhile the organizer draws again; Person 0 keeps Person 1 (must-draw).
    await t.ok('exchanges.redraw', { exchangeId, confirm: true });
    expect(loadMatches(t.deps.db, exchangeId).filter(([g]) => g === giver.id)).toEqual([[giver.id, giftee.id]]);
    await draining;
    sink.setReplyDelay(0);
    expect(mailTo(sink, giver.email)).toHaveLength(0);

    // The retry is due after a minute: Person 0 must hear of their giftee at last.
    t.clock.advance(61_000);
    await t.app.relay.drainOnce();
    t.clock.advance(24 * 3_600_000);
    await t.app.jobs.runDue();
    await t.app.relay.drainOnce();
    const rows = t.deps.db.sqlite.prepare('select kind, status, withdrawn_reason from email_outbox where participant_id = ? order by id').all(giver.id);
    const mail = mailTo(sink, giver.email);
    expect(rows, JSON.stringify(rows)).toContainEqual(expect.objectContaining({ status: 'sent' }));
    expect(mail.length).toBeGreaterThan(0);
    expect(mail.at(-1)!.parsed?.text).toContain(giftee.name);
  });

  it("the organizer's resend of their match email while the re-draw's emails are still to be queued goes out", async () => {
    const sink = await appWithSink();
    const { exchangeId, giver, giftee } = await drawnWithFixedPair();
    await t.ok('smtp.set', sinkSmtpSettings(sink));
    expect(await t.app.relay.drainOnce()).toMatchObject({ sent: 5 });

    // The re-draw commits and is cut off right after: its emails wait for the next jobs pass.
    await redrawCutOffAfterCommit(t, exchangeId);
    expect(currentDraw(t.deps.db, exchangeId)).toBe(1);
    expect(loadMatches(t.deps.db, exchangeId).filter(([g]) => g === giver.id)).toEqual([[giver.id, giftee.id]]);

    // Person 0 lost the email; the organizer resends it from the outbox meanwhile.
    const row = (await t.ok('outbox.list', { kind: 'match' })).find((r) => r.to === giver.email && r.status === 'sent')!;
    const resent = await t.ok('outbox.resend', { id: row.id });
    // Its preview must not say it will be withdrawn because a newer draw replaced it: that draw kept the giftee.
    expect(resent.wouldWithdraw).toBeNull();
    expect(await t.app.relay.drainOnce()).toMatchObject({ sent: 1, withdrawn: 0 });
    expect(mailTo(sink, giver.email)).toHaveLength(2);
    expect(mailTo(sink, giver.email).at(-1)!.parsed?.text).toContain(giftee.name);
  });

  it('the organizer resends their (sent) match email after the re-draw: it goes out, naming their giftee', async () => {
    const sink = await appWithSink();
    const { exchangeId, giver, giftee } = await drawnWithFixedPair();
    await t.ok('smtp.set', sinkSmtpSettings(sink));
    expect(await t.app.relay.drainOnce()).toMatchObject({ sent: 5 });

    await t.ok('exchanges.redraw', { exchangeId, confirm: true });
    await t.app.relay.drainOnce();
    // Told, giftee kept: nothing new for Person 0 (as designed).
    expect(mailTo(sink, giver.email)).toHaveLength(1);

    // Person 0 deleted the email; the organizer resends it from the outbox.
    const row = (await t.ok('outbox.list', { kind: 'match' })).find((r) => r.to === giver.email && r.status === 'sent')!;
    const preview = await t.ok('outbox.get', { id: row.id });
    expect(preview.wouldWithdraw).toBeNull();
    await t.ok('outbox.resend', { id: row.id });
    const report = await t.app.relay.drainOnce();
    expect(report).toMatchObject({ sent: 1, withdrawn: 0 });
    expect(mailTo(sink, giver.email)).toHaveLength(2);
    expect(mailTo(sink, giver.email).at(-1)!.parsed?.text).toContain(giftee.name);
  });
});

const giftees = (exchangeId: number) => new Map(loadMatches(t.deps.db, exchangeId).map(([g, r]) => [g, r]));

describe('a re-draw right after a re-draw cut off after its commit', () => {
  it('everyone told ends up told their giftee of the draw that counts, also whom only the cut-off re-draw changed', async () => {
    const sink = await appWithSink();
    const { id: exchangeId } = await t.ok('exchanges.create', exchangeInput({ registrationDeadline: null }));
    await t.ok('exchanges.transition', { exchangeId, action: 'open' });
    await t.ok('participants.import', { exchangeId, csv: csvOf(6), dryRun: false });
    await t.ok('exchanges.transition', { exchangeId, action: 'close' });
    await t.ok('exchanges.draw', { exchangeId });
    await t.ok('smtp.set', sinkSmtpSettings(sink));
    expect(await t.app.relay.drainOnce()).toMatchObject({ sent: 6 });
    const first = giftees(exchangeId);

    // The first re-draw commits and is cut off right after.
    await redrawCutOffAfterCommit(t, exchangeId);
    const cutOff = giftees(exchangeId);

    // The organizer draws again before the next jobs pass.
    await t.ok('exchanges.redraw', { exchangeId, confirm: true });
    const counted = giftees(exchangeId);
    await t.app.jobs.runDue();
    await t.app.relay.drainOnce();

    const people = activeParticipants(t.deps, exchangeId);
    const name = new Map(people.map((p) => [p.id, p.name]));
    // Someone's giftee was changed by the cut-off re-draw and kept by the second.
    expect(people.some((p) => cutOff.get(p.id) !== first.get(p.id) && counted.get(p.id) === cutOff.get(p.id))).toBe(true);
    for (const p of people) {
      const last = sink.messages.filter((m) => m.envelopeTo.includes(p.email)).at(-1)!;
      expect(last.parsed?.text, `${p.name}: first ${name.get(first.get(p.id)!)}, now ${name.get(counted.get(p.id)!)}`).toContain(`${name.get(counted.get(p.id)!)}`);
    }
  });
});
