import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAW_METHODS } from '../../../src-main/contract/common';
import { getExchange } from '../../../src-main/db/repos/exchanges';
import { loadMatches } from '../../../src-main/db/repos/matches';
import { activeParticipants, buildProblem } from '../../../src-main/services/draw/problem';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

/** "Earlier exchanges" are this organizer's earlier exchanges, counted by date, not calendar years. */
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await t.ok('settings.update', { organizer: { name: 'Olga', email: 'olga@example.com' } });
});
afterEach(() => t.close());

const FAMILY = ['Ann', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay'];
const email = (name: string) => `${name.toLowerCase()}@example.com`;

async function exchangeWith(name: string, exchangeAt: string, people: string[], avoidPastExchanges = 0) {
  const id = (await t.ok('exchanges.create', exchangeInput({ name, exchangeAt, registrationDeadline: null, avoidPastExchanges }))).id;
  const ids: Record<string, number> = {};
  for (const person of people) ids[person] = (await t.ok('participants.add', { exchangeId: id, name: person, email: email(person) })).id;
  await t.ok('exchanges.transition', { exchangeId: id, action: 'open' });
  await t.ok('exchanges.transition', { exchangeId: id, action: 'close' });
  return { id, ids };
}

/** The exchange's pairs as "giver>receiver" email pairs, comparable across exchanges. */
async function emailPairs(exchangeId: number): Promise<Set<string>> {
  const emails = new Map((await t.ok('participants.list', { exchangeId })).map((p) => [p.id, p.email]));
  return new Set(loadMatches(t.deps.db, exchangeId).map(([g, r]) => `${emails.get(g)}>${emails.get(r)}`));
}

async function drawn(name: string, exchangeAt: string, people: string[]) {
  const { id } = await exchangeWith(name, exchangeAt, people);
  await t.ok('exchanges.draw', { exchangeId: id });
  return { id, pairs: await emailPairs(id) };
}

/** The pairs the next draw of this exchange avoids, as email pairs. */
function avoided(exchangeId: number): Set<string> {
  const exchange = getExchange(t.deps.db, exchangeId);
  const people = activeParticipants(t.deps, exchangeId);
  const emailOf = new Map(people.map((p) => [p.id, p.email]));
  return new Set((buildProblem(t.deps, exchange, people, exchange.matchMode).history ?? []).map(([g, r]) => `${emailOf.get(g)}>${emailOf.get(r)}`));
}

async function expectDrawsAvoid(exchangeId: number, pairs: Set<string>, rounds = 5) {
  for (let round = 0; round < rounds; round++) {
    await t.ok('exchanges.draw', { exchangeId });
    for (const pair of await emailPairs(exchangeId)) expect(pairs.has(pair)).toBe(false);
    await t.ok('exchanges.undoDraw', { exchangeId, confirm: true });
  }
}

describe('avoiding the pairs of earlier exchanges', () => {
  it('a second exchange in the same year avoids the first one’s pairs and says which exchange', async () => {
    const advent = await drawn('Advent 2026', '2026-12-06T16:00', FAMILY);
    const { id } = await exchangeWith('Family Christmas 2026', '2026-12-24T18:00', FAMILY, 1);
    expect((await t.ok('rules.get', { exchangeId: id })).avoidedExchanges).toEqual(['Advent 2026']);
    expect(avoided(id)).toEqual(advent.pairs);
    await expectDrawsAvoid(id, advent.pairs);
  });

  it('counts the last N earlier exchanges with these people, newest first; others and later ones do not count', async () => {
    const first = await drawn('Advent 2026', '2026-12-01T16:00', FAMILY);
    const second = await drawn('St Nicholas 2026', '2026-12-06T16:00', FAMILY);
    // Other people, in between: they share no pair with the family, so they use up no place.
    await drawn('Office 2026', '2026-12-10T12:00', ['Gus', 'Hal', 'Ida', 'Jo']);
    // Later than the family's Christmas: not an earlier exchange.
    await drawn('New Year 2027', '2027-01-01T12:00', FAMILY);
    const { id } = await exchangeWith('Family Christmas 2026', '2026-12-24T18:00', FAMILY, 1);

    expect((await t.ok('rules.get', { exchangeId: id })).avoidedExchanges).toEqual(['St Nicholas 2026']);
    expect(avoided(id)).toEqual(second.pairs);

    await t.ok('exchanges.update', { exchangeId: id, patch: { avoidPastExchanges: 2 } });
    expect((await t.ok('rules.get', { exchangeId: id })).avoidedExchanges).toEqual(['St Nicholas 2026', 'Advent 2026']);
    expect(avoided(id)).toEqual(new Set([...second.pairs, ...first.pairs]));

    await t.ok('exchanges.update', { exchangeId: id, patch: { avoidPastExchanges: 0 } });
    expect((await t.ok('rules.get', { exchangeId: id })).avoidedExchanges).toEqual([]);
    expect(avoided(id).size).toBe(0);
    await expect(t.ok('exchanges.update', { exchangeId: id, patch: { avoidPastExchanges: 11 } })).rejects.toThrow('At most the last 10 exchanges.');
  });

  it('still avoids a purged exchange’s pairs through the hashed history, and says what is known of it', async () => {
    const advent = await drawn('Advent 2026', '2026-12-06T16:00', FAMILY);
    await t.ok('exchanges.transition', { exchangeId: advent.id, action: 'cancel' });
    await t.ok('exchanges.delete', { exchangeId: advent.id });
    const rows = t.deps.db.sqlite.prepare('select * from pair_history').all() as Array<{ exchange_key: string; exchange_at: number }>;
    expect(rows).toHaveLength(FAMILY.length);
    expect(JSON.stringify(rows)).not.toMatch(/example|Ann|Advent/);

    const { id } = await exchangeWith('Family Christmas 2026', '2026-12-24T18:00', FAMILY, 1);
    expect((await t.ok('rules.get', { exchangeId: id })).avoidedExchanges).toEqual(['an exchange of 2026 (deleted)']);
    expect(avoided(id)).toEqual(advent.pairs);
    await expectDrawsAvoid(id, advent.pairs);
  });

  it('keeps a drawn exchange in order when its date moves', async () => {
    const advent = await drawn('Advent 2026', '2026-12-06T16:00', FAMILY);
    const { id } = await exchangeWith('Family Christmas 2026', '2026-12-24T18:00', FAMILY, 1);
    await t.ok('exchanges.update', { exchangeId: advent.id, patch: { exchangeAt: '2026-12-30T16:00' } });
    expect((await t.ok('rules.get', { exchangeId: id })).avoidedExchanges).toEqual([]);
    await t.ok('exchanges.update', { exchangeId: advent.id, patch: { exchangeAt: '2026-12-20T16:00' } });
    expect((await t.ok('rules.get', { exchangeId: id })).avoidedExchanges).toEqual(['Advent 2026']);
  });

  it('a re-draw replaces the exchange’s own pairs in the history instead of avoiding them', async () => {
    const { id } = await exchangeWith('Family Christmas 2026', '2026-12-24T18:00', FAMILY, 3);
    await t.ok('exchanges.draw', { exchangeId: id });
    expect(avoided(id).size).toBe(0);
    await t.ok('exchanges.redraw', { exchangeId: id, confirm: true });
    const count = t.deps.db.sqlite.prepare('select count(*) n from pair_history').get() as { n: number };
    expect(count.n).toBe(FAMILY.length);
  });
});

describe('a must-draw pair over history', () => {
  it('year 2 draws Grandma → Baby again although last exchange’s pairs are avoided, and says so', async () => {
    const people = ['Grandma', 'Baby', 'Mum', 'Dad', 'Uncle'];
    t.clock.set('2025-11-01T09:00:00Z');
    const year1 = await exchangeWith('Family 2025', '2025-12-24T18:00', people);
    await t.ok('rules.addMustDraw', { exchangeId: year1.id, giverId: year1.ids.Grandma!, receiverId: year1.ids.Baby! });
    const first = await t.ok('exchanges.draw', { exchangeId: year1.id });
    expect(first.notes).toEqual([]);
    expect(new Map(loadMatches(t.deps.db, year1.id)).get(year1.ids.Grandma!)).toBe(year1.ids.Baby);

    t.clock.set('2026-11-01T09:00:00Z');
    const year2 = await exchangeWith('Family 2026', '2026-12-24T18:00', people, 1);
    await t.ok('rules.addMustDraw', { exchangeId: year2.id, giverId: year2.ids.Grandma!, receiverId: year2.ids.Baby! });
    expect((await t.ok('rules.get', { exchangeId: year2.id })).avoidedExchanges).toEqual(['Family 2025']);
    expect(await t.ok('draw.check', { exchangeId: year2.id })).toMatchObject({ feasible: true });
    const second = await t.ok('exchanges.draw', { exchangeId: year2.id });
    expect(new Map(loadMatches(t.deps.db, year2.id)).get(year2.ids.Grandma!)).toBe(year2.ids.Baby);
    expect(second.notes).toEqual(['Grandma gives to Baby again, as you asked, although they were paired before.']);
    // Every other pair of last year is still avoided.
    const last = await emailPairs(year1.id);
    for (const pair of await emailPairs(year2.id)) if (pair !== `${email('Grandma')}>${email('Baby')}`) expect(last.has(pair)).toBe(false);
  });
});

describe('the draw method', () => {
  it('is stored with the draw, shown in the exchange view, and cleared by undo', async () => {
    const { id } = await exchangeWith('Family Christmas 2026', '2026-12-24T18:00', FAMILY);
    expect((await t.ok('exchanges.get', { exchangeId: id })).drawMethod).toBeNull();
    const result = await t.ok('exchanges.draw', { exchangeId: id });
    expect(DRAW_METHODS).toContain(result.method);
    expect(result.exchange.drawMethod).toBe(result.method);
    expect((await t.ok('exchanges.get', { exchangeId: id })).drawMethod).toBe(result.method);
    await t.ok('exchanges.undoDraw', { exchangeId: id, confirm: true });
    expect((await t.ok('exchanges.get', { exchangeId: id })).drawMethod).toBeNull();
  });
});
