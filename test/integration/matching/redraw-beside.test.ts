/**
 * A re-draw writes the new draw beside the one that counts, in slices, and switches over in one
 * short commit (migration 0013): nobody ever sees a mix, the organizer's app never freezes on the
 * commit, and nothing of the replaced draw is left, not even after a fault or a crash half-way.
 * Real SQLite files with the production pragmas; faults come through the clock port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { getExchange } from '../../../src-main/db/repos/exchanges';
import { currentDraw, hideHistoryKey, insertMatches, insertPairHistoryRows, loadMatches } from '../../../src-main/db/repos/matches';
import { receiversOf } from '../../../src-main/db/repos/page-reads';
import { personHash } from '../../../src-main/services/draw/history';
import { activeParticipants, buildProblem } from '../../../src-main/services/draw/problem';
import { installationSecret } from '../../../src-main/services/organizer/settings';
import { sinkSmtpSettings, startSmtpSink } from '../../support/smtp-sink';
import { redrawCutOffAfterCommit } from '../../support/cut-off';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';
import { duringTurns } from '../../support/turns';

const PEOPLE = 400;

let t: TestApp;
afterEach(() => t?.close());

const count = (sql: string, ...params: unknown[]) => (t.deps.db.sqlite.prepare(sql).get(...params) as { n: number }).n;
const csvOf = (n: number, from = 0) => ['name,email', ...Array.from({ length: n }, (_, i) => `Person ${from + i},p${from + i}@example.com`)].join('\n');

async function drawnExchange(n: number, overrides: Parameters<typeof exchangeInput>[0] = {}): Promise<number> {
  const { id } = await t.ok('exchanges.create', exchangeInput({ registrationDeadline: null, ...overrides }));
  await t.ok('exchanges.transition', { exchangeId: id, action: 'open' });
  expect((await t.ok('participants.import', { exchangeId: id, csv: csvOf(n), dryRun: false })).added).toBe(n);
  await t.ok('exchanges.transition', { exchangeId: id, action: 'close' });
  await t.ok('exchanges.draw', { exchangeId: id });
  return id;
}

/** The draw that counts, as one comparable value. */
const drawOf = (exchangeId: number) => JSON.stringify(loadMatches(t.deps.db, exchangeId));

/** What a participant's page reads: each giver's giftees through the page statements. */
const pagesOf = (exchangeId: number) =>
  JSON.stringify(
    activeParticipants(t.deps, exchangeId)
      .map((p) => p.id)
      .sort((a, b) => a - b)
      .map((id) => [id, receiversOf(t.deps.db, exchangeId, id)]),
  );

describe('a re-draw written beside the draw that counts', () => {
  it('pages and reads show the old draw while the new one is written, the new one after the commit, never a mix; nothing of the old draw is left', async () => {
    t = await createTestApp();
    const exchangeId = await drawnExchange(PEOPLE);
    const before = { draw: drawOf(exchangeId), pages: pagesOf(exchangeId) };
    const seen = new Set<string>();
    let besideMost = 0;
    const { turns } = await duringTurns(
      () => t.ok('exchanges.redraw', { exchangeId, confirm: true }),
      () => {
        const draw = drawOf(exchangeId);
        seen.add(draw);
        // A page in the same turn reads the same draw.
        expect(pagesOf(exchangeId) === before.pages).toBe(draw === before.draw);
        besideMost = Math.max(besideMost, count('select count(*) n from matches where exchange_id = ?', exchangeId));
      },
    );
    const after = drawOf(exchangeId);
    expect(after).not.toBe(before.draw);
    expect(turns).toBeGreaterThan(10);
    // The new draw was written beside the old one, and the turns saw only the one or the other.
    expect(besideMost).toBe(2 * PEOPLE);
    expect([...seen].every((draw) => draw === before.draw || draw === after)).toBe(true);
    expect(seen.has(before.draw)).toBe(true);
    // Nothing of the replaced draw is left: its rows, its pair history, its hidden key.
    expect(count('select count(*) n from matches where exchange_id = ?', exchangeId)).toBe(PEOPLE);
    expect(count('select count(*) n from pair_history')).toBe(PEOPLE);
    expect(count('select count(*) n from pair_history_hidden')).toBe(0);
    expect(currentDraw(t.deps.db, exchangeId)).toBe(1);
  });

  it('a fault in its commit, after the new draw was written: the old draw stands whole, with its history, and nothing of the new one is left or mailed', async () => {
    t = await createTestApp();
    const exchangeId = await drawnExchange(PEOPLE);
    const before = drawOf(exchangeId);
    const historyKey = getExchange(t.deps.db, exchangeId).historyKey;
    const history = t.deps.db.sqlite.prepare('select giver_hash, receiver_hash, exchange_key from pair_history order by id').all();
    const mail = count('select count(*) n from email_outbox');
    // Once both draws are written side by side, the clock port fails: the commit reads it.
    const now = t.clock.now.bind(t.clock);
    let broken = false;
    t.clock.now = () => {
      if (broken) throw new Error('clock fault');
      return now();
    };
    const result = await duringTurns(
      () => t.call('exchanges.redraw', { exchangeId, confirm: true }),
      () => {
        if (count('select count(*) n from matches where exchange_id = ?', exchangeId) === 2 * PEOPLE) broken = true;
      },
    );
    t.clock.now = now;
    expect(broken).toBe(true);
    expect(result.value.ok).toBe(false);
    expect(drawOf(exchangeId)).toBe(before);
    expect(getExchange(t.deps.db, exchangeId).historyKey).toBe(historyKey);
    expect(t.deps.db.sqlite.prepare('select giver_hash, receiver_hash, exchange_key from pair_history order by id').all()).toEqual(history);
    expect(count('select count(*) n from matches where exchange_id = ?', exchangeId)).toBe(PEOPLE);
    expect(count('select count(*) n from pair_history_hidden')).toBe(0);
    expect(count('select count(*) n from email_outbox')).toBe(mail);
    // And the next re-draw works.
    await t.ok('exchanges.redraw', { exchangeId, confirm: true });
    expect(drawOf(exchangeId)).not.toBe(before);
  });

  it('a crash half-way leaves rows nobody reads: the draw stands, a later exchange avoids only the pairs that count, and the next jobs pass removes the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sk-redraw-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    t = await createTestApp({ dir });
    await t.ok('settings.update', { organizer: { name: 'Olga', email: 'olga@example.com' } });
    const first = await drawnExchange(6, { name: 'Advent', exchangeAt: '2026-12-06T16:00' });
    const counted = loadMatches(t.deps.db, first);
    const emailOf = new Map(activeParticipants(t.deps, first).map((p) => [p.id, p.email]));
    const asEmails = (pairs: ReadonlyArray<readonly [number, number]>) => new Set(pairs.map(([g, r]) => `${emailOf.get(g)}>${emailOf.get(r)}`));
    // What a re-draw cut off by a crash leaves: its matches as the next draw number, its pair
    // history under a hidden key (here: every pair the counted draw does not have).
    const ids = [...emailOf.keys()];
    const others = ids.flatMap((g) => ids.filter((r) => r !== g && !counted.some(([cg, cr]) => cg === g && cr === r)).map((r) => [g, r] as const));
    const shifted = ids.map((g, i) => [g, ids[(i + 1) % ids.length]!, 0] as const);
    const now = t.clock.now();
    const { exchange_at: exchangeAt, year } = t.deps.db.sqlite.prepare('select exchange_at, year from pair_history limit 1').get() as { exchange_at: number; year: number };
    const secret = installationSecret(t.deps);
    const hashOf = (id: number) => personHash(secret, emailOf.get(id)!);
    t.deps.db.transaction(() => {
      insertMatches(t.deps.db, first, shifted, now, currentDraw(t.deps.db, first) + 1);
      hideHistoryKey(t.deps.db, 'cut-off', first, now);
      insertPairHistoryRows(
        t.deps.db,
        others.map(([g, r]) => ({ giverHash: hashOf(g), receiverHash: hashOf(r), year, exchangeKey: 'cut-off', exchangeAt })),
        now,
      );
    });
    t.close();
    // The app restarts on the same folder (other random numbers: new invite codes).
    t = await createTestApp({ dir, seed: 2 });

    // The draw that counts is the one committed; a later exchange of the family avoids its pairs only.
    expect(loadMatches(t.deps.db, first)).toEqual(counted);
    const { id: later } = await t.ok('exchanges.create', exchangeInput({ name: 'Christmas', exchangeAt: '2026-12-24T18:00', registrationDeadline: null, avoidPastExchanges: 2 }));
    await t.ok('exchanges.transition', { exchangeId: later, action: 'open' });
    await t.ok('participants.import', { exchangeId: later, csv: csvOf(6), dryRun: false });
    const laterPeople = activeParticipants(t.deps, later);
    const laterEmail = new Map(laterPeople.map((p) => [p.id, p.email]));
    const avoided = new Set(
      (buildProblem(t.deps, getExchange(t.deps.db, later), laterPeople, 'single-loop').history ?? []).map(([g, r]) => `${laterEmail.get(g)}>${laterEmail.get(r)}`),
    );
    expect(avoided).toEqual(asEmails(counted));
    expect((await t.ok('rules.get', { exchangeId: later })).avoidedExchanges).toEqual(['Advent']);

    await t.app.jobs.runDue();
    expect(count('select count(*) n from pair_history_hidden')).toBe(0);
    expect(count("select count(*) n from pair_history where exchange_key = 'cut-off'")).toBe(0);
    // The left-over matches go with the next re-draw of the exchange, which then stands alone.
    await t.ok('exchanges.redraw', { exchangeId: first, confirm: true });
    expect(count('select count(*) n from matches where exchange_id = ?', first)).toBe(6);
    expect(count('select count(*) n from pair_history')).toBe(6);
  });

  it('cut off right after its commit: an email of the replaced draw that comes up for sending is withdrawn, never sent; the next jobs pass finishes the re-draw', async () => {
    const sink = await startSmtpSink();
    onTestFinished(() => sink.stop());
    t = await createTestApp();
    onTestFinished(() => t.app.relay.stop());
    const exchangeId = await drawnExchange(6);
    await t.ok('smtp.set', sinkSmtpSettings(sink));
    expect(count("select count(*) n from email_outbox where kind = 'match' and status = 'pending'")).toBe(6);
    await redrawCutOffAfterCommit(t, exchangeId);
    expect(currentDraw(t.deps.db, exchangeId)).toBe(1);
    expect(count("select count(*) n from email_outbox where kind = 'match' and status = 'pending'")).toBe(6);

    // The first draw's emails, not withdrawn yet, come up for sending: none goes out.
    expect(await t.app.relay.drainOnce()).toMatchObject({ sent: 0, withdrawn: 6 });
    expect(sink.messages).toHaveLength(0);
    expect(count("select count(*) n from email_outbox where kind = 'match' and withdrawn_reason = 'a newer draw replaced it'")).toBe(6);

    // The next jobs pass queues the new draw's emails and removes the old draw's rows.
    await t.app.jobs.runDue();
    expect(await t.app.relay.drainOnce()).toMatchObject({ sent: 6, withdrawn: 0 });
    const names = new Map(activeParticipants(t.deps, exchangeId).map((p) => [p.id, p]));
    for (const [giver, receiver] of loadMatches(t.deps.db, exchangeId)) {
      const mail = sink.messages.filter((m) => m.envelopeTo.includes(names.get(giver)!.email));
      expect(mail).toHaveLength(1);
      expect(mail[0]!.parsed?.text).toContain(names.get(receiver)!.name);
    }
    expect(count('select count(*) n from matches where exchange_id = ?', exchangeId)).toBe(6);
    expect(count('select count(*) n from pair_history_hidden')).toBe(0);
  });
});
