import { performance } from 'node:perf_hooks';
import { solve, type MatchingProblem, type MatchingRule, type MatchMode } from '../../../src-main/core/matching';
import { cryptoRandom, seededRandom } from '../../../src-main/core/random';
import { familyOfTen, sparseTwelve } from '../../unit/core/matching/hard-instances';
import { keyOf, oracle, pairsOf } from '../../unit/core/matching/oracle';
import { TV_RATIO_LIMIT, tvRatioCheck } from '../../unit/core/matching/stats';
import { allowedOf, violation } from './check';
import { prepare, type EngineName } from './engines';
import { makeInstance } from './instances';

/**
 * "Hard families": instances built to defeat local chains and shuffle-and-retry (see
 * test/unit/core/matching/hard-instances.ts), plus sparse rings beyond exact counting. Enumerable
 * ones get the TV ratio against an exact sampler at the same sample size (stats.ts), the others
 * count draws that ended without a valid single loop.
 */
interface HardRow {
  name: string;
  mode: MatchMode;
  outcomes: string;
  tvRatio: string;
  msPerDraw: number;
  methods: string;
  failed: number;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

function ringWithChords(n: number, chords: number, seed: number): MatchingProblem {
  const random = seededRandom(seed);
  const rules: MatchingRule[] = range(n).map((g) => {
    const keep = new Set([(g + 1) % n]);
    while (keep.size < 1 + chords) {
      const r = random.int(n);
      if (r !== g) keep.add(r);
    }
    return { kind: 'exclude-many', giver: g, receivers: range(n).filter((r) => !keep.has(r)) };
  });
  return { participants: range(n), rules, mode: 'single-loop' };
}

function methodMix(methods: Map<string, number>, total: number): string {
  return [...methods].map(([m, c]) => `${m} ${Math.round((100 * c) / total)} %`).join(', ');
}

function enumerable(name: string, problem: MatchingProblem, draws: number): HardRow {
  const o = oracle(problem);
  const valid = new Set(o.all[problem.mode].map((p) => keyOf(pairsOf(o, p))));
  const random = seededRandom(17);
  const methods = new Map<string, number>();
  let failed = 0;
  const t0 = performance.now();
  const report = tvRatioCheck(
    valid,
    () => {
      const result = solve(problem, { random });
      if (!result.ok) {
        failed++;
        return 'failed';
      }
      methods.set(result.method, (methods.get(result.method) ?? 0) + 1);
      return keyOf(result.assignment);
    },
    draws,
  );
  const total = report.batches * report.drawsPerBatch;
  const ms = (performance.now() - t0) / total;
  const verdict = report.pass ? '' : ` (over ${TV_RATIO_LIMIT})`;
  return {
    name,
    mode: problem.mode,
    outcomes: String(report.outcomes),
    tvRatio: `${report.ratio.toFixed(2)}${verdict}`,
    msPerDraw: ms,
    methods: methodMix(methods, total),
    failed,
  };
}

function sparseRing(n: number, chords: number, seeds: number): HardRow {
  const methods = new Map<string, number>();
  let failed = 0;
  let ms = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const problem = ringWithChords(n, chords, seed);
    const t0 = performance.now();
    const result = solve(problem, { random: cryptoRandom() });
    ms += performance.now() - t0;
    if (!result.ok) failed++;
    else methods.set(result.method, (methods.get(result.method) ?? 0) + 1);
  }
  const name = `ring + ${chords} chord${chords > 1 ? 's' : ''} per person, n = ${n} (${seeds} seeds)`;
  return { name, mode: 'single-loop', outcomes: 'not enumerable', tvRatio: '–', msPerDraw: ms / seeds, methods: methodMix(methods, seeds), failed };
}

/** The table, and how many draws failed on instances that always have a single loop. */
export function hardFamilies(quick: boolean): { text: string; failures: number } {
  const draws = quick ? 4_000 : 20_000;
  const rows: HardRow[] = [
    ...(['single-loop', 'no-mutual', 'any'] as const).map((m) => enumerable('family of 10, households 4/4/2, 3 years of history', familyOfTen(m), draws)),
    enumerable('sparse group of 12 (3 single loops)', sparseTwelve('single-loop'), draws),
    sparseRing(300, 4, quick ? 2 : 10),
    sparseRing(1000, 4, quick ? 1 : 10),
    ...(quick ? [] : [sparseRing(400, 1, 5)]),
  ];
  const lines = [
    `#### hard families (${draws} draws per enumerable instance; TV ratio = mean TV distance / an exact sampler's expected TV at the same batch size, limit ${TV_RATIO_LIMIT})`,
    '',
    '| instance | mode | valid draws | TV ratio | time per draw | method | failed draws |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${r.mode} | ${r.outcomes} | ${r.tvRatio} | ${r.msPerDraw.toFixed(2)} ms | ${r.methods} | ${r.failed} |`),
    '',
  ];
  return { text: lines.join('\n'), failures: rows.reduce((sum, r) => sum + r.failed, 0) };
}

/** Median time of a single-loop draw on n = 10 000 in households of 2–6, this engine against gift-exchange. */
export function householdsRatio(quick: boolean): string {
  const n = 10_000;
  const reps = quick ? 3 : 9;
  const times = (engine: EngineName): { median: number; bad: number } => {
    const ms: number[] = [];
    let bad = 0;
    for (let seed = 1; seed <= reps; seed++) {
      const inst = makeInstance('households', n, seed);
      const allowed = allowedOf(inst);
      const out = prepare(engine, inst, allowed, 'single-loop', cryptoRandom())();
      if (out.kind !== 'assignment' || violation(allowed, out.mate, 'single-loop') !== '') bad++;
      ms.push(out.ms);
    }
    ms.sort((a, b) => a - b);
    return { median: ms[(ms.length - 1) >> 1]!, bad };
  };
  const ours = times('this');
  const peer = times('gift-exchange');
  return [
    `#### households ratio (single loop, n = ${n}, households of 2–6, ${reps} instances each, median time of the call)`,
    '',
    '| this | gift-exchange | ratio |',
    '|---|---|---|',
    `| ${ours.median.toFixed(1)} ms${ours.bad ? ` (${ours.bad} not valid)` : ''} | ${peer.median.toFixed(1)} ms${peer.bad ? ` (${peer.bad} not valid)` : ''} | ${(peer.median / ours.median).toFixed(1)}× |`,
    '',
  ].join('\n');
}
