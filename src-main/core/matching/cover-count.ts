import type { Random } from '../random';
import type { Budget } from './budget';
import { pickWeighted } from './exact-pick';
import { allowed, type Graph } from './graph';
import { memoized } from './memo';

/** Largest number of free givers (without a must-draw) drawn by exact counting of covers. */
export const COVER_COUNT_MAX = 22;

/**
 * Exactly uniform assignment ('any'): f[S] counts the ways to give the first |S| free givers exactly
 * the receivers in S (the permanent, by dynamic programming over subsets, O(2^k·k)); walking back
 * from the full set, the last giver takes receiver r with probability f[S∖r]/f[S]. Every valid
 * assignment is one such walk, so each has probability 1/f[all]. null: too large or out of budget.
 */
export class CoverCounter {
  readonly #g: Graph;
  readonly #givers: number[] = [];
  readonly #receivers: number[] = [];
  readonly #rowMask: Int32Array;
  readonly #ways: Float64Array;

  private constructor(g: Graph, ways: Float64Array, givers: number[], receivers: number[], rowMask: Int32Array) {
    this.#g = g;
    this.#ways = ways;
    this.#givers = givers;
    this.#receivers = receivers;
    this.#rowMask = rowMask;
  }

  static build(g: Graph, budget: Budget): CoverCounter | null {
    const givers: number[] = [];
    const receivers: number[] = [];
    for (let v = 0; v < g.n; v++) {
      if (g.fixedTo[v] === -1) givers.push(v);
      if (g.fixedFrom[v] === -1) receivers.push(v);
    }
    const k = givers.length;
    if (k > COVER_COUNT_MAX || receivers.length !== k) return null;
    const rowMask = new Int32Array(k);
    givers.forEach((v, i) => receivers.forEach((r, j) => (rowMask[i] = rowMask[i]! | (allowed(g, v, r) ? 1 << j : 0))));
    const size = 2 ** k;
    const ways = memoized('cover', rowMask.join(','), size, () => countCovers(rowMask, size, budget));
    if (ways === null) return null;
    return new CoverCounter(g, ways, givers, receivers, rowMask);
  }

  get total(): number {
    return this.#ways[this.#ways.length - 1]!;
  }

  /** One uniform valid assignment (mate[giver] = receiver); only call when `total` > 0. */
  sample(random: Random): Int32Array {
    const mate = Int32Array.from(this.#g.fixedTo);
    const k = this.#givers.length;
    let set = 2 ** k - 1;
    for (let p = k - 1; p >= 0; p--) {
      const options = this.#rowMask[p]! & set;
      const j = pickWeighted(random, k, (r) => ((options >>> r) & 1 ? this.#ways[set & ~(1 << r)]! : 0));
      mate[this.#givers[p]!] = this.#receivers[j]!;
      set &= ~(1 << j);
    }
    return mate;
  }
}

/** ways[S]: assignments of the first |S| givers to exactly the receivers in S. */
function countCovers(rowMask: Int32Array, size: number, budget: Budget): Float64Array | null {
  if (!budget.charge(size)) return null;
  const ways = new Float64Array(size);
  ways[0] = 1;
  for (let s = 0; s < size - 1; s++) {
    const w = ways[s]!;
    if (w === 0) continue;
    let p = 0;
    for (let x = s; x !== 0; x &= x - 1) p++;
    for (let y = rowMask[p]! & ~s; y !== 0; y &= y - 1) {
      const t = s | (y & -y);
      ways[t] = ways[t]! + w;
    }
    if ((s & 4095) === 0 && !budget.charge(4096)) return null;
  }
  return ways;
}
