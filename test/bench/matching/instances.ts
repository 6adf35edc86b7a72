import type { MatchingProblem, MatchingRule, MatchMode } from '../../../src-main/core/matching';

/**
 * Seeded benchmark instances in an engine-neutral form. Person i is called `p${i}`; exclusions are
 * one-way (giver → receiver). Everything is regenerated from (kind, n, seed) in each child process.
 */
export type InstanceKind = 'open' | 'excl10' | 'excl50' | 'excl90' | 'households' | 'households+history' | 'big-household' | 'two-halves';

export const FEASIBLE_KINDS: readonly InstanceKind[] = ['open', 'excl10', 'excl50', 'excl90', 'households', 'households+history'];
export const INFEASIBLE_KINDS: readonly InstanceKind[] = ['big-household', 'two-halves'];

export interface Instance {
  kind: InstanceKind;
  n: number;
  seed: number;
  /** Household label per person, or -1. */
  household: Int32Array;
  /** Excluded receivers per giver (one-way), generated on first use and kept. */
  excluded(giver: number): Int32Array;
  /** Last year's receiver per giver (to avoid), or null. */
  history: Int32Array | null;
  /** Total number of one-way exclusions (without households). */
  exclusionCount: number;
}

/** xorshift32 for instance generation only (the engine gets its randomness from Random). */
export function xorshift(seed: number): () => number {
  let s = (seed ^ 0x9e3779b9) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

export function makeInstance(kind: InstanceKind, n: number, seed: number): Instance {
  const household = new Int32Array(n).fill(-1);
  let history: Int32Array | null = null;
  const p = kind === 'excl10' ? 0.1 : kind === 'excl50' ? 0.5 : kind === 'excl90' ? 0.9 : 0;
  const rnd = xorshift(seed * 7919 + n);
  if (kind === 'households' || kind === 'households+history') {
    let label = 0;
    for (let i = 0; i < n;) {
      const size = 2 + Math.floor(rnd() * 5);
      for (let k = 0; k < size && i < n; k++) household[i++] = label;
      label++;
    }
  }
  if (kind === 'households+history') history = lastYear(n, rnd);
  if (kind === 'big-household') {
    const size = Math.floor(n / 2) + 1;
    for (let i = 0; i < size; i++) household[i] = 0;
  }
  const half = Math.floor(n / 2);
  const secondHalf = Int32Array.from({ length: n - half }, (_, k) => half + k);
  const empty = new Int32Array(0);
  const rows: Array<Int32Array | undefined> = [];
  const excluded = (g: number): Int32Array => {
    if (kind === 'two-halves') return g < half ? secondHalf : empty;
    if (p === 0) return empty;
    const known = rows[g];
    if (known !== undefined) return known;
    const r = xorshift(seed * 1_000_003 + g * 31 + n);
    const out: number[] = [];
    for (let j = 0; j < n; j++) if (j !== g && r() < p) out.push(j);
    return (rows[g] = Int32Array.from(out));
  };
  const exclusionCount = kind === 'two-halves' ? half * (n - half) : Math.round(p * n * (n - 1));
  return { kind, n, seed, household, excluded, history, exclusionCount };
}

/** Last year's draw: a random single loop (only its pairs matter here, as one-way exclusions). */
function lastYear(n: number, rnd: () => number): Int32Array {
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[perm[i]!] = perm[(i + 1) % n]!;
  return out;
}

/** The instance as this engine's problem. Large exclusion sets use the bulk rule. */
export function toProblem(inst: Instance, mode: MatchMode): MatchingProblem {
  const participants = Array.from({ length: inst.n }, (_, i) => i);
  const rules: MatchingRule[] = [];
  const groups = new Map<number, number[]>();
  inst.household.forEach((h, i) => {
    if (h >= 0) groups.set(h, [...(groups.get(h) ?? []), i]);
  });
  for (const members of groups.values()) rules.push({ kind: 'household', members });
  const bulk = inst.exclusionCount > 1_000_000;
  for (let g = 0; g < inst.n; g++) {
    const ex = inst.excluded(g);
    if (ex.length === 0) continue;
    if (bulk) rules.push({ kind: 'exclude-many', giver: g, receivers: ex });
    else for (const r of ex) rules.push({ kind: 'exclude', giver: g, receiver: r });
  }
  if (inst.history !== null) inst.history.forEach((r, g) => rules.push({ kind: 'avoid-history', giver: g, receiver: r }));
  return { participants, rules, mode };
}
