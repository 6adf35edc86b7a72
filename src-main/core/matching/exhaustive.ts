import { fullRow, lowBit, setBit } from './bitset';
import type { Budget } from './budget';
import type { Graph } from './graph';

export type SearchResult = { status: 'found'; mate: Map<number, number> } | { status: 'none' } | { status: 'budget' };

/**
 * Complete backtracking search on a group of people (only edges inside the group): a Hamiltonian
 * cycle ('single-loop') or a cover without 2-cycles ('no-mutual'). Exact when it finishes.
 */
export function exhaustive(g: Graph, group: readonly number[], mode: 'single-loop' | 'no-mutual', budget: Budget): SearchResult {
  const { words, rows } = g;
  const mask = fullRow(g.n, false);
  for (const v of group) setBit(mask, 0, v);
  const used = new Uint32Array(words);
  const mate = new Map<number, number>();
  const candidates = (v: number): number[] => {
    const out: number[] = [];
    for (let w = 0; w < words; w++) {
      let x = rows[v * words + w]! & mask[w]! & ~used[w]!;
      while (x !== 0) {
        out.push((w << 5) + lowBit(x));
        x &= x - 1;
      }
    }
    return out;
  };
  const toggle = (r: number): void => {
    used[r >>> 5] = used[r >>> 5]! ^ (1 << (r & 31));
  };
  let out = false;
  const k = group.length;
  if (mode === 'single-loop') {
    const start = group[0]!;
    const extend = (v: number, depth: number): boolean => {
      if (!budget.charge(1)) {
        out = true;
        return false;
      }
      if (depth === k) {
        if (((rows[v * words + (start >>> 5)]! >>> (start & 31)) & 1) === 0) return false;
        mate.set(v, start);
        return true;
      }
      for (const r of candidates(v)) {
        if (r === start) continue;
        toggle(r);
        mate.set(v, r);
        if (extend(r, depth + 1)) return true;
        toggle(r);
        if (out) return false;
      }
      return false;
    };
    toggle(start);
    const found = extend(start, 1);
    return found ? { status: 'found', mate } : out ? { status: 'budget' } : { status: 'none' };
  }
  const order = [...group].sort((a, b) => g.outDeg[a]! - g.outDeg[b]!);
  const assign = (i: number): boolean => {
    if (!budget.charge(1)) {
      out = true;
      return false;
    }
    if (i === k) return true;
    const u = order[i]!;
    for (const r of candidates(u)) {
      if (mate.get(r) === u) continue;
      toggle(r);
      mate.set(u, r);
      if (assign(i + 1)) return true;
      mate.delete(u);
      toggle(r);
      if (out) return false;
    }
    return false;
  };
  const found = assign(0);
  return found ? { status: 'found', mate } : out ? { status: 'budget' } : { status: 'none' };
}
