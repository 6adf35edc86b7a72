import { Worker } from 'node:worker_threads';
import { checkFeasibility, solve, type FeasibilityResult, type MatchingProblem, type MatchingResult } from '../../core/matching';
import { isSeeded, type Random } from '../../core/random';
import type { Logger } from '../../log';
import { workerScript } from '../common/worker-script';

/** From this many people on, the engine runs on a worker thread (below, it takes a few ms). */
export const OFF_THREAD_FROM = 2000;
/** The same with several giftees each, whose chains are slower (about 0.2 s at 300 people). */
export const OFF_THREAD_FROM_SEVERAL = 100;
/**
 * The same for a group with rules (exclusions, households, must-draw pairs, earlier pairs): above
 * the size the engine counts exactly (20), a loop may be searched for until the work budget runs
 * out, 6-7 s, although the group is small (two clans of 11 joined by one couple: no single loop).
 */
export const OFF_THREAD_WITH_RULES_FROM = 21;

/** Whether the engine may take long on this problem: then it runs on a worker thread. */
export function mayTakeLong(problem: MatchingProblem): boolean {
  const n = problem.participants.length;
  if (n >= ((problem.giftsPerPerson ?? 1) > 1 ? OFF_THREAD_FROM_SEVERAL : OFF_THREAD_FROM)) return true;
  const constrained = problem.rules.length > 0 || (problem.history?.length ?? 0) > 0;
  return constrained && n >= OFF_THREAD_WITH_RULES_FROM;
}

/** What the worker runs: a draw, or the check of which modes can be drawn (the Draw tab's). */
export type EngineJob = { kind: 'solve' } | { kind: 'check' };

function onThisThread(job: EngineJob, problem: MatchingProblem, random: Random): MatchingResult | FeasibilityResult {
  return job.kind === 'solve' ? solve(problem, { random }) : checkFeasibility(problem, { random });
}

/** Engine workers running now (a draw's or a check's): the Draw tab's checks end older ones (see check.ts). */
let enginesRunning = 0;

/** How many engine worker threads run at this moment. */
export function runningEngines(): number {
  return enginesRunning;
}

/** The reason a run given up by its caller rejects with (`signal` aborted): no fallback, no warning. */
export class EngineRunAbandoned extends Error {
  constructor() {
    super('the engine run was given up for a newer one');
  }
}

async function runEngine(job: EngineJob, problem: MatchingProblem, random: Random, log: Pick<Logger, 'warn'>, signal?: AbortSignal): Promise<MatchingResult | FeasibilityResult> {
  if (signal?.aborted) throw new EngineRunAbandoned();
  if (!mayTakeLong(problem)) return onThisThread(job, problem, random);
  const worker = workerScript(import.meta.url, 'solve-worker');
  if (!worker) {
    log.warn('draw worker not found; drawing on the main thread');
    return onThisThread(job, problem, random);
  }
  const seed = isSeeded(random) ? random.int(2 ** 32) : null;
  try {
    return await new Promise<MatchingResult | FeasibilityResult>((resolve, reject) => {
      const thread = new Worker(worker.script, { eval: worker.eval, workerData: { job: job.kind, problem, seed } });
      enginesRunning++;
      const abandon = () => {
        reject(new EngineRunAbandoned());
        void thread.terminate();
      };
      signal?.addEventListener('abort', abandon, { once: true });
      thread.once('message', (result: MatchingResult | FeasibilityResult) => {
        resolve(result);
        void thread.terminate();
      });
      thread.once('error', reject);
      thread.once('exit', (code) => {
        enginesRunning--;
        signal?.removeEventListener('abort', abandon);
        reject(new Error(`the draw worker stopped (exit code ${code})`));
      });
    });
  } catch (error) {
    if (error instanceof EngineRunAbandoned) throw error;
    log.warn('draw worker failed; drawing on the main thread', { error });
    return onThisThread(job, problem, random);
  }
}

/**
 * Solves a draw without blocking the event loop: on a worker thread for big groups and groups
 * with rules (`mayTakeLong`), with the
 * operating system's randomness there (or, with a seeded test generator, a seed drawn from it, so
 * runs stay reproducible). Small or unconstrained groups, and any failure to start the worker (a
 * packaging that cannot load it), solve on this thread: same engine, same result guarantees.
 */
export function solveOffThread(problem: MatchingProblem, random: Random, log: Pick<Logger, 'warn'>): Promise<MatchingResult> {
  return runEngine({ kind: 'solve' }, problem, random, log) as Promise<MatchingResult>;
}

/**
 * `checkFeasibility` the same way (the Draw tab asks it whenever rules change). When `signal`
 * aborts, a worker still searching is ended and this rejects with EngineRunAbandoned.
 */
export function checkOffThread(problem: MatchingProblem, random: Random, log: Pick<Logger, 'warn'>, signal?: AbortSignal): Promise<FeasibilityResult> {
  return runEngine({ kind: 'check' }, problem, random, log, signal) as Promise<FeasibilityResult>;
}
