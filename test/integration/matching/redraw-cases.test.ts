/**
 * The re-draw written beside the draw that counts (migration 0013), in the cases families meet:
 * several giftees each, later exchanges avoiding its pairs (also once it is deleted), undo and
 * draw again, someone leaving while its emails are queued, an exchange id SQLite hands out again.
 */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { getExchange } from '../../../src-main/db/repos/exchanges';
import { currentDraw, loadMatches, loadMatchRounds } from '../../../src-main/db/repos/matches';
import { receiversOf } from '../../../src-main/db/repos/page-reads';
import { activeParticipants, buildProblem } from '../../../src-main/services/draw/problem';
import { removeParticipant } from '../../../src-main/services/people/participants';
import { sinkSmtpSettings, startSmtpSink } from '../../support/smtp-sink';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';
import { duringTurns } from '../../support/turns';

let t: TestApp;
afterEach(() => t?.close());

const count = (sql: string, ...params: unknown[]) => (t.deps.db.sqlite.prepare(sql).get(...params) as { n: number }).n;
const csvOf = (n: number) => ['name,email', ...Array.from({ length: n }, (_, i) => `Person ${i},p${i}@example.com`)].join('\n');

async function drawn(n: number, overrides: Parameters<typeof exchangeInput>[0] = {}): Promise<number> {
  const { id } = await t.ok('exchanges.create', exchangeInput({ registrationDeadline: null, ...overrides }));
  await t.ok('exchanges.transition', { exchangeId: id, action: 'open' });
  await t.ok('participants.import', { exchangeId: id, csv: csvOf(n), dryRun: false });
  await t.ok('exchanges.transition', { exchangeId: id, action: 'close' });
  await t.ok('exchanges.draw', { exchangeId: id });
  return id;
}

const keysOf = (exchangeId: number) => {
  const out = new Map<number, string>();
  for (const [g, r] of loadMatches(t.deps.db, exchangeId)) out.set(g, [...(out.get(g)?.split(',') ?? []), String(r)].sort().join(','));
  return out;
};

describe('a re-draw, in the cases around it', () => {
  it('two giftees each: told givers hear of a change only when theirs changed, with both names; nothing stale left', async () => {
    const sink = await startSmtpSink();
    onTestFinished(() => sink.stop());
    t = await createTestApp();
    const exchangeId = await drawn(8, { giftsPerPerson: 2 });
    await t.ok('smtp.set', sinkSmtpSettings(sink));
    expect(await t.app.relay.drainOnce()).toMatchObject({ sent: 8 });
    const before = keysOf(exchangeId);
    await t.ok('exchanges.redraw', { exchangeId, confirm: true });
    const after = keysOf(exchangeId);
    await t.app.relay.drainOnce();
    const people = activeParticipants(t.deps, exchangeId);
    const name = new Map(people.map((p) => [p.id, p.name]));
    for (const p of people) {
      const mail = sink.messages.filter((m) => m.envelopeTo.includes(p.email));
      if (before.get(p.id) === after.get(p.id)) expect(mail).toHaveLength(1);
      else {
        expect(mail).toHaveLength(2);
        for (const r of after.get(p.id)!.split(',')) expect(mail[1]!.parsed?.text).toContain(name.get(Number(r))!);
      }
      expect(receiversOf(t.deps.db, exchangeId, p.id)).toHaveLength(2);
    }
    expect(count('select count(*) n from matches where exchange_id = ?', exchangeId)).toBe(16);
    expect(count('select count(*) n from pair_history')).toBe(16);
    expect(count('select count(*) n from pair_history_hidden')).toBe(0);
    await t.app.relay.stop();
  });

  it('a later exchange avoids the re-drawn pairs (not the replaced ones), also after the re-drawn exchange is deleted', async () => {
    t = await createTestApp();
    const first = await drawn(6, { name: 'Advent', exchangeAt: '2026-12-06T16:00' });
    await t.ok('exchanges.redraw', { exchangeId: first, confirm: true });
    await t.ok('exchanges.redraw', { exchangeId: first, confirm: true });
    const email = new Map(activeParticipants(t.deps, first).map((p) => [p.id, p.email]));
    const counted = new Set(loadMatches(t.deps.db, first).map(([g, r]) => `${email.get(g)}>${email.get(r)}`));
    await t.ok('exchanges.transition', { exchangeId: first, action: 'cancel' });
    await t.ok('exchanges.delete', { exchangeId: first });
    const { id: later } = await t.ok('exchanges.create', exchangeInput({ name: 'Christmas', registrationDeadline: null, avoidPastExchanges: 1 }));
    await t.ok('exchanges.transition', { exchangeId: later, action: 'open' });
    await t.ok('participants.import', { exchangeId: later, csv: csvOf(6), dryRun: false });
    const people = activeParticipants(t.deps, later);
    const laterEmail = new Map(people.map((p) => [p.id, p.email]));
    const avoided = new Set(
      (buildProblem(t.deps, getExchange(t.deps.db, later), people, 'single-loop').history ?? []).map(([g, r]) => `${laterEmail.get(g)}>${laterEmail.get(r)}`),
    );
    expect(avoided).toEqual(counted);
  });

  it('re-draw, undo, draw, re-draw: one draw counts, its history alone, emails of the draw that counts only', async () => {
    t = await createTestApp();
    const exchangeId = await drawn(6);
    await t.ok('exchanges.redraw', { exchangeId, confirm: true });
    await t.ok('exchanges.undoDraw', { exchangeId, confirm: true });
    expect(count('select count(*) n from matches where exchange_id = ?', exchangeId)).toBe(0);
    expect(count('select count(*) n from pair_history')).toBe(0);
    await t.ok('exchanges.draw', { exchangeId });
    await t.ok('exchanges.redraw', { exchangeId, confirm: true });
    expect(currentDraw(t.deps.db, exchangeId)).toBe(2);
    expect(count('select count(*) n from matches where exchange_id = ?', exchangeId)).toBe(6);
    expect(count('select count(*) n from pair_history')).toBe(6);
    expect(count('select count(*) n from pair_history_hidden')).toBe(0);
    const pending = t.deps.db.sqlite
      .prepare("select participant_id p, params from email_outbox where kind in ('match','assignment-changed') and status = 'pending'")
      .all() as Array<{ p: number; params: string }>;
    expect(pending).toHaveLength(6);
    expect(pending.every((r) => JSON.parse(r.params).draw === 2)).toBe(true);
  });

  it('someone leaves while the re-draw queues its emails: every giver still in has one email of the draw that counts', async () => {
    t = await createTestApp();
    const exchangeId = await drawn(300);
    const leaver = activeParticipants(t.deps, exchangeId).at(-1)!.id;
    let removed = false;
    await duringTurns(
      () => t.ok('exchanges.redraw', { exchangeId, confirm: true }),
      () => {
        if (!removed && currentDraw(t.deps.db, exchangeId) === 1 && count("select count(*) n from email_outbox where status = 'pending' and kind = 'match'") > 20) {
          removeParticipant(t.deps, leaver);
          removed = true;
        }
      },
    );
    expect(removed).toBe(true);
    const rounds = loadMatchRounds(t.deps.db, exchangeId);
    expect(rounds.pairs).toHaveLength(299);
    const pending = t.deps.db.sqlite
      .prepare("select participant_id p, count(*) n from email_outbox where kind in ('match','assignment-changed') and status = 'pending' group by participant_id")
      .all() as Array<{ p: number; n: number }>;
    expect(pending).toHaveLength(299);
    expect(pending.every((r) => r.n === 1)).toBe(true);
    expect(count('select count(*) n from matches where exchange_id = ?', exchangeId)).toBe(299);
  });

  it('an exchange id reused after a deletion starts at its own draw, and its mail goes out', async () => {
    const sink = await startSmtpSink();
    onTestFinished(() => sink.stop());
    t = await createTestApp();
    const first = await drawn(4);
    await t.ok('exchanges.redraw', { exchangeId: first, confirm: true });
    await t.ok('exchanges.transition', { exchangeId: first, action: 'cancel' });
    await t.ok('exchanges.delete', { exchangeId: first });
    const second = await drawn(5);
    expect(second).toBe(first);
    await t.ok('smtp.set', sinkSmtpSettings(sink));
    expect(await t.app.relay.drainOnce()).toMatchObject({ sent: 5, withdrawn: 0 });
    await t.ok('exchanges.redraw', { exchangeId: second, confirm: true });
    await t.app.relay.drainOnce();
    expect(count('select count(*) n from matches where exchange_id = ?', second)).toBe(5);
    await t.app.relay.stop();
  });
});
