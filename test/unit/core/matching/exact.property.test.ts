import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve, validateAssignment, type MatchingProblem, type MatchingRule, type MatchMode } from '../../../../src-main/core/matching';
import { seededRandom } from '../../../../src-main/core/random';
import { keyOf, MODES, oracle, pairsOf } from './oracle';

/**
 * Families of 2–9 people generated directly (every generated case is checked, none skipped):
 * households, one-way exclusions, history pairs and must-draw pairs, where must-draws often repeat a
 * history pair on purpose (the must-draw wins) and ids are not contiguous.
 */
const family: fc.Arbitrary<MatchingProblem> = fc
  .record({
    n: fc.integer({ min: 2, max: 9 }),
    mode: fc.constantFrom<MatchMode>(...MODES),
    householdOf: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 9, maxLength: 9 }),
    history: fc.array(fc.tuple(fc.nat(8), fc.nat(8)), { maxLength: 12 }),
    excluded: fc.array(fc.tuple(fc.nat(8), fc.nat(8)), { maxLength: 6 }),
    must: fc.array(fc.tuple(fc.nat(8), fc.nat(8), fc.boolean()), { maxLength: 2 }),
  })
  .map(({ n, mode, householdOf, history, excluded, must }) => {
    const id = (i: number): number => 10 + 7 * (i % n);
    const participants = Array.from({ length: n }, (_, i) => id(i));
    const rules: MatchingRule[] = [];
    for (let h = 1; h <= 4; h++) {
      const members = participants.filter((_, i) => householdOf[i] === h);
      if (members.length >= 2) rules.push({ kind: 'household', members });
    }
    for (const [g, r] of excluded) rules.push({ kind: 'exclude', giver: id(g), receiver: id(r) });
    const pastPairs = history.map(([g, r]): [number, number] => [id(g), id(r)]);
    // A must-draw that repeats a history pair is the case the rule is for.
    must.forEach(([g, r, repeat], k) => {
      const pair = repeat && pastPairs.length > 0 ? pastPairs[k % pastPairs.length]! : ([id(g), id(r)] as [number, number]);
      rules.push({ kind: 'must-draw', giver: pair[0], receiver: pair[1] });
    });
    return { participants, rules, mode, history: pastPairs };
  });

describe('exact samplers against brute force (n ≤ 9, households, history, must-draw)', () => {
  it('a draw exists exactly when brute force finds one; every draw is valid, exact and reports overridden history', () => {
    let seed = 0;
    fc.assert(
      fc.property(family, (problem) => {
        const o = oracle(problem);
        const valid = new Set(o.all[problem.mode].map((p) => keyOf(pairsOf(o, p))));
        const result = solve(problem, { random: seededRandom(++seed) });
        expect(result.ok).toBe(valid.size > 0);
        if (!result.ok) return;
        expect(validateAssignment(problem, result.assignment)).toEqual([]);
        expect(valid.has(keyOf(result.assignment))).toBe(true);
        expect(['exact-rejection', 'exact-count']).toContain(result.method);
        const must = new Set(problem.rules.flatMap((r) => (r.kind === 'must-draw' ? [`${r.giver}>${r.receiver}`] : [])));
        const overridden = new Set((problem.history ?? []).map(([g, r]) => `${g}>${r}`).filter((k) => must.has(k)));
        expect(new Set(result.overriddenHistory.map(([g, r]) => `${g}>${r}`))).toEqual(overridden);
      }),
      { numRuns: 400, seed: 14 },
    );
  }, 120_000);

  it('the chain path alone (exact samplers off) also returns only valid draws, and agrees on feasibility', () => {
    let seed = 0;
    fc.assert(
      fc.property(family, (problem) => {
        const o = oracle(problem);
        const valid = new Set(o.all[problem.mode].map((p) => keyOf(pairsOf(o, p))));
        const result = solve(problem, { random: seededRandom(++seed), rejectionSteps: 0, exactLimit: 0 });
        expect(result.ok).toBe(valid.size > 0);
        if (result.ok) expect(valid.has(keyOf(result.assignment))).toBe(true);
      }),
      { numRuns: 300, seed: 15 },
    );
  }, 120_000);

  it('a must-draw that repeats last year’s pair is drawn, and the organizer is told', () => {
    const problem: MatchingProblem = {
      participants: [1, 2, 3, 4, 5],
      rules: [{ kind: 'must-draw', giver: 1, receiver: 5 }],
      mode: 'single-loop',
      history: [
        [1, 5],
        [2, 3],
      ],
    };
    const result = solve(problem, { random: seededRandom(3) });
    if (!result.ok) throw new Error(JSON.stringify(result.reason));
    expect(result.assignment).toContainEqual([1, 5]);
    expect(result.assignment).not.toContainEqual([2, 3]);
    expect(result.overriddenHistory).toEqual([[1, 5]]);
  });
});
