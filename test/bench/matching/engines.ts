import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { calculate, type Exclusion, type Person } from 'gift-exchange';
import { solve, type InfeasibleReason, type MatchMode } from '../../../src-main/core/matching';
import type { Random } from '../../../src-main/core/random';
import { may, type Allowed } from './check';
import { toProblem, type Instance } from './instances';

const require = createRequire(import.meta.url);
const { hopcroftKarp } = require('hopcroft-karp') as { hopcroftKarp(graph: Record<string, string[]>): Record<string, string | null> };
const munkres = require('munkres-js') as (cost: number[][]) => Array<[number, number]>;

export type EngineName = 'this' | 'naive' | 'gift-exchange' | 'hopcroft-karp' | 'munkres-js';
export const ENGINES: readonly EngineName[] = ['this', 'naive', 'gift-exchange', 'hopcroft-karp', 'munkres-js'];

/** Which modes an engine can be asked for: the peers only produce one kind of answer. */
export function supports(engine: EngineName, mode: MatchMode): boolean {
  if (engine === 'gift-exchange') return mode === 'single-loop';
  if (engine === 'hopcroft-karp' || engine === 'munkres-js') return mode === 'any';
  return true;
}

type Answer = { kind: 'assignment'; mate: Int32Array } | { kind: 'impossible'; reason: InfeasibleReason | null; text: string };
export type Outcome = Answer & { ms: number };

/** Builds the engine's input (untimed), then returns the timed call. */
export function prepare(engine: EngineName, inst: Instance, allowed: Allowed, mode: MatchMode, random: Random): () => Outcome {
  const n = inst.n;
  const timed = (fn: () => Answer): Outcome => {
    const t0 = performance.now();
    const out = fn();
    return { ...out, ms: performance.now() - t0 };
  };
  switch (engine) {
    case 'this': {
      const problem = toProblem(inst, mode);
      return () =>
        timed(() => {
          const result = solve(problem, { random });
          if (!result.ok) return { kind: 'impossible', reason: result.reason, text: result.reason.kind };
          const mate = new Int32Array(n);
          for (const [g, r] of result.assignment) mate[g] = r;
          return { kind: 'assignment', mate };
        });
    }
    case 'naive':
      return () => timed(() => naive(allowed, mode, random));
    case 'gift-exchange': {
      // As a user would: households as groups, every other exclusion as a name → name rule.
      const people: Person[] = Array.from({ length: n }, (_, i) => (inst.household[i]! >= 0 ? { name: `p${i}`, group: `h${inst.household[i]}` } : { name: `p${i}` }));
      const exclusions: Exclusion[] = [];
      const rule = (g: number, r: number): Exclusion => ({ type: 'name', subject: `p${g}`, excludedType: 'name', excludedSubject: `p${r}` });
      for (let g = 0; g < n; g++) for (const r of inst.excluded(g)) exclusions.push(rule(g, r));
      if (inst.history !== null) inst.history.forEach((r, g) => exclusions.push(rule(g, r)));
      return () =>
        timed(() => {
          try {
            const matches = calculate(people, { exclusions });
            return { kind: 'assignment', mate: Int32Array.from(matches, (p) => Number(p.name.slice(1))) };
          } catch (e) {
            return { kind: 'impossible', reason: null, text: (e as Error).message };
          }
        });
    }
    case 'hopcroft-karp': {
      // Adjacency lists of allowed receivers, shuffled so that repeated draws differ.
      const graph: Record<string, string[]> = {};
      for (const g of shuffled(n, random)) {
        graph[`g${g}`] = shuffled(n, random)
          .filter((r) => may(allowed, g, r))
          .map((r) => `r${r}`);
      }
      return () =>
        timed(() => {
          const match = hopcroftKarp(graph);
          const mate = new Int32Array(n).fill(-1);
          for (const [g, r] of Object.entries(match)) if (r !== null) mate[Number(g.slice(1))] = Number(r.slice(1));
          if (mate.includes(-1)) return { kind: 'impossible', reason: null, text: 'no perfect matching' };
          return { kind: 'assignment', mate };
        });
    }
    case 'munkres-js': {
      // Random costs on allowed pairs (for variety), a prohibitive cost on forbidden ones.
      const big = 1e9;
      const cost = Array.from({ length: n }, (_, g) => Array.from({ length: n }, (_, r) => (may(allowed, g, r) ? random.int(1000) : big)));
      return () =>
        timed(() => {
          const mate = new Int32Array(n).fill(-1);
          for (const [g, r] of munkres(cost)) mate[g] = r;
          if (mate.some((r, g) => r < 0 || cost[g]![r]! >= big)) return { kind: 'impossible', reason: null, text: 'forbidden pair in optimum' };
          return { kind: 'assignment', mate };
        });
    }
  }
}

function shuffled(n: number, random: Random): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const NAIVE_MS = 500;

/** Shuffle and retry (bounded): a uniform permutation or single loop until one is valid; exact when it succeeds. */
export function naive(allowed: Allowed, mode: MatchMode, random: Random): Answer {
  const n = allowed.n;
  const t0 = performance.now();
  const mate = new Int32Array(n);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let tries = 1; n >= 2; tries++) {
    if ((tries & 255) === 0 && performance.now() - t0 > NAIVE_MS) break;
    let ok = true;
    if (mode === 'single-loop') {
      // Random order starting at 0: each loop arises from exactly one order.
      for (let i = 1; i < n && ok; i++) {
        const j = i + random.int(n - i);
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
        ok = may(allowed, pool[i - 1]!, pool[i]!);
      }
      ok &&= may(allowed, pool[n - 1]!, pool[0]!);
      if (ok) for (let i = 0; i < n; i++) mate[pool[i]!] = pool[(i + 1) % n]!;
    } else {
      for (let i = 0; i < n && ok; i++) {
        const j = i + random.int(n - i);
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
        mate[i] = pool[i]!;
        ok = may(allowed, i, pool[i]!) && !(mode === 'no-mutual' && pool[i]! < i && mate[pool[i]!] === i);
      }
    }
    if (ok) return { kind: 'assignment', mate };
  }
  return { kind: 'impossible', reason: null, text: 'gave up' };
}
