/**
 * Matching benchmark: this engine next to a naive shuffle-and-retry baseline and the npm peers
 * gift-exchange, hopcroft-karp and munkres-js, each in a child process killed after 20 s.
 * `npm run bench:matching` (full, ~10 min) or `npm run bench:matching -- --quick` (CI smoke run).
 * Exit code 1 if this engine (or the baseline) returns an invalid draw, a wrong or unchecked
 * "impossible", hangs or crashes. The peers' failures are reported, not fatal.
 */
import { cpus, loadavg } from 'node:os';
import type { MatchMode } from '../../../src-main/core/matching';
import { ENGINES, supports, type EngineName } from './engines';
import type { FairnessResult } from './fairness';
import { hardFamilies, householdsRatio } from './hard';
import { FEASIBLE_KINDS, INFEASIBLE_KINDS, type InstanceKind } from './instances';
import { WorkerPool, type JobAnswer } from './pool';
import { fairnessTable, succeeded, table, type Cell, type RunRecord, type Truth } from './report';
import type { RunResult } from './worker';

const quick = process.argv.includes('--quick');
const LIMIT_MS = 20_000;
const NS = quick ? [10, 100] : [10, 100, 1000, 10_000];
const KINDS: InstanceKind[] = quick ? ['open', 'excl50', 'households+history', 'big-household', 'two-halves'] : [...FEASIBLE_KINDS, ...INFEASIBLE_KINDS];
const MODES: MatchMode[] = quick ? ['single-loop', 'any'] : ['single-loop', 'no-mutual', 'any'];
const REPS: Record<number, number> = quick ? { 10: 2, 100: 2 } : { 10: 5, 100: 5, 1000: 3, 10_000: 2 };
const FAIR_DRAWS = quick ? 2_000 : 20_000;
const OURS: readonly EngineName[] = ['this', 'naive'];

const cells = new Map<string, Cell>();
const cellKey = (e: EngineName, mode: MatchMode, kind: InstanceKind, n: number): string => `${e}|${mode}|${kind}|${n}`;
let nextId = 1;

const BUILD_LIMIT_MS = 30_000;

/** Other engines get fewer runs (one from n = 1000 on): they are slow there, and a hang costs 20 s. */
const repsFor = (engine: EngineName, n: number): number => (engine === 'this' ? REPS[n]! : Math.min(REPS[n]!, n < 1000 ? 3 : 1));
const SLOW_MS = LIMIT_MS / 4;

function record(seed: number, answer: JobAnswer<RunResult>): RunRecord {
  if (answer.status !== 'done') {
    return { seed, status: answer.status, ms: NaN, detail: answer.status === 'crash' ? answer.detail : '', reasonHolds: null, built: answer.built };
  }
  const r = answer.result;
  const status = r.outcome === 'impossible' ? 'impossible' : r.violation === '' ? 'valid' : 'invalid';
  return { seed, status, ms: r.ms, detail: r.violation || r.reason, reasonHolds: r.reasonHolds, built: true };
}

/** Runs instance by instance (the worker keeps the last instance), all modes on each. */
async function runEngine(engine: EngineName, pool: WorkerPool): Promise<void> {
  const modes = MODES.filter((m) => supports(engine, m));
  // Hangs of the call per mode and n across instance families: after two, that n is skipped for the rest.
  const hangsAt = new Map<string, number>();
  for (const kind of KINDS) {
    const dead = new Map<MatchMode, string>(modes.map((m) => [m, '']));
    for (const n of NS) {
      for (const mode of modes) {
        const hung = (hangsAt.get(`${mode}|${n}`) ?? 0) >= 2 ? `hung at n=${n} on 2 other instances` : '';
        cells.set(cellKey(engine, mode, kind, n), { runs: [], skipped: dead.get(mode) || hung });
      }
      for (let seed = 1; seed <= repsFor(engine, n); seed++) {
        for (const mode of modes) {
          const cell = cells.get(cellKey(engine, mode, kind, n))!;
          if (cell.skipped !== '' || cell.runs.some((r) => r.status === 'hang' || r.status === 'crash')) continue;
          const job = { type: 'run' as const, id: nextId++, engine, kind, n, seed, mode };
          const run = record(seed, await pool.run<RunResult>(job, LIMIT_MS, BUILD_LIMIT_MS));
          cell.runs.push(run);
          process.stderr.write(`${engine} ${mode} ${kind} n=${n} seed=${seed}: ${run.status} ${run.ms.toFixed(1)} ms ${run.detail}\n`);
        }
      }
      // Once a peer hangs or is slow (or the baseline gives up everywhere), larger n are not attempted.
      for (const mode of modes) {
        const cell = cells.get(cellKey(engine, mode, kind, n))!;
        if (cell.skipped !== '') dead.set(mode, cell.skipped);
        else if (cell.runs.some((r) => r.status === 'hang' || r.status === 'crash')) {
          dead.set(mode, `hung at n=${n}`);
          // Only hangs of the call itself say something about other instance families of this size.
          if (cell.runs.some((r) => r.status === 'hang' && r.built)) hangsAt.set(`${mode}|${n}`, (hangsAt.get(`${mode}|${n}`) ?? 0) + 1);
        } else if (engine === 'naive' && cell.runs.every((r) => r.detail === 'gave up')) dead.set(mode, `gave up at n=${n}`);
        else if (engine !== 'this' && cell.runs.some((r) => r.ms > SLOW_MS)) dead.set(mode, `over ${SLOW_MS / 1000} s at n=${n}`);
      }
    }
  }
}

/** Feasible when any engine produced a valid draw; infeasible when this engine's reason checks out. */
function truth(mode: MatchMode, kind: InstanceKind, n: number, seed: number): Truth {
  let result: Truth = 'unknown';
  for (const e of ENGINES) {
    const run = cells.get(cellKey(e, mode, kind, n))?.runs.find((r) => r.seed === seed);
    if (run?.status === 'valid') return 'feasible';
    if (e === 'this' && run?.status === 'impossible' && run.reasonHolds === true) result = 'infeasible';
  }
  return result;
}

async function main(): Promise<void> {
  const started = performance.now();
  const load = loadavg()[0]!.toFixed(2);
  const fair: Array<{ engine: EngineName; mode: MatchMode; result: FairnessResult | string }> = [];
  for (const engine of ENGINES) {
    const pool = new WorkerPool();
    await runEngine(engine, pool);
    for (const mode of MODES.filter((m) => supports(engine, m))) {
      const answer = await pool.run<FairnessResult>({ type: 'fair', id: nextId++, engine, mode, draws: FAIR_DRAWS }, 120_000);
      fair.push({ engine, mode, result: answer.status === 'done' ? answer.result : answer.status });
    }
    pool.close();
  }
  const rows = NS.flatMap((n) => KINDS.map((kind) => ({ n, kind })));
  const out: string[] = [
    `### Matching benchmark (${quick ? 'quick' : 'full'} run)`,
    '',
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average at start ${load}, at end ${loadavg()[0]!.toFixed(2)}. ` +
      `Cells: median time of the engine call · successes/runs (valid draw, or "impossible" on an instance that has no valid draw). ` +
      `Hard kill after ${LIMIT_MS / 1000} s per run.`,
    '',
  ];
  for (const mode of MODES) {
    const engines = ENGINES.filter((e) => supports(e, mode));
    out.push(
      table(
        mode,
        engines,
        rows,
        (e, kind, n) => cells.get(cellKey(e, mode, kind, n)),
        (kind, n, seed) => truth(mode, kind, n, seed),
      ),
    );
  }
  out.push(`#### fairness (7 people, households and last year's pairs; ${FAIR_DRAWS} draws)\n`, fairnessTable(fair));
  const hard = hardFamilies(quick);
  out.push(hard.text, householdsRatio(quick));
  let failures = hard.failures;
  if (hard.failures > 0) out.push(`FAIL hard families: ${hard.failures} draws found no single loop where one exists`);
  for (const [key, cell] of cells) {
    const [engine, mode, kind, n] = key.split('|') as [EngineName, MatchMode, InstanceKind, string];
    if (!OURS.includes(engine)) continue;
    for (const run of cell.runs) {
      const t = truth(mode, kind, Number(n), run.seed);
      const bad =
        run.status === 'invalid' ||
        run.status === 'hang' ||
        run.status === 'crash' ||
        (engine === 'this' && (run.reasonHolds === false || (run.status === 'impossible' && !succeeded(run, t) && t === 'feasible')));
      if (bad) {
        failures++;
        out.push(`FAIL ${key} seed=${run.seed}: ${run.status} ${run.detail}`);
      }
    }
  }
  out.push(`\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s; ${failures === 0 ? 'all checks passed' : `${failures} failed checks`}.`);
  console.log(out.join('\n'));
  process.exitCode = failures === 0 ? 0 : 1;
}

void main();
