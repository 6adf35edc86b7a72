import { describe, expect, it } from 'vitest';
import { solve, type MatchingProblem, type MatchMode, type SolveOptions } from '../../../../src-main/core/matching';
import { seededRandom } from '../../../../src-main/core/random';
import { familyOfTen, localMoveClasses, sparseTwelve, sparseTwentyFour } from './hard-instances';
import { keyOf, MODES, oracle, pairsOf } from './oracle';
import { tvRatioCheck, type TvRatioReport } from './stats';

/** Draws per check; batches and their size follow from the number of valid outcomes (stats.ts). */
const DRAWS = 20_000;
/** Generous: 20 000 draws on a loaded 2-core machine; no duration is asserted. */
const SLOW = 180_000;

function validKeys(problem: MatchingProblem): { keys: string[]; all: Int32Array[] } {
  const o = oracle(problem);
  const all = o.all[problem.mode];
  return { keys: all.map((p) => keyOf(pairsOf(o, p))), all };
}

function engineCheck(problem: MatchingProblem, seed: number, extra: Partial<SolveOptions> = {}): TvRatioReport {
  const random = seededRandom(seed);
  return tvRatioCheck(
    new Set(validKeys(problem).keys),
    () => {
      const result = solve(problem, { random, ...extra });
      if (!result.ok) throw new Error(`unexpected failure ${JSON.stringify(result.reason)}`);
      return keyOf(result.assignment);
    },
    DRAWS,
  );
}

/** Half of the valid assignments (every other one) are 25 % more likely than the rest. */
function biasedCheck(problem: MatchingProblem, seed: number): TvRatioReport {
  const { keys } = validKeys(problem);
  const random = seededRandom(seed);
  return tvRatioCheck(
    new Set(keys),
    () => {
      for (;;) {
        const i = random.int(keys.length);
        if (i % 2 === 0 || random.int(5) < 4) return keys[i]!;
      }
    },
    DRAWS,
  );
}

describe('the hard instances are what they claim to be', () => {
  it('family of 10: 26 single loops that swaps and 3-rotations split into 5 classes', () => {
    const { all } = validKeys(familyOfTen('single-loop'));
    expect(all).toHaveLength(26);
    expect(localMoveClasses(all)).toBe(5);
  });

  it('sparse group of 12: exactly 3 single loops, not all connected by local moves', () => {
    const { all } = validKeys(sparseTwelve('single-loop'));
    expect(all).toHaveLength(3);
    expect(localMoveClasses(all)).toBeGreaterThan(1);
  });

  it('sparse group of 24: above subset counting, 1 388 valid draws, drawn by counting all the same', () => {
    expect(validKeys(sparseTwentyFour('any')).all).toHaveLength(1388);
    const result = solve(sparseTwentyFour('any'), { random: seededRandom(1) });
    expect(result).toMatchObject({ ok: true, method: 'exact-count' });
  });
});

describe('fairness on hard instances: TV distance at most 1.2× an exact sampler’s at the same sample size', () => {
  const cases: Array<[string, (mode: MatchMode) => MatchingProblem, readonly MatchMode[]]> = [
    ['family of 10 with three years of history', familyOfTen, MODES],
    ['sparse group of 12', sparseTwelve, ['single-loop']],
    ['sparse group of 24', sparseTwentyFour, ['any', 'no-mutual']],
  ];
  for (const [name, make, modes] of cases) {
    for (const mode of modes) {
      it(
        `${name}, ${mode}`,
        () => {
          const report = engineCheck(make(mode), 21);
          expect(report.outcomes).toBeGreaterThan(1);
          expect(report, JSON.stringify(report)).toMatchObject({ pass: true });
        },
        SLOW,
      );
    }
  }

  it('the chain alone (exact samplers off) reaches every loop of the family', () => {
    const problem = familyOfTen('single-loop');
    const valid = new Set(validKeys(problem).keys);
    const random = seededRandom(4);
    const seen = new Set<string>();
    for (let i = 0; i < 600 && seen.size < valid.size; i++) {
      const result = solve(problem, { random, rejectionSteps: 0, exactLimit: 0 });
      if (!result.ok) throw new Error(JSON.stringify(result.reason));
      expect(result.method).toBe('markov-chain');
      const key = keyOf(result.assignment);
      expect(valid.has(key)).toBe(true);
      seen.add(key);
    }
    expect(seen.size).toBe(valid.size);
  });

  it(
    'sparse group of 24, any: every pair is drawn as often as over all valid draws (within 5 standard errors)',
    () => {
      const problem = sparseTwentyFour('any');
      const o = oracle(problem);
      const exact = new Map<string, number>();
      for (const p of o.all.any) for (const [g, r] of pairsOf(o, p)) exact.set(`${g}>${r}`, (exact.get(`${g}>${r}`) ?? 0) + 1 / o.all.any.length);
      const draws = 4000;
      const seen = new Map<string, number>();
      const random = seededRandom(97);
      for (let i = 0; i < draws; i++) {
        const result = solve(problem, { random });
        if (!result.ok) throw new Error(JSON.stringify(result.reason));
        for (const [g, r] of result.assignment) seen.set(`${g}>${r}`, (seen.get(`${g}>${r}`) ?? 0) + 1 / draws);
      }
      for (const [pair, p] of exact) {
        if (p === 1) continue;
        const z = ((seen.get(pair) ?? 0) - p) / Math.sqrt((p * (1 - p)) / draws);
        expect(Math.abs(z), `${pair}: exact ${p.toFixed(3)}, drawn ${(seen.get(pair) ?? 0).toFixed(3)}`).toBeLessThan(5);
      }
    },
    SLOW,
  );

  for (const [name, make, mode] of [
    ['family of 10', familyOfTen, 'single-loop'],
    ['sparse group of 12', sparseTwelve, 'single-loop'],
  ] as const) {
    it(`control: the same check fails for a sampler biased by 25 % (${name})`, () => {
      const report = biasedCheck(make(mode), 8);
      expect(report.invalid).toBe(0);
      expect(report.pass, JSON.stringify(report)).toBe(false);
    });
  }
});
