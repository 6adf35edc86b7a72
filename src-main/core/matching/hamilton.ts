import type { Random } from '../random';
import { adjacency, type Adjacency } from './adjacency';
import type { Budget } from './budget';
import type { Graph } from './graph';
import { forcePairs } from './forced';
import { walkToLoop } from './loop-walk';

export type LoopSearch = { status: 'found'; mate: Int32Array } | { status: 'none' } | { status: 'budget' };

/**
 * A single loop: rotation–extension walks from the cover (they find loops in sparse groups fast)
 * alternate with runs of the complete depth-first search below (better when forced pairs leave few
 * choices, and the only way to prove that no loop exists), both with doubling limits; the last
 * search run has no limit but the budget. Forced pairs are made explicit first (forced.ts).
 */
export function findLoop(whole: Graph, cover: Int32Array, random: Random, budget: Budget): LoopSearch {
  const g = forcePairs(whole);
  if (g === null) return { status: 'none' };
  const adj = adjacency(g);
  for (let limit = 8 * g.n + 256; budget.ok; limit *= 2) {
    const mate = walkToLoop(g, adj, cover, random, budget, limit);
    if (mate !== null) return { status: 'found', mate };
    const unlimited = limit > budget.remaining;
    const result = run(g, adj, random.int(g.n), random, budget, unlimited ? Infinity : limit);
    if (result !== 'limit') return result;
  }
  return { status: 'budget' };
}

/**
 * One run of a depth-first search for a single loop (Hamiltonian cycle) with the pruning that keeps
 * sparse groups tractable: every unvisited person must keep someone who can still give to them and
 * someone they can still give to; a person whom only the path's end can still reach is taken next
 * (forced move); otherwise the next person is the one with the fewest possible givers, then fewest
 * onward options, ties broken at random. A run that ends without hitting its limit or the budget is
 * complete: 'none' is then a proof.
 */
function run(g: Graph, adj: Adjacency, start: number, random: Random, budget: Budget, limit: number): LoopSearch | 'limit' {
  const { n } = g;
  const { outStart, out, inStart, into } = adj;
  const visited = new Uint8Array(n);
  // canReceive[u]: possible givers of u that are unvisited or the path's end; canGive[u]: unvisited receivers of u (or the start).
  const canReceive = Int32Array.from(g.inDeg);
  const canGive = Int32Array.from(g.outDeg);
  const path = new Int32Array(n);
  const tried: number[][] = [];
  let nodes = 0;
  let dead = false;
  const leave = (v: number, next: number, d: number): void => {
    for (let k = outStart[v]!; k < outStart[v + 1]!; k++) {
      const u = out[k]!;
      if (u === next || (visited[u] && u !== start)) continue;
      canReceive[u] = canReceive[u]! + d;
      if (canReceive[u] === 0) dead = true;
    }
  };
  const enter = (r: number, d: number): void => {
    for (let k = inStart[r]!; k < inStart[r + 1]!; k++) {
      const w = into[k]!;
      if (visited[w]) continue;
      canGive[w] = canGive[w]! + d;
      if (canGive[w] === 0) dead = true;
    }
  };
  const step = (v: number, r: number): boolean => {
    dead = false;
    leave(v, r, -1);
    visited[r] = 1;
    enter(r, -1);
    return !dead;
  };
  const undo = (v: number, r: number): void => {
    enter(r, 1);
    visited[r] = 0;
    leave(v, r, 1);
  };
  const choices = (v: number): number[] => {
    const options: number[] = [];
    for (let k = outStart[v]!; k < outStart[v + 1]!; k++) if (!visited[out[k]!]) options.push(out[k]!);
    const forced = options.filter((u) => canReceive[u] === 1);
    if (forced.length > 1) return [];
    if (forced.length === 1) return forced;
    const key = options.map((u) => (canReceive[u]! * 64 + canGive[u]!) * 4096 + random.int(4096));
    return options
      .map((u, i) => [key[i]!, u] as const)
      .sort((a, b) => b[0] - a[0])
      .map(([, u]) => u);
  };
  // The start stays a possible receiver for its givers' counts: the path's last person closes the loop to it.
  visited[start] = 1;
  path[0] = start;
  let depth = 1;
  tried.push(choices(start));
  while (depth > 0) {
    if (++nodes > limit) return 'limit';
    if (!budget.charge(8)) return { status: 'budget' };
    const v = path[depth - 1]!;
    if (depth === n) {
      if (g.rows[v * g.words + (start >>> 5)]! & (1 << (start & 31))) {
        const mate = new Int32Array(n);
        for (let i = 0; i < n; i++) mate[path[i]!] = path[(i + 1) % n]!;
        return { status: 'found', mate };
      }
    } else {
      const options = tried[depth - 1]!;
      const r = options.pop();
      if (r !== undefined) {
        if (step(v, r)) {
          path[depth++] = r;
          tried.push(choices(r));
        } else undo(v, r);
        continue;
      }
    }
    // Backtrack: the end of the path is removed.
    tried.pop();
    depth--;
    if (depth > 0) undo(path[depth - 1]!, v);
  }
  return { status: 'none' };
}
