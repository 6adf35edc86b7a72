import type { Random } from '../random';
import type { Budget } from './budget';
import { bitsOf, pickWeighted } from './exact-pick';
import { allowed, type Graph } from './graph';
import { memoized } from './memo';

/** Largest number of units (people, with must-draw chains counted once) drawn by exact counting. */
export const LOOP_COUNT_MAX = 20;

/** Must-draw chains contracted into units: a chain's people follow each other in every loop. */
export function loopUnits(g: Graph): { head: number[]; tail: number[] } {
  const head: number[] = [];
  const tail: number[] = [];
  for (let v = 0; v < g.n; v++) {
    if (g.fixedFrom[v] !== -1) continue;
    let t = v;
    while (g.fixedTo[t] !== -1) t = g.fixedTo[t]!;
    head.push(v);
    tail.push(t);
  }
  return { head, tail };
}

/**
 * Exactly uniform single loop: count the paths from unit 0 through every subset of the other units
 * (dynamic programming over subsets, O(2^k·k²)), then walk the table backwards choosing each
 * predecessor in proportion to the number of paths through it. Every loop is one path from unit 0,
 * so each is chosen with probability 1/(number of loops). 'none' proves there is no single loop;
 * null: too large or out of budget.
 */
export function sampleLoopExactly(g: Graph, random: Random, budget: Budget): Int32Array | 'none' | null {
  const { head, tail } = loopUnits(g);
  const k = head.length;
  const mate = Int32Array.from(g.fixedTo);
  if (k === 0) return mate;
  if (k > LOOP_COUNT_MAX) return null;
  if (k === 1) {
    if (!allowed(g, tail[0]!, head[0]!)) return 'none';
    mate[tail[0]!] = head[0]!;
    return mate;
  }
  const m = k - 1;
  const full = (1 << m) - 1;
  // adj[a]: units b (bit b-1) that unit a may hand over to; back[a]: may unit a close the loop to unit 0.
  const adj = new Int32Array(k);
  const back = new Uint8Array(k);
  for (let a = 0; a < k; a++) {
    for (let b = 1; b < k; b++) if (a !== b && allowed(g, tail[a]!, head[b]!)) adj[a] = adj[a]! | (1 << (b - 1));
    back[a] = allowed(g, tail[a]!, head[0]!) ? 1 : 0;
  }
  const paths = memoized('loop', `${k}:${adj.join(',')}:${back.join('')}`, (full + 1) * m, () => countPaths(adj, m, budget));
  if (paths === null) return null;
  const order: number[] = [];
  let set = full;
  let last = pickWeighted(random, m, (j) => (back[j + 1] ? paths[full * m + j]! : 0));
  if (last < 0) return 'none';
  while (last >= 0) {
    order.push(last + 1);
    const rest = set & ~(1 << last);
    if (rest === 0) break;
    const to = last;
    const prev = pickWeighted(random, m, (i) => ((rest >>> i) & 1 && (adj[i + 1]! >>> to) & 1 ? paths[rest * m + i]! : 0));
    set = rest;
    last = prev;
  }
  order.push(0);
  order.reverse();
  for (let i = 0; i < k; i++) mate[tail[order[i]!]!] = head[order[(i + 1) % k]!]!;
  return mate;
}

/** paths[S·m + j]: paths from unit 0 through exactly the units in S (bit j = unit j + 1), ending at unit j + 1. */
function countPaths(adj: Int32Array, m: number, budget: Budget): Float64Array | null {
  const full = (1 << m) - 1;
  if (!budget.charge((full + 1) * m)) return null;
  const paths = new Float64Array((full + 1) * m);
  for (const j of bitsOf(adj[0]!)) paths[(1 << j) * m + j] = 1;
  for (let s = 1; s <= full; s++) {
    for (let x = s; x !== 0; x &= x - 1) {
      const i = 31 - Math.clz32(x & -x);
      const count = paths[s * m + i]!;
      if (count === 0) continue;
      for (let y = adj[i + 1]! & ~s; y !== 0; y &= y - 1) {
        const j = 31 - Math.clz32(y & -y);
        const t = (s | (1 << j)) * m + j;
        paths[t] = paths[t]! + count;
      }
    }
    if ((s & 1023) === 0 && !budget.charge(1024 * m)) return null;
  }
  return paths;
}
