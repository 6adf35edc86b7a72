import type { Random } from '../random';
import type { Budget } from './budget';
import { bitsOf, pickWeighted } from './exact-pick';
import { allowed, type Graph } from './graph';
import { memoized } from './memo';

/** Largest group drawn by exact counting in no-mutual mode (the cost grows as 3^n). */
export const MUTUAL_FREE_COUNT_MAX = 14;

/**
 * Exactly uniform assignment without 2-cycles: such an assignment is a set of disjoint loops of at
 * least 3 people. loops[C] counts the single loops on each subset C (paths from C's lowest member,
 * by dynamic programming over subsets); covers[S] = Σ loops[C]·covers[S∖C] over the subsets C
 * holding S's lowest member. Sampling picks the loop through the lowest person in proportion to
 * the covers it leaves, then a uniform loop on it, and repeats. 'none' proves there is no such draw.
 */
export function sampleMutualFreeExactly(g: Graph, random: Random, budget: Budget): Int32Array | 'none' | null {
  const n = g.n;
  if (n > MUTUAL_FREE_COUNT_MAX) return null;
  const out = new Int32Array(n);
  for (let v = 0; v < n; v++) for (let r = 0; r < n; r++) if (allowed(g, v, r)) out[v] = out[v]! | (1 << r);
  const size = 1 << n;
  const tables = memoized('mutual-free', out.join(','), size * n, () => countLoops(out, n, budget));
  if (tables === null) return null;
  const { paths, loops, covers } = tables;
  if (covers[size - 1] === 0) return 'none';
  const mate = new Int32Array(n).fill(-1);
  for (let set = size - 1; set !== 0;) {
    const low = set & -set;
    const rest = set ^ low;
    const subs: number[] = [];
    for (let sub = rest; ; sub = (sub - 1) & rest) {
      subs.push(sub | low);
      if (sub === 0) break;
    }
    const c = subs[pickWeighted(random, subs.length, (i) => loops[subs[i]!]! * covers[set ^ subs[i]!]!)]!;
    placeLoop(c, n, out, paths, random, mate);
    set ^= c;
  }
  return mate;
}

/** A uniform single loop on the members of `c`, read backwards from the path table. */
function placeLoop(c: number, n: number, out: Int32Array, paths: Float64Array, random: Random, mate: Int32Array): void {
  const s = 31 - Math.clz32(c & -c);
  const members = bitsOf(c);
  let v = members[pickWeighted(random, members.length, (i) => ((out[members[i]!]! >>> s) & 1 ? paths[c * n + members[i]!]! : 0))]!;
  mate[v] = s;
  for (let set = c; v !== s;) {
    const rest = set & ~(1 << v);
    const to = v;
    const cand = bitsOf(rest);
    v = cand[pickWeighted(random, cand.length, (i) => ((out[cand[i]!]! >>> to) & 1 ? paths[rest * n + cand[i]!]! : 0))]!;
    mate[v] = to;
    set = rest;
  }
}

interface Tables {
  paths: Float64Array;
  loops: Float64Array;
  covers: Float64Array;
}

function countLoops(out: Int32Array, n: number, budget: Budget): Tables | null {
  const size = 1 << n;
  if (!budget.charge(size * n + 3 ** n)) return null;
  const paths = new Float64Array(size * n);
  for (let s = 0; s < n; s++) paths[(1 << s) * n + s] = 1;
  const loops = new Float64Array(size);
  for (let set = 1; set < size; set++) {
    const low = set & -set;
    const s = 31 - Math.clz32(low);
    let closing = 0;
    for (const v of bitsOf(set)) {
      const count = paths[set * n + v]!;
      if (count === 0) continue;
      if ((out[v]! >>> s) & 1) closing += count;
      // Only members above the start extend the path, so each loop is counted from its lowest member once.
      for (let y = out[v]! & ~set & ~(2 * low - 1); y !== 0; y &= y - 1) {
        const u = 31 - Math.clz32(y & -y);
        const t = (set | (1 << u)) * n + u;
        paths[t] = paths[t]! + count;
      }
    }
    loops[set] = bitsOf(set).length >= 3 ? closing : 0;
  }
  const covers = new Float64Array(size);
  covers[0] = 1;
  for (let set = 1; set < size; set++) {
    const low = set & -set;
    const rest = set ^ low;
    let sum = 0;
    for (let sub = rest; ; sub = (sub - 1) & rest) {
      const c = sub | low;
      if (loops[c]! > 0) sum += loops[c]! * covers[set ^ c]!;
      if (sub === 0) break;
    }
    covers[set] = sum;
  }
  return { paths, loops, covers };
}
