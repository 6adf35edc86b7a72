import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve, spliceIn, spliceOut, validateAssignment, type MatchingProblem, type MatchingRule, type MatchMode } from '../../../../src-main/core/matching';
import { seededRandom } from '../../../../src-main/core/random';
import { allCovers, multiOracle } from './multi-oracle';

/** A family of 5–`most` with 2 giftees each: a couple or two, a few one-way exclusions. */
const family = (modes: MatchMode[], most = 8): fc.Arbitrary<MatchingProblem> =>
  fc
    .record({
      n: fc.integer({ min: 5, max: most }),
      mode: fc.constantFrom(...modes),
      couples: fc.integer({ min: 0, max: 2 }),
      exclusions: fc.array(fc.tuple(fc.nat(20), fc.nat(20)), { maxLength: 3 }),
    })
    .map(({ n, mode, couples, exclusions }) => {
      const rules: MatchingRule[] = [];
      for (let c = 0; c < couples; c++) rules.push({ kind: 'household', members: [1 + 2 * c, 2 + 2 * c] });
      for (const [a, b] of exclusions) rules.push({ kind: 'exclude', giver: 1 + (a % n), receiver: 1 + (b % n) });
      return { participants: Array.from({ length: n }, (_, i) => i + 1), rules, mode, giftsPerPerson: 2 };
    });

const keys = (pairs: ReadonlyArray<readonly [number, number]>): Set<string> => new Set(pairs.map(([a, b]) => `${a}>${b}`));
const newPairs = (after: ReadonlyArray<readonly [number, number]>, before: ReadonlyArray<readonly [number, number]>): number => {
  const old = keys(before);
  return after.filter(([a, b]) => !old.has(`${a}>${b}`)).length;
};

/** Fewest pairs not in `before`, over every valid draw of `problem` (brute force). */
function fewestNewPairs(problem: MatchingProblem, before: ReadonlyArray<readonly [number, number]>): number | null {
  const o = multiOracle(problem);
  const old = keys(before);
  let best: number | null = null;
  for (const cover of allCovers(o, problem.mode)) {
    const fresh = cover.filter((key) => {
      const [a, b] = key.split('>').map(Number) as [number, number];
      return !old.has(`${o.ids[a]}>${o.ids[b]}`);
    }).length;
    best = best === null ? fresh : Math.min(best, fresh);
  }
  return best;
}

describe('splice with 2 giftees each', () => {
  it('a withdrawal mends the draw with the fewest new pairs (brute force), still valid; only changed givers are named', () => {
    fc.assert(
      fc.property(family(['any', 'no-mutual'], 7), fc.integer(), fc.nat(), (problem, seed, pick) => {
        const random = seededRandom(seed);
        const drawn = solve(problem, { random });
        fc.pre(drawn.ok);
        if (!drawn.ok) return;
        const removed = problem.participants[pick % problem.participants.length]!;
        const after: MatchingProblem = { ...problem, participants: problem.participants.filter((p) => p !== removed) };
        const result = spliceOut(after, drawn.assignment, removed, { random }, drawn.slots);
        const best = fewestNewPairs(after, drawn.assignment);
        expect(result.ok).toBe(best !== null);
        if (!result.ok) return;
        expect(validateAssignment(after, result.assignment, result.slots)).toEqual([]);
        // Its two givers need a new giftee each: at least 2 new pairs, and no more than needed.
        if (best! <= 4) expect(newPairs(result.assignment, drawn.assignment)).toBe(best);
        const old = keys(drawn.assignment);
        const changed = [...new Set(result.assignment.filter(([a, b]) => !old.has(`${a}>${b}`)).map(([a]) => a))].sort((x, y) => x - y);
        expect(result.changedGivers).toEqual(changed);
      }),
      { numRuns: 150, maxSkipsPerRun: 1, seed: 20_261_208 },
    );
  });

  it('in single-loop mode each loop closes over the gap when allowed: only the two givers change', () => {
    fc.assert(
      fc.property(family(['single-loop']), fc.integer(), fc.nat(), (problem, seed, pick) => {
        const random = seededRandom(seed);
        const drawn = solve(problem, { random });
        fc.pre(drawn.ok);
        if (!drawn.ok) return;
        const removed = problem.participants[pick % problem.participants.length]!;
        const after: MatchingProblem = { ...problem, participants: problem.participants.filter((p) => p !== removed) };
        const result = spliceOut(after, drawn.assignment, removed, { random }, drawn.slots);
        if (!result.ok) {
          expect(result.reason.kind).not.toBe('budget-exhausted');
          return;
        }
        expect(validateAssignment(after, result.assignment, result.slots)).toEqual([]);
        const o = multiOracle(after);
        const givers = drawn.assignment.filter(([, r]) => r === removed).map(([g]) => g);
        const receivers = drawn.assignment.filter(([g]) => g === removed).map(([, r]) => r);
        // The shortcut of each loop: the giver before the gap to the receiver after it.
        const shortcuts = givers.map((g) => {
          const slot = drawn.slots![drawn.assignment.findIndex(([a, b]) => a === g && b === removed)]!;
          const r = drawn.assignment.find(([a], e) => a === removed && drawn.slots![e] === slot)![1];
          return [g, r] as const;
        });
        const allowed = shortcuts.every(([g, r]) => g !== r && o.may(o.ids.indexOf(g), o.ids.indexOf(r))) && new Set(shortcuts.map(([g, r]) => `${g}>${r}`)).size === 2;
        const untouched = !drawn.assignment.some(([a, b]) => shortcuts.some(([g, r]) => a === g && b === r));
        if (allowed && untouched) expect(result.changedGivers).toEqual([...new Set(givers)].sort((x, y) => x - y));
        expect(receivers).toHaveLength(2);
      }),
      { numRuns: 100, maxSkipsPerRun: 1, seed: 20_261_209 },
    );
  });

  it('a latecomer takes the place of exactly 2 existing pairs when that fits, in every mode', () => {
    fc.assert(
      fc.property(family(['any', 'no-mutual', 'single-loop'], 7), fc.integer(), (problem, seed) => {
        const random = seededRandom(seed);
        const before: MatchingProblem = { ...problem, participants: problem.participants.slice(0, -1) };
        const drawn = solve(before, { random });
        fc.pre(drawn.ok);
        if (!drawn.ok) return;
        const added = problem.participants[problem.participants.length - 1]!;
        const result = spliceIn(problem, drawn.assignment, added, { random }, drawn.slots);
        if (!result.ok) {
          expect(result.reason.kind).not.toBe('budget-exhausted');
          return;
        }
        expect(validateAssignment(problem, result.assignment, result.slots)).toEqual([]);
        const kept = result.assignment.filter(([a, b]) => keys(drawn.assignment).has(`${a}>${b}`)).length;
        // Insertion keeps all but 2 of the old pairs; a full re-draw only when no insertion fits.
        if (kept === drawn.assignment.length - 2) expect(result.changedGivers).toHaveLength(3);
        else if (problem.mode !== 'single-loop') expect(fewestNewPairs(problem, drawn.assignment)).toBeGreaterThan(4);
      }),
      { numRuns: 150, maxSkipsPerRun: 1, seed: 20_261_210 },
    );
  });
});
