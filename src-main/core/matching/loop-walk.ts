import type { Random } from '../random';
import type { Adjacency } from './adjacency';
import type { Budget } from './budget';
import type { Graph } from './graph';

/**
 * Rotation–extension for directed groups (Pósa's idea without reversing anything): the state is a
 * path plus disjoint loops holding everyone else. The path's end v takes a random allowed receiver w:
 * - w sits on a loop: the loop is opened at w and appended (w, its receiver, …, w's giver), so the
 *   path grows by the whole loop;
 * - w is on the path (not the start): the stretch from w to v is closed into a loop (v → w) and w's
 *   former giver becomes the end — the path shrinks, nobody is lost, and the end moves somewhere new;
 * - w is the start and the path holds everyone: a single loop.
 * Starts from the loops of a cover, restarts from a fresh one with doubling walk lengths. Finds loops
 * on sparse groups where cycle patching and plain depth-first search fail; it can never prove that
 * no loop exists (the caller's exhaustive search does that for small groups).
 */
export function walkToLoop(g: Graph, adj: Adjacency, cover: Int32Array, random: Random, budget: Budget, maxLength: number): Int32Array | null {
  const n = g.n;
  const path = new Int32Array(n);
  const pos = new Int32Array(n);
  const next = new Int32Array(n);
  const onLoop = new Uint8Array(n);
  let length = 0;
  const append = (v: number): void => {
    pos[v] = length;
    path[length++] = v;
    onLoop[v] = 0;
  };
  // The path starts as the cover's loop through a random person, opened there.
  next.set(cover);
  onLoop.fill(1);
  pos.fill(-1);
  const start = random.int(n);
  for (let v = start; onLoop[v]; v = next[v]!) append(v);
  const { outStart, out } = adj;
  // Work is charged as it happens: appending a loop and closing a stretch cost their length.
  let work = 0;
  for (let moves = 0; moves < maxLength; moves++) {
    if ((moves & 63) === 0) {
      if (!budget.charge(work + 64)) return null;
      work = 0;
    }
    const v = path[length - 1]!;
    const from = outStart[v]!;
    const degree = outStart[v + 1]! - from;
    let w = out[from + random.int(degree)]!;
    // Growing beats shrinking: one second look for a receiver on a loop before closing a stretch.
    if (!onLoop[w]) {
      const other = out[from + random.int(degree)]!;
      if (onLoop[other] || (pos[other] === 0 && length === n)) w = other;
    }
    if (onLoop[w]) {
      const before = length;
      for (let u = w; onLoop[u]; u = next[u]!) append(u);
      work += length - before;
      continue;
    }
    const i = pos[w]!;
    if (i === 0) {
      if (length === n) return loopFrom(path);
      continue;
    }
    for (let j = i; j < length; j++) {
      const u = path[j]!;
      next[u] = j + 1 < length ? path[j + 1]! : w;
      onLoop[u] = 1;
      pos[u] = -1;
    }
    work += length - i;
    length = i;
  }
  return null;
}

function loopFrom(path: Int32Array): Int32Array {
  const mate = new Int32Array(path.length);
  for (let i = 0; i < path.length; i++) mate[path[i]!] = path[(i + 1) % path.length]!;
  return mate;
}
