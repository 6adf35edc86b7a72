import { describe, expect, it } from 'vitest';
import { solve, type MatchingProblem, type MatchMode, type SolveOptions } from '../../../../src-main/core/matching';
import { seededRandom, type Random } from '../../../../src-main/core/random';
import { allCovers, multiOracle } from './multi-oracle';
import { tvRatioCheck } from './stats';

/**
 * Fairness with 2 giftees each (docs/matching.md, "Several giftees each"): a family of six (two
 * couples, and last year's three pairs to avoid). Every valid draw is enumerated by brute force;
 * the engine's draws are compared with the exact distribution twice — over whole draws (mean TV
 * distance of batches against an exact sampler's, as in fairness-hard.test.ts) and over each
 * pair's frequency (z-score against its exact probability). A sampler that favours the draws
 * containing one pair by 25 % must fail the pair check.
 */
const DRAWS = 12_000;
/** The chain alone is slower per draw (a few ms on a busy machine): fewer draws, the same checks. */
const CHAIN_DRAWS = 6_000;
/** |z| above this for any pair fails: an exact sampler does so with probability ≈ 2·10⁻⁴ over 30 pairs. */
const Z_LIMIT = 4.5;

const family = (mode: MatchMode): MatchingProblem => ({
  participants: [1, 2, 3, 4, 5, 6],
  rules: [
    { kind: 'household', members: [1, 2] },
    { kind: 'household', members: [3, 4] },
  ],
  history: [
    [1, 3],
    [3, 5],
    [5, 1],
  ],
  mode,
  giftsPerPerson: 2,
});

/** Every valid draw as a key: the sorted pairs ('any', 'no-mutual'), or the ordered loops ('single-loop'). */
function validDraws(problem: MatchingProblem): string[] {
  const o = multiOracle(problem);
  const id = (i: number) => o.ids[i]!;
  if (problem.mode !== 'single-loop') {
    return allCovers(o, problem.mode).map((cover) =>
      cover
        .map((k) => k.split('>').map(Number))
        .map(([a, b]) => `${id(a!)}>${id(b!)}`)
        .sort()
        .join(' '),
    );
  }
  // Ordered pairs of loops through everyone that share no pair.
  const n = o.ids.length;
  const loops: string[][] = [];
  const path = [0];
  const extend = (): void => {
    const last = path[path.length - 1]!;
    if (path.length === n) {
      if (o.may(last, 0)) loops.push(path.map((v, i) => `${id(v)}>${id(path[(i + 1) % n]!)}`).sort());
      return;
    }
    for (let b = 1; b < n; b++) {
      if (path.includes(b) || !o.may(last, b)) continue;
      path.push(b);
      extend();
      path.pop();
    }
  };
  extend();
  return loops.flatMap((x) => loops.filter((y) => !y.some((p) => x.includes(p))).map((y) => `${x.join(' ')} | ${y.join(' ')}`));
}

function engineKey(problem: MatchingProblem, random: Random, extra: Partial<SolveOptions>): string {
  const result = solve(problem, { random, ...extra });
  if (!result.ok) throw new Error(`unexpected failure ${JSON.stringify(result.reason)}`);
  const rounds = [0, 1].map((j) =>
    result.assignment
      .filter((_, e) => result.slots![e] === j)
      .map(([g, r]) => `${g}>${r}`)
      .sort(),
  );
  return problem.mode === 'single-loop' ? `${rounds[0]!.join(' ')} | ${rounds[1]!.join(' ')}` : [...rounds[0]!, ...rounds[1]!].sort().join(' ');
}

/** The largest |z| over all pairs: observed count against DRAWS × the pair's exact probability. */
function worstPairZ(valid: readonly string[], sample: () => string, draws = DRAWS): number {
  const pairsOf = (key: string) => key.split(/ \| | /);
  const exact = new Map<string, number>();
  for (const key of valid) for (const p of pairsOf(key)) exact.set(p, (exact.get(p) ?? 0) + 1 / valid.length);
  const seen = new Map<string, number>();
  for (let i = 0; i < draws; i++) for (const p of pairsOf(sample())) seen.set(p, (seen.get(p) ?? 0) + 1);
  let worst = 0;
  for (const [pair, p] of exact) {
    if (p >= 1) continue; // drawn every time (a forced pair): no variance to compare
    const z = ((seen.get(pair) ?? 0) - draws * p) / Math.sqrt(draws * p * (1 - p));
    worst = Math.max(worst, Math.abs(z));
  }
  for (const pair of seen.keys()) if (!exact.has(pair)) return Infinity;
  return worst;
}

describe('fairness with 2 giftees each: a family of six, compared with the exact distribution', () => {
  for (const mode of ['any', 'no-mutual', 'single-loop'] as const) {
    for (const [path, extra, seed, draws] of [
      ['default (exact counting)', {}, 41, DRAWS],
      ['chain alone (counting off)', { exactLimit: 0 }, 42, CHAIN_DRAWS],
    ] as const) {
      it(`${mode}, ${path}: whole draws and every pair's frequency match`, () => {
        const problem = family(mode);
        const valid = validDraws(problem);
        expect(valid.length).toBeGreaterThan(1);
        const random = seededRandom(seed);
        const report = tvRatioCheck(new Set(valid), () => engineKey(problem, random, extra), draws);
        expect(report.invalid).toBe(0);
        expect(report.ratio, JSON.stringify(report)).toBeLessThanOrEqual(1.2);
        expect(worstPairZ(valid, () => engineKey(problem, random, extra), draws)).toBeLessThanOrEqual(Z_LIMIT);
      });
    }
  }

  it('a sampler that favours the draws with one pair by 25 % fails the pair check', () => {
    const valid = validDraws(family('any'));
    const favoured = valid.filter((key) => key.split(' ').includes('2>5'));
    expect(favoured.length / valid.length).toBeGreaterThan(0.2);
    expect(favoured.length / valid.length).toBeLessThan(0.8);
    const weights = valid.map((key) => (favoured.includes(key) ? 5 : 4));
    const total = weights.reduce((a, b) => a + b, 0);
    const random = seededRandom(7);
    const biased = () => {
      let x = random.int(total);
      for (let i = 0; i < valid.length; i++) if ((x -= weights[i]!) < 0) return valid[i]!;
      return valid[valid.length - 1]!;
    };
    expect(worstPairZ(valid, biased)).toBeGreaterThan(Z_LIMIT);
  });
});
