import { afterEach, expect, it } from 'vitest';
import { participantWorld, type World } from '../../support/participant-world';

/**
 * Every email after the match email (a reminder, a change of date) carries its own link, and
 * none breaks the button of an email that came before: people read their mail in any order.
 */
let w: World;
afterEach(() => w?.close());

it('a reminder and an "exchange updated" email leave the match email’s button working, and each works once', async () => {
  w = await participantWorld();
  await w.add(['Ann', 'Bob', 'Cy']);
  await w.closeAndDraw();
  const toAnn = (kind: string) => w.outbox(kind).filter((m) => m.to_address === 'ann@example.com' && m.text_body !== '');
  // The relay renders each email, with its link, when it sends it: the match email first.
  const [match] = toAnn('match');
  w.t.deps.db.sqlite.prepare("update email_outbox set status = 'sent', sent_at = ? where kind = 'match'").run(w.t.clock.now());
  w.t.clock.advance(5 * 3_600_000);
  await w.t.ok('jobs.sendReminderNow', { exchangeId: w.exchangeId });
  const [reminder] = toAnn('reminder');
  await w.t.ok('exchanges.update', { exchangeId: w.exchangeId, patch: { location: 'At Bob’s' } });
  const [updated] = toAnn('exchange-updated');
  expect([match, reminder, updated].every((m) => m?.text_body.includes('/auth/'))).toBe(true);

  // Ann reads them oldest first, a few hours later: every button signs her in, once.
  expect(await w.signsIn(match!.text_body)).toBe(true);
  expect(await w.signsIn(reminder!.text_body)).toBe(true);
  expect(await w.signsIn(updated!.text_body)).toBe(true);
  expect(await w.signsIn(match!.text_body)).toBe(false);
});
