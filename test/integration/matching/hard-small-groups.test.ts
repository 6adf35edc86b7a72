/**
 * A small family with awkward rules never freezes the app: above the size the engine counts
 * exactly, searching for a single loop that does not exist can take the whole work budget
 * (seconds), so a group with rules is drawn, and checked, on a worker thread. Real SQLite file;
 * the event loop is watched turn by turn.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { activeParticipants } from '../../../src-main/services/draw/problem';
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
});
