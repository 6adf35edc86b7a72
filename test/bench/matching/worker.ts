/**
 * Benchmark worker (child process): reads one JSON job per line on stdin, answers on stdout.
 * The parent kills it when a job takes longer than its hard limit.
 */
import { createInterface } from 'node:readline';
import type { MatchMode } from '../../../src-main/core/matching';
import { cryptoRandom, seededRandom } from '../../../src-main/core/random';
import { allowedOf, reasonHolds, violation, type Allowed } from './check';
import { prepare, type EngineName } from './engines';
import { fairness } from './fairness';
import { makeInstance, type Instance, type InstanceKind } from './instances';

export type Job =
  | { type: 'run'; id: number; engine: EngineName; kind: InstanceKind; n: number; seed: number; mode: MatchMode }
  | { type: 'fair'; id: number; engine: EngineName; mode: MatchMode; draws: number };

export interface RunResult {
  outcome: 'assignment' | 'impossible';
  ms: number;
  violation: string;
  reason: string;
  reasonHolds: boolean | null;
}

let cached: { key: string; inst: Instance; allowed: Allowed } | null = null;

function instance(kind: InstanceKind, n: number, seed: number): { inst: Instance; allowed: Allowed } {
  const key = `${kind}/${n}/${seed}`;
  if (cached?.key !== key) {
    cached = null;
    const inst = makeInstance(kind, n, seed);
    cached = { key, inst, allowed: allowedOf(inst) };
  }
  return cached;
}

const send = (message: unknown): void => void process.stdout.write(`${JSON.stringify(message)}\n`);

function handle(job: Job): void {
  if (job.type === 'fair') {
    send({ id: job.id, phase: 'built' });
    send({ id: job.id, result: fairness(job.engine, job.mode, job.draws, seededRandom(job.id)) });
    return;
  }
  const { inst, allowed } = instance(job.kind, job.n, job.seed);
  const call = prepare(job.engine, inst, allowed, job.mode, cryptoRandom());
  send({ id: job.id, phase: 'built' });
  const out = call();
  const result: RunResult =
    out.kind === 'assignment'
      ? { outcome: 'assignment', ms: out.ms, violation: violation(allowed, out.mate, job.mode), reason: '', reasonHolds: null }
      : {
          outcome: 'impossible',
          ms: out.ms,
          violation: '',
          reason: out.reason?.kind ?? out.text,
          reasonHolds: out.reason === null ? null : reasonHolds(allowed, out.reason),
        };
  send({ id: job.id, result });
}

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== '') handle(JSON.parse(line) as Job);
});
