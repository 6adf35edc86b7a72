import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFeasibility, describeReason, solve, validateAssignment, type InfeasibleReason, type MatchingProblem, type SolveOptions } from '../../../../src-main/core/matching';
import { seededRandom } from '../../../../src-main/core/random';
import { arbitraryProblem, MODES, oracle, type Oracle } from './oracle';

/** Checks an "impossible" answer against brute force and, where it carries one, its certificate. */
function expectSoundReason(problem: MatchingProblem, o: Oracle, reason: InfeasibleReason): void {
  expect(o.all[problem.mode]).toHaveLength(0);
  expect(reason.kind).not.toBe('budget-exhausted');
  const ids = new Set(o.ids);
  switch (reason.kind) {
    case 'too-few':
      expect(o.ids.length).toBeLessThan(reason.minimum ?? 2);
      break;
    case 'nobody-to-give-to':
      expect(o.ids.filter((r) => o.may(reason.giver, r))).toEqual([]);
      break;
    case 'nobody-to-receive-from':
      expect(o.ids.filter((g) => o.may(g, reason.receiver))).toEqual([]);
      break;
    case 'hall': {
      const [from, to] = reason.side === 'receivers' ? [reason.receivers, reason.givers] : [reason.givers, reason.receivers];
      const reach = reason.side === 'receivers' ? o.ids.filter((g) => from.some((r) => o.may(g, r))) : o.ids.filter((r) => from.some((g) => o.may(g, r)));
      expect([...to].sort((a, b) => a - b)).toEqual(reach.sort((a, b) => a - b));
      expect(to.length).toBeLessThan(from.length);
      expect(from.every((v) => ids.has(v))).toBe(true);
      break;
    }
    case 'no-single-loop': {
      expect(problem.mode).toBe('single-loop');
      expect(reason.groups.flat().sort((a, b) => a - b)).toEqual([...o.ids].sort((a, b) => a - b));
      expect(reason.coverExists).toBe(o.all.any.length > 0);
      break;
    }
    case 'no-mutual-impossible':
      expect(problem.mode).toBe('no-mutual');
      expect(reason.participantIds.every((v) => ids.has(v))).toBe(true);
      break;
    case 'must-draw-conflict':
      expect(problem.rules.some((r) => r.kind === 'must-draw')).toBe(true);
      // The pairs named as being in the way are must-draw pairs the organizer set.
      for (const [a, b] of reason.pairs ?? []) expect(problem.rules.some((r) => r.kind === 'must-draw' && r.giver === a && r.receiver === b)).toBe(true);
      break;
    case 'budget-exhausted':
      break;
  }
  const sentence = describeReason(reason, (id) => `P${id}`);
  expect(sentence.length).toBeGreaterThan(10);
}

function expectMatchesOracle(problem: MatchingProblem, options: SolveOptions): void {
  const o = oracle(problem);
  const result = solve(problem, options);
  if (result.ok) {
    expect(validateAssignment(problem, result.assignment)).toEqual([]);
    expect(o.all[problem.mode].length).toBeGreaterThan(0);
    for (const [g, r] of result.assignment) expect(o.may(g, r)).toBe(true);
  } else {
    expectSoundReason(problem, o, result.reason);
  }
}

describe('solve against brute force (n ≤ 7)', () => {
  it('default path: valid draws, and "impossible" only when nothing exists', () => {
    fc.assert(
      fc.property(arbitraryProblem(), fc.integer(), (problem, seed) => {
        expectMatchesOracle(problem, { random: seededRandom(seed) });
      }),
      { numRuns: 4000 },
    );
  });

  it('construction path (no rejection sampling), with and without mixing', () => {
    fc.assert(
      fc.property(arbitraryProblem(2, 7), fc.integer(), fc.constantFrom(0, 1), (problem, seed, mixing) => {
        expectMatchesOracle(problem, { random: seededRandom(seed), rejectionSteps: 0, mixing });
      }),
      { numRuns: 3000 },
    );
  });

  it('checkFeasibility lists exactly the modes that have a valid assignment', () => {
    fc.assert(
      fc.property(arbitraryProblem(), fc.integer(), (problem, seed) => {
        const o = oracle(problem);
        const result = checkFeasibility(problem, { random: seededRandom(seed) });
        expect(result.modes).toEqual(MODES.filter((m) => o.all[m].length > 0));
        expect(result.ok).toBe(o.all[problem.mode].length > 0);
        if (!result.ok) expectSoundReason(problem, o, result.reason);
      }),
      { numRuns: 1500 },
    );
  });

  it('every result is a permutation without self-draws, honouring must-draw pairs', () => {
    fc.assert(
      fc.property(arbitraryProblem(2, 7), fc.integer(), (problem, seed) => {
        const result = solve(problem, { random: seededRandom(seed) });
        if (!result.ok) return;
        const givers = result.assignment.map(([g]) => g).sort((a, b) => a - b);
        const receivers = result.assignment.map(([, r]) => r).sort((a, b) => a - b);
        const everyone = [...problem.participants].sort((a, b) => a - b);
        expect(givers).toEqual(everyone);
        expect(receivers).toEqual(everyone);
        for (const [g, r] of result.assignment) expect(g).not.toBe(r);
        const drawn = new Map(result.assignment);
        for (const rule of problem.rules) {
          if (rule.kind === 'must-draw' && drawn.has(rule.giver) && drawn.has(rule.receiver)) {
            expect(drawn.get(rule.giver)).toBe(rule.receiver);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
