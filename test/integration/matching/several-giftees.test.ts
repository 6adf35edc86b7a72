import { afterEach, describe, expect, it } from 'vitest';
import { validateAssignment } from '../../../src-main/core/matching';
import { loadMatchRounds } from '../../../src-main/db/repos/matches';
import { participantWorld, type World } from '../../support/participant-world';

let w: World;
afterEach(() => w.close());

const rounds = () => loadMatchRounds(w.t.deps.db, w.exchangeId);
const problemOf = (ids: Record<string, number>, without: string[] = []) => ({
  participants: Object.entries(ids)
    .filter(([name]) => !without.includes(name))
    .map(([, id]) => id),
  rules: [{ kind: 'household' as const, members: [ids.Ann!, ids.Bob!] }],
  mode: 'no-mutual' as const,
  giftsPerPerson: 2,
});

describe('two giftees each', () => {
  it('draws 2 giftees per person, tells each giver both names and ideas by email and on their page, and mends a withdrawal', async () => {
    w = await participantWorld({ exchange: { matchMode: 'no-mutual', giftsPerPerson: 2 } });
    const ids = await w.add(['Ann', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay', 'Gus']);
    await w.t.ok('rules.createHousehold', { exchangeId: w.exchangeId, name: 'Millers', memberIds: [ids.Ann!, ids.Bob!] });
    await w.closeAndDraw();

    const drawn = rounds();
    expect(drawn.pairs).toHaveLength(14);
    expect(validateAssignment(problemOf(ids), drawn.pairs, drawn.slots)).toEqual([]);
    // One match email per person, not one per pair.
    expect(w.outbox('match').map((m) => m.to_address)).toHaveLength(7);

    const annGiftees = drawn.pairs.filter(([g]) => g === ids.Ann).map(([, r]) => Object.keys(ids).find((name) => ids[name] === r)!);
    expect(annGiftees).toHaveLength(2);
    const annMail = w.outbox('match').find((m) => m.to_address === 'ann@example.com')!;
    const rendered = await w.t.ok('outbox.get', { id: annMail.id, showPrivate: true, confirm: true });
    expect(rendered.text).toMatch(new RegExp(`Your giftees:\\s+${annGiftees[0]} and ${annGiftees[1]}\\n`));
    for (const name of annGiftees) expect(rendered.text).toContain(`Ideas of ${name}`);

    const ann = await w.signIn('ann@example.com');
    const page = (await ann.get('/me')).text;
    expect(page).toContain('Your giftees:');
    for (const name of annGiftees) {
      expect(page).toContain(`<strong>${name}</strong>`);
      expect(page).toContain(`Ideas of ${name}`);
    }

    // Cy leaves: Cy's two givers get new giftees, everyone else keeps theirs.
    const giversOfCy = drawn.pairs.filter(([, r]) => r === ids.Cy).map(([g]) => g);
    const removed = await w.t.ok('participants.remove', { participantId: ids.Cy! });
    const after = rounds();
    expect(after.pairs).toHaveLength(12);
    expect(validateAssignment(problemOf(ids, ['Cy']), after.pairs, after.slots)).toEqual([]);
    expect(removed.changedCount).toBeGreaterThanOrEqual(giversOfCy.length);
    const kept = new Set(after.pairs.map(([g, r]) => `${g}>${r}`));
    const lost = drawn.pairs.filter(([g, r]) => g !== ids.Cy && r !== ids.Cy && !kept.has(`${g}>${r}`));
    // The fewest changes: at most two more pairs broken than the two Cy leaves open.
    expect(lost.length).toBeLessThanOrEqual(2);
    expect(removed.emailsQueued).toBe(removed.changedCount);

    // Hal joins late: exactly two existing pairs make room (each of their givers now gives to Hal).
    const beforeHal = rounds();
    const hal = (await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Hal', email: 'hal@example.com', giftIdeas: 'Ideas of Hal' })).id;
    const withHal = rounds();
    const everyone = { ...ids, Hal: hal };
    expect(validateAssignment(problemOf(everyone, ['Cy']), withHal.pairs, withHal.slots)).toEqual([]);
    const stillThere = new Set(withHal.pairs.map(([g, r]) => `${g}>${r}`));
    expect(beforeHal.pairs.filter(([g, r]) => !stillThere.has(`${g}>${r}`))).toHaveLength(2);
    expect(withHal.pairs.filter(([, r]) => r === hal)).toHaveLength(2);

    // A re-draw keeps everyone valid and queues one email per person, not one per pair (no mail
    // went out in this test, so nobody was told yet and everyone hears of the new draw).
    const redrawn = await w.t.ok('exchanges.redraw', { exchangeId: w.exchangeId, confirm: true });
    const again = rounds();
    expect(validateAssignment(problemOf(everyone, ['Cy']), again.pairs, again.slots)).toEqual([]);
    expect(redrawn.emailsQueued).toBe(7);
  });

  it('refuses a limit on participants too small for the giftees asked for, and the draw check names the minimum', async () => {
    w = await participantWorld({ exchange: { matchMode: 'no-mutual', maxParticipants: 6 } });
    const refused = await w.t.call('exchanges.update', { exchangeId: w.exchangeId, patch: { giftsPerPerson: 3 } });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error.message).toBe(
        '3 giftees each without mutual pairs needs at least 7 people, but this exchange allows at most 6. Raise the limit or choose fewer giftees.',
      );
    expect((await w.t.ok('exchanges.get', { exchangeId: w.exchangeId })).giftsPerPerson).toBe(1);

    const bad = await w.t.call('exchanges.update', { exchangeId: w.exchangeId, patch: { giftsPerPerson: 4 as 3 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(JSON.stringify(bad.error)).toContain('Choose 1, 2 or 3 giftees per person.');

    await w.t.ok('exchanges.update', { exchangeId: w.exchangeId, patch: { giftsPerPerson: 2 } });
    await w.add(['Ann', 'Bob', 'Cy', 'Dee']);
    const check = await w.t.ok('draw.check', { exchangeId: w.exchangeId });
    expect(check.feasible).toBe(false);
    expect(check.reason).toContain('At least 5 people are needed for 2 giftees each');
    expect(check.feasibleModes).toEqual(['single-loop', 'any']);
  });

  it('draws a group of 120 with 2 giftees each (solved off the main thread from 100 people): valid, stored by rounds', async () => {
    w = await participantWorld({ exchange: { matchMode: 'single-loop', giftsPerPerson: 2 } });
    const names = Array.from({ length: 120 }, (_, i) => `Person${i}`);
    const ids = await w.add(names);
    await w.closeAndDraw();
    const drawn = rounds();
    expect(drawn.pairs).toHaveLength(240);
    const problem = { participants: Object.values(ids), rules: [], mode: 'single-loop' as const, giftsPerPerson: 2 };
    expect(validateAssignment(problem, drawn.pairs, drawn.slots)).toEqual([]);
  });
});
