import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFeasibility, describeReason, solve, validateAssignment, type InfeasibleReason, type MatchingProblem } from '../../../../src-main/core/matching';
import { seededRandom } from '../../../../src-main/core/random';
import { arbitraryMultiProblem, multiOracle, oracleFeasible } from './multi-oracle';

/** What the reason claims, checked against the oracle's "who may give to whom". */
function checkReason(problem: MatchingProblem, reason: InfeasibleReason): void {
  const o = multiOracle(problem);
  const k = o.k;
  const sentence = describeReason(reason, (id) => `P${id}`);
  expect(sentence).toMatch(/^[A-Z].*\.$/);
  expect(sentence).not.toMatch(/undefined|NaN|\?/);
  switch (reason.kind) {
    case 'too-few':
      expect(problem.participants.length).toBeLessThan(reason.minimum ?? 2);
      break;
    case 'hall': {
      if (k === 1) break;
      // Those givers may give only to the people listed, who can take fewer giftees than they need.
      const givers = reason.givers.map((id) => o.ids.indexOf(id));
      const listed = new Set(reason.receivers.map((id) => o.ids.indexOf(id)));
      for (const a of givers) for (let b = 0; b < o.ids.length; b++) if (o.may(a, b) && !o.must.some(([g, r]) => g === a && r === b)) expect(listed.has(b)).toBe(true);
      expect(reason.gifts!.need).toBeGreaterThan(reason.gifts!.capacity);
      break;
    }
    case 'must-draw-conflict':
      expect(reason.participantIds.length).toBeGreaterThan(0);
      break;
    case 'budget-exhausted':
      throw new Error('a small group must be settled, not given up on');
    case 'no-single-loop':
      expect(reason.groups.flat().length).toBeGreaterThan(0);
      break;
    default:
      expect(sentence).toContain('P');
  }
}

// Fixed seeds: the brute force's cost varies a lot between groups (an impossible set of three
// loops through 7 people is checked against every triple of loops), so every run checks the same
// groups and takes the same time; change the seed to explore others.
describe('several giftees each, against brute force (n ≤ 8, k ≤ 3)', () => {
  it('every draw is valid, and a draw is impossible exactly when brute force finds none, with a reason that holds', () => {
    fc.assert(
      fc.property(arbitraryMultiProblem(8), fc.integer(), (problem, seed) => {
        const result = solve(problem, { random: seededRandom(seed) });
        const feasible = oracleFeasible(problem);
        if (!result.ok) checkReason(problem, result.reason);
        expect(result.ok).toBe(feasible);
        if (!result.ok) return;
        expect(validateAssignment(problem, result.assignment, result.slots)).toEqual([]);
        expect(result.assignment).toHaveLength(problem.participants.length * (problem.giftsPerPerson ?? 1));
      }),
      { numRuns: 300, seed: 20_261_206 },
    );
  });

  it('the draw check lists exactly the modes brute force can draw', () => {
    fc.assert(
      fc.property(
        arbitraryMultiProblem(7).filter((p) => (p.giftsPerPerson ?? 1) > 1),
        fc.integer(),
        (problem, seed) => {
          const check = checkFeasibility(problem, { random: seededRandom(seed) });
          const possible = (['single-loop', 'no-mutual', 'any'] as const).filter((mode) => oracleFeasible({ ...problem, mode }));
          expect(check.modes).toEqual(possible);
          expect(check.ok).toBe(possible.includes(problem.mode));
        },
      ),
      { numRuns: 100, seed: 20_261_211 },
    );
  });

  it('the chain path alone (exact counting off) still returns only valid draws', () => {
    fc.assert(
      fc.property(arbitraryMultiProblem(8), fc.integer(), (problem, seed) => {
        const result = solve(problem, { random: seededRandom(seed), exactLimit: 0 });
        if (!result.ok) {
          // Without counting, only the flow's proofs remain; a "none" that is not a give-up must be right.
          if (result.reason.kind !== 'budget-exhausted') expect(oracleFeasible(problem)).toBe(false);
          return;
        }
        expect(validateAssignment(problem, result.assignment, result.slots)).toEqual([]);
      }),
      { numRuns: 150, seed: 20_261_207 },
    );
  });
});
