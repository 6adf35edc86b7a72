import type { Random } from '../random';
import type { Budget } from './budget';
import { allowed, type Graph } from './graph';
import type { MatchMode } from './types';

/**
 * Exact sampling: draw a uniformly random permutation (or single cycle) that honours the must-draw
 * pairs and accept it only if every pair is allowed. Aborting a draw at its first forbidden pair does
 * not change the conditional distribution, so an accepted draw is uniform over valid assignments.
 * Returns null when the budget ends first.
 */
export function rejectionSample(g: Graph, mode: MatchMode, random: Random, budget: Budget): Int32Array | null {
  return mode === 'single-loop' ? sampleLoop(g, random, budget) : samplePermutation(g, mode, random, budget);
}

function samplePermutation(g: Graph, mode: MatchMode, random: Random, budget: Budget): Int32Array | null {
  const mate = Int32Array.from(g.fixedTo);
  const givers: number[] = [];
  const pool: number[] = [];
  for (let v = 0; v < g.n; v++) {
    if (g.fixedTo[v] === -1) givers.push(v);
    if (g.fixedFrom[v] === -1) pool.push(v);
  }
  const k = givers.length;
  const rank = new Int32Array(g.n).fill(-1);
  givers.forEach((v, i) => (rank[v] = i));
  const noMutual = mode === 'no-mutual';
  while (budget.ok) {
    let i = 0;
    for (; i < k; i++) {
      const j = i + random.int(k - i);
      const r = pool[j]!;
      pool[j] = pool[i]!;
      pool[i] = r;
      const u = givers[i]!;
      mate[u] = r;
      if (!allowed(g, u, r)) break;
      if (noMutual && mate[r] === u && rank[r]! < i) break;
    }
    budget.charge(i + 1);
    if (i === k) {
      if (!noMutual || !hasFixedMutual(mate)) return mate;
      return null;
    }
  }
  return null;
}

/** Fixed (must-draw) 2-cycles make every no-mutual draw fail; callers reject them earlier. */
function hasFixedMutual(mate: Int32Array): boolean {
  for (let v = 0; v < mate.length; v++) if (mate[mate[v]!] === v) return true;
  return false;
}

/** Must-draw chains are contracted into units; a uniformly random cyclic order of units is tried. */
function sampleLoop(g: Graph, random: Random, budget: Budget): Int32Array | null {
  const heads: number[] = [];
  const tails: number[] = [];
  for (let v = 0; v < g.n; v++) {
    if (g.fixedFrom[v] !== -1) continue;
    let t = v;
    while (g.fixedTo[t] !== -1) t = g.fixedTo[t]!;
    heads.push(v);
    tails.push(t);
  }
  const k = heads.length;
  const mate = Int32Array.from(g.fixedTo);
  if (k === 0) return mate;
  const order = Int32Array.from({ length: k }, (_, i) => i);
  while (budget.ok) {
    let cur = 0;
    let pos = 1;
    for (; pos < k; pos++) {
      const j = pos + random.int(k - pos);
      const next = order[j]!;
      order[j] = order[pos]!;
      order[pos] = next;
      if (!allowed(g, tails[cur]!, heads[next]!)) break;
      mate[tails[cur]!] = heads[next]!;
      cur = next;
    }
    budget.charge(pos);
    if (pos === k && allowed(g, tails[cur]!, heads[0]!)) {
      mate[tails[cur]!] = heads[0]!;
      return mate;
    }
  }
  return null;
}
