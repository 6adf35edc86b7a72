import type { Random } from '../random';
import { lowBit, popcount } from './bitset';
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
  const members = shrink(bits, g.words, start, random, budget);
  return { side: pick ? 'receivers' : 'givers', members, neighbours: neighbourhood(bits, g.words, g.n, members) };
}

/** Smallest alternating-reachable set from an unmatched vertex on the side whose rows are `bits`. */
function bestFrom(bits: Uint32Array, words: number, n: number, mate: Int32Array, owner: Int32Array, random: Random, budget: Budget): number[] | null {
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

/**
 * Drops members while |N(S)| < |S| still holds: a member may go if the receivers only it reaches
 * ("private") keep the deficit ≥ 1. Counts are kept as "reached once" / "reached twice or more" bit
 * rows; privates computed before a batch of removals can only under-estimate, so batches are safe.
 */
function shrink(bits: Uint32Array, words: number, start: readonly number[], random: Random, budget: Budget): number[] {
  let members = shuffleInPlace([...start], random);
  const once = new Uint32Array(words);
  const twice = new Uint32Array(words);
  while (members.length > 1 && budget.charge(members.length * words)) {
    once.fill(0);
    twice.fill(0);
    for (const x of members) {
      const base = x * words;
      for (let w = 0; w < words; w++) {
        const r = bits[base + w]!;
        twice[w] = twice[w]! | (once[w]! & r);
        once[w] = once[w]! | r;
      }
    }
    let reached = 0;
    for (let w = 0; w < words; w++) reached += popcount(once[w]!);
    const privates = new Map<number, number>();
    for (const x of members) {
      let p = 0;
      for (let w = 0; w < words; w++) p += popcount(bits[x * words + w]! & once[w]! & ~twice[w]!);
      privates.set(x, p);
    }
    const order = [...members].sort((a, b) => privates.get(b)! - privates.get(a)!);
    let deficit = members.length - reached;
    const dropped = new Set<number>();
    for (const x of order) {
      const p = privates.get(x)!;
      if (deficit - 1 + p < 1 || members.length - dropped.size <= 1) continue;
      dropped.add(x);
      deficit += p - 1;
    }
    if (dropped.size === 0) break;
    members = members.filter((x) => !dropped.has(x));
  }
  return members;
}
