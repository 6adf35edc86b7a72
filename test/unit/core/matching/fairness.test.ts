import { describe, expect, it } from 'vitest';
import { solve, type MatchingProblem, type MatchMode, type SolveOptions } from '../../../../src-main/core/matching';
import { seededRandom } from '../../../../src-main/core/random';
import { keyOf, MODES, oracle, pairsOf } from './oracle';
import { uniformFit, type FitReport } from './stats';

const DRAWS = 20_000;

const threeCouples = (mode: MatchMode): MatchingProblem => ({
  participants: [1, 2, 3, 4, 5, 6],
  rules: [
    { kind: 'household', members: [1, 2] },
    { kind: 'household', members: [3, 4] },
    { kind: 'household', members: [5, 6] },
  ],
  mode,
});

/** Seven people, two households, and last year's loop to avoid. */
const sevenWithHistory = (mode: MatchMode): MatchingProblem => ({
  participants: [10, 11, 12, 13, 14, 15, 16],
  rules: [
    { kind: 'household', members: [10, 11, 12] },
    { kind: 'household', members: [13, 14] },
    ...[
      [10, 13],
      [13, 15],
      [15, 11],
      [11, 16],
      [16, 12],
      [12, 14],
      [14, 10],
    ].map(([giver, receiver]) => ({ kind: 'avoid-history' as const, giver: giver!, receiver: receiver! })),
  ],
  mode,
});

function fit(problem: MatchingProblem, sample: () => Array<[number, number]>): FitReport {
  const o = oracle(problem);
  const valid = new Set(o.all[problem.mode].map((p) => keyOf(pairsOf(o, p))));
  const counts = new Map<string, number>();
  for (let i = 0; i < DRAWS; i++) {
    const key = keyOf(sample());
    expect(valid.has(key)).toBe(true);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return uniformFit(counts, valid.size, DRAWS);
}

function engineFit(problem: MatchingProblem, extra: Partial<SolveOptions>, seed: number): FitReport {
  const random = seededRandom(seed);
  return fit(problem, () => {
    const result = solve(problem, { random, ...extra });
    if (!result.ok) throw new Error(`unexpected failure ${JSON.stringify(result.reason)}`);
    return result.assignment;
  });
}

describe('fairness: every valid assignment equally likely (20 000 draws, enumerated instances)', () => {
  for (const [name, make] of [
    ['3 couples', threeCouples],
    ['7 people, households and last year', sevenWithHistory],
  ] as const) {
    for (const mode of MODES) {
      it(`${name}, ${mode}: default engine`, () => {
        const report = engineFit(make(mode), {}, 7);
        expect(report.outcomes).toBeGreaterThan(1);
        expect(report, JSON.stringify(report)).toMatchObject({ pass: true });
      });
    }
  }

  // The construction + Markov-chain path on its own (exact rejection switched off).
  for (const mode of MODES) {
    it(`7 people, ${mode}: matching + mixing chain only`, () => {
      const report = engineFit(sevenWithHistory(mode), { rejectionSteps: 0, exactLimit: 0 }, 11);
      expect(report, JSON.stringify(report)).toMatchObject({ pass: true });
    });
  }

  it('the same check rejects a deliberately biased sampler', () => {
    const problem = sevenWithHistory('any');
    const o = oracle(problem);
    const all = o.all.any.map((p) => pairsOf(o, p));
    const random = seededRandom(3);
    // Half of the assignments are 20 % more likely than the other half.
    const report = fit(problem, () => {
      for (;;) {
        const i = random.int(all.length);
        if (i % 2 === 0 || random.int(6) < 5) return all[i]!;
      }
    });
    expect(report.pass).toBe(false);
  });

  it('the same check rejects construction without mixing (greedy matching bias)', () => {
    const report = engineFit(sevenWithHistory('any'), { rejectionSteps: 0, exactLimit: 0, mixing: 0 }, 5);
    expect(report.pass).toBe(false);
  });
});
