import type { Random } from '../random';
import { lowBit } from './bitset';
import type { Budget } from './budget';
import type { Graph } from './graph';
import type { Matching } from './matching';
import { shuffleInPlace } from './shuffle';

export interface HallSet {
  /** Side 'givers': members = givers, neighbours = every receiver they may give to. */
  side: 'givers' | 'receivers';
  members: number[];
  neighbours: number[];
}

const MAX_STARTS = 64;

/**
 * A Hall violator from a maximum, non-perfect matching (König): everything reachable by
 * alternating paths from one unmatched vertex. Tried from both sides and several start
 * vertices, then shrunk greedily; returns the smallest found.
 */
export function hallViolator(g: Graph, m: Matching, random: Random, budget: Budget): HallSet {
  const giverSide = bestFrom(g.rows, g.words, g.n, m.mate, m.owner, random, budget);
  const receiverSide = bestFrom(g.cols, g.words, g.n, m.owner, m.mate, random, budget);
  const pick = receiverSide !== null && (giverSide === null || receiverSide.length < giverSide.length);
  const start = pick ? receiverSide : giverSide;
  if (start === null) throw new Error('matching: hallViolator called on a perfect matching');
  const bits = pick ? g.cols : g.rows;
  const members = shrink(bits, g.words, g.n, start, random, budget);
  return { side: pick ? 'receivers' : 'givers', members, neighbours: neighbourhood(bits, g.words, g.n, members) };
}

/** Smallest alternating-reachable set from an unmatched vertex on the side whose rows are `bits`. */
function bestFrom(
  bits: Uint32Array,
  words: number,
  n: number,
  mate: Int32Array,
  owner: Int32Array,
  random: Random,
  budget: Budget,
): number[] | null {
  const frees: number[] = [];
  for (let u = 0; u < n; u++) if (mate[u] === -1) frees.push(u);
  shuffleInPlace(frees, random);
  let best: number[] | null = null;
  const seen = new Uint32Array(words);
  for (const u of frees.slice(0, MAX_STARTS)) {
    seen.fill(0);
    const set = [u];
    for (let head = 0; head < set.length; head++) {
      if (best !== null && set.length >= best.length) break;
      const base = set[head]! * words;
      budget.charge(words);
      for (let w = 0; w < words; w++) {
        let x = bits[base + w]! & ~seen[w]!;
        if (x === 0) continue;
        seen[w] = seen[w]! | x;
        while (x !== 0) {
          const o = owner[(w << 5) + lowBit(x)]!;
          x &= x - 1;
          if (o >= 0) set.push(o);
        }
      }
    }
    if (best === null || set.length < best.length) best = set;
    if (!budget.ok || best.length <= 2) break;
  }
  return best;
}

function neighbourhood(bits: Uint32Array, words: number, n: number, members: readonly number[]): number[] {
  const acc = new Uint32Array(words);
  for (const x of members) for (let w = 0; w < words; w++) acc[w] = acc[w]! | bits[x * words + w]!;
  const out: number[] = [];
  for (let r = 0; r < n; r++) if ((acc[r >>> 5]! >>> (r & 31)) & 1) out.push(r);
  return out;
}

/** Drops members while |N(S)| < |S| still holds: a member may go if its private neighbours keep the deficit ≥ 1. */
function shrink(
  bits: Uint32Array,
  words: number,
  n: number,
  start: readonly number[],
  random: Random,
  budget: Budget,
): number[] {
  const inSet = new Uint8Array(n);
  const count = new Int32Array(n);
  const each = (x: number, fn: (r: number) => void): void => {
    budget.charge(words);
    for (let w = 0; w < words; w++) {
      let v = bits[x * words + w]!;
      while (v !== 0) {
        fn((w << 5) + lowBit(v));
        v &= v - 1;
      }
    }
  };
  let nSize = 0;
  for (const x of start) {
    inSet[x] = 1;
    each(x, (r) => {
      if (count[r] === 0) nSize++;
      count[r] = count[r]! + 1;
    });
  }
  let size = start.length;
  const privateOf = (x: number): number => {
    let p = 0;
    each(x, (r) => {
      if (count[r] === 1) p++;
    });
    return p;
  };
  for (let changed = true; changed && budget.ok; ) {
    changed = false;
    const members = shuffleInPlace(start.filter((x) => inSet[x] === 1), random);
    const priv = new Map(members.map((x) => [x, privateOf(x)]));
    members.sort((a, b) => priv.get(b)! - priv.get(a)!);
    for (const x of members) {
      if (size <= 1 || !budget.ok) break;
      const p = privateOf(x);
      if (size - 1 - (nSize - p) < 1) continue;
      inSet[x] = 0;
      size--;
      nSize -= p;
      each(x, (r) => void (count[r] = count[r]! - 1));
      changed = true;
    }
  }
  return start.filter((x) => inSet[x] === 1);
}
