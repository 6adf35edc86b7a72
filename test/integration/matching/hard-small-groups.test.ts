/**
 * A small family with awkward rules never freezes the app: above the size the engine counts
 * exactly, searching for a single loop that does not exist can take the whole work budget
 * (seconds), so a group with rules is drawn, and checked, on a worker thread. Real SQLite file;
 * the event loop is watched turn by turn.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activeParticipants } from '../../../src-main/services/draw/problem';
import { runningEngines } from '../../../src-main/services/draw/solve-off-thread';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';
import { duringTurns } from '../../support/turns';

let t: TestApp;
afterEach(() => t?.close());

const csvOf = (n: number) => ['name,email', ...Array.from({ length: n }, (_, i) => `Person ${i},p${i}@example.com`)].join('\n');

/** Two clans of 11 who never draw across, but for one couple: every draw exists, no single loop does. */
async function twoClans(): Promise<number> {
  const { id: exchangeId } = await t.ok('exchanges.create', exchangeInput({ registrationDeadline: null, matchMode: 'single-loop' }));
  await t.ok('exchanges.transition', { exchangeId, action: 'open' });
  await t.ok('participants.import', { exchangeId, csv: csvOf(22), dryRun: false });
  const ids = activeParticipants(t.deps, exchangeId)
    .map((p) => p.id)
    .sort((a, b) => a - b);
  const [first, second] = [ids.slice(0, 11), ids.slice(11)];
  for (const a of first) {
    for (const b of second) {
      if (a !== first[0] || b !== second[0]) await t.ok('rules.addExclusion', { exchangeId, kind: 'pair', giverId: a, receiverId: b });
    }
  }
  await t.ok('exchanges.transition', { exchangeId, action: 'close' });
  return exchangeId;
}

describe('a small group with awkward rules', () => {
  it('two clans of 11 joined by one couple: while the engine searches for a single loop the app keeps turning, and the organizer reads what to do', async () => {
    t = await createTestApp();
    const exchangeId = await twoClans();
    const { value: drawn, turns } = await duringTurns(() => t.call('exchanges.draw', { exchangeId }));
    expect(drawn.ok).toBe(false);
    if (drawn.ok) return;
    expect(drawn.error.message).toMatch(/single loop/i);
    // Seconds of search, on another thread: the event loop turned all along (on this thread it turned once or twice).
    expect(turns).toBeGreaterThan(200);
    // Drawn without the single loop, it works at once.
    expect((await t.ok('exchanges.draw', { exchangeId, mode: 'any' })).exchange.state).toBe('matched');
  }, 60_000);

  it("the Draw tab's latest check wins: a rule change ends the search still running for the rules before it", async () => {
    t = await createTestApp();
    const exchangeId = await twoClans();
    const before = t.call('draw.check', { exchangeId });
    await vi.waitFor(() => expect(runningEngines()).toBe(1), { timeout: 20_000, interval: 5 });

    // The organizer lifts the clans' rule: every loop exists now, and the check says so at once.
    const rules = await t.ok('rules.get', { exchangeId });
    for (const { id } of [...rules.pairs, ...rules.oneWay]) await t.ok('rules.removeExclusion', { id });
    const after = await t.ok('draw.check', { exchangeId });
    expect(after).toMatchObject({ feasible: true, mode: 'single-loop', reason: null });

    // The check asked before the change answers about the rules as they now are, and its worker was ended.
    const earlier = await before;
    expect(earlier).toEqual({ ok: true, value: after });
    await vi.waitFor(() => expect(runningEngines()).toBe(0), { timeout: 20_000, interval: 5 });
  }, 60_000);

  it('checks asked in quick succession keep one search running, and all of them answer', async () => {
    t = await createTestApp();
    const exchangeId = await twoClans();
    const asked = [t.call('draw.check', { exchangeId })];
    await vi.waitFor(() => expect(runningEngines()).toBe(1), { timeout: 20_000, interval: 5 });
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, runningEngines())), 1);
    try {
      // Three rule changes in a row, each asking for a check while the first still searches.
      for (let i = 0; i < 3; i++) asked.push(t.call('draw.check', { exchangeId }));
      const answers = await Promise.all(asked);
      expect(answers[0]).toMatchObject({ ok: true, value: { feasible: false, mode: 'single-loop', feasibleModes: ['no-mutual', 'any'] } });
      for (const answer of answers) expect(answer).toEqual(answers[0]);
      await vi.waitFor(() => expect(runningEngines()).toBe(0), { timeout: 20_000, interval: 5 });
    } finally {
      clearInterval(watch);
    }
    // The first search, being ended, and the last one: never one per check.
    expect(most).toBeLessThanOrEqual(2);
  }, 60_000);
});
