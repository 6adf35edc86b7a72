import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getExchange } from '../../../src-main/db/repos/exchanges';
import { loadMatches } from '../../../src-main/db/repos/matches';
import { activeParticipants, buildProblem } from '../../../src-main/services/draw/problem';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

/**
 * "Avoid last year's pairs" with people who have no email: each is still their own person in the
 * pair history (by name), so exactly last year's pairs are avoided, never someone else's.
 */
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await t.ok('settings.update', { organizer: { name: 'Olga', email: 'olga@example.com' } });
});
afterEach(() => t.close());

async function family(name: string, exchangeAt: string, avoidPastExchanges: number, previousExchangeId: number | null = null): Promise<number> {
  const id = (await t.ok('exchanges.create', exchangeInput({ name, exchangeAt, registrationDeadline: null, avoidPastExchanges, previousExchangeId }))).id;
  for (const p of ['Ann', 'Bob', 'Cy']) await t.ok('participants.add', { exchangeId: id, name: p, email: `${p.toLowerCase()}@example.com` });
  for (const p of ['Grandma', 'Opa', 'Tim']) await t.ok('participants.add', { exchangeId: id, name: p, delivery: 'card' });
  await t.ok('exchanges.transition', { exchangeId: id, action: 'open' });
  await t.ok('exchanges.transition', { exchangeId: id, action: 'close' });
  return id;
}
const byName = (exchangeId: number) => new Map(activeParticipants(t.deps, exchangeId).map((p) => [p.id, p.name]));
const pairNames = (exchangeId: number, pairs: ReadonlyArray<readonly [number, number]>) => {
  const names = byName(exchangeId);
  return pairs.map(([g, r]) => `${names.get(g)}>${names.get(r)}`).sort();
};

describe('pair history with people without email', () => {
  it('avoids exactly the earlier pairs, through "the last exchanges" and through "the previous exchange"', async () => {
    const first = await family('Advent', '2026-12-06T16:00', 0);
    await t.ok('exchanges.draw', { exchangeId: first });
    const earlier = pairNames(first, loadMatches(t.deps.db, first));
    const hashes = t.deps.db.sqlite.prepare('select count(distinct giver_hash) n from pair_history').get() as { n: number };
    expect(hashes.n).toBe(6);

    for (const id of [await family('Christmas', '2026-12-24T18:00', 1), await family('Boxing Day', '2026-12-26T18:00', 0, first)]) {
      const exchange = getExchange(t.deps.db, id);
      const avoided = buildProblem(t.deps, exchange, activeParticipants(t.deps, id), exchange.matchMode).history ?? [];
      expect(pairNames(id, avoided), exchange.name).toEqual(earlier);
    }
  });
});
