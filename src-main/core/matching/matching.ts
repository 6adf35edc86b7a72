import type { Random } from '../random';
import { fullRow, hasBit, lowBit } from './bitset';
import type { Budget } from './budget';
import type { Graph } from './graph';
import { shuffleInPlace } from './shuffle';

/** A (partial) assignment: mate[giver] = receiver, owner[receiver] = giver, -1 when unmatched. */
export interface Matching {
  mate: Int32Array;
  owner: Int32Array;
  size: number;
}

/**
 * Maximum bipartite matching: randomized greedy (low out-degree first) then Hopcroft–Karp phases
 * on the bit rows. Returns null when the budget runs out.
 */
export function maxMatching(g: Graph, random: Random, budget: Budget): Matching | null {
  const m = randomGreedy(g, random, budget);
  if (m === null) return null;
  return hopcroftKarp(g, m, budget) ? m : null;
}

function randomGreedy(g: Graph, random: Random, budget: Budget): Matching | null {
  const { n, words, rows } = g;
  const mate = new Int32Array(n).fill(-1);
  const owner = new Int32Array(n).fill(-1);
  const free = fullRow(n, true);
  const order = shuffleInPlace(
    Array.from({ length: n }, (_, i) => i),
    random,
  );
  order.sort((a, b) => g.outDeg[a]! - g.outDeg[b]!);
  let size = 0;
  const take = (u: number, r: number): void => {
    mate[u] = r;
    owner[r] = u;
    free[r >>> 5] = free[r >>> 5]! & ~(1 << (r & 31));
    size++;
  };
  for (const u of order) {
    const base = u * words;
    let done = false;
    for (let t = 0; t < 4 && !done; t++) {
      const r = random.int(n);
      if (hasBit(rows, base, r) && hasBit(free, 0, r)) {
        take(u, r);
        done = true;
      }
    }
    if (done) continue;
    if (!budget.charge(words)) return null;
    const start = words > 1 ? random.int(words) : 0;
    for (let k = 0; k < words && !done; k++) {
      const w = (start + k) % words;
      const bits = rows[base + w]! & free[w]!;
      if (bits !== 0) {
        take(u, (w << 5) + lowBit(bits));
        done = true;
      }
    }
  }
  return { mate, owner, size };
}

/** Completes `m` to a maximum matching in place; false if the budget ran out. */
export function hopcroftKarp(g: Graph, m: Matching, budget: Budget): boolean {
  const { n, words, rows } = g;
  const { mate, owner } = m;
  const distG = new Int32Array(n);
  const distR = new Int32Array(n);
  const avail = new Uint32Array(words);
  const queue = new Int32Array(n);
  const stackG = new Int32Array(n + 1);
  const stackW = new Int32Array(n + 1);
  const chosen = new Int32Array(n + 1);
  for (;;) {
    distG.fill(-1);
    avail.fill(0);
    let tail = 0;
    for (let u = 0; u < n; u++) {
      if (mate[u] === -1) {
        distG[u] = 0;
        queue[tail++] = u;
      }
    }
    if (tail === 0) return true;
    const frees = tail;
    let found = Infinity;
    for (let head = 0; head < tail; head++) {
      const u = queue[head]!;
      const du = distG[u]!;
      if (du > found) break;
      if (!budget.charge(words)) return false;
      const base = u * words;
      for (let w = 0; w < words; w++) {
        let bits = rows[base + w]! & ~avail[w]!;
        if (bits === 0) continue;
        avail[w] = avail[w]! | bits;
        while (bits !== 0) {
          const r = (w << 5) + lowBit(bits);
          bits &= bits - 1;
          distR[r] = du;
          const o = owner[r]!;
          if (o === -1) found = Math.min(found, du);
          else if (distG[o] === -1) {
            distG[o] = du + 1;
            queue[tail++] = o;
          }
        }
      }
    }
    if (found === Infinity) return true;
    let augmented = 0;
    for (let q = 0; q < frees; q++) {
      let sp = 0;
      stackG[0] = queue[q]!;
      stackW[0] = 0;
      while (sp >= 0) {
        const v = stackG[sp]!;
        const dv = distG[v]!;
        const base = v * words;
        let next = -1;
        let w = stackW[sp]!;
        if (w === 0 && !budget.charge(words)) return false;
        scan: for (; w < words; w++) {
          let bits = rows[base + w]! & avail[w]!;
          while (bits !== 0) {
            const bit = bits & -bits;
            bits ^= bit;
            const r = (w << 5) + lowBit(bit);
            if (distR[r] !== dv) continue;
            const o = owner[r]!;
            if (o !== -1 && (dv === found || distG[o] !== dv + 1)) continue;
            avail[w] = avail[w]! & ~bit;
            chosen[sp] = r;
            next = o;
            break scan;
          }
        }
        if (w < words && next === -1) {
          for (let i = 0; i <= sp; i++) {
            mate[stackG[i]!] = chosen[i]!;
            owner[chosen[i]!] = stackG[i]!;
          }
          augmented++;
          m.size++;
          break;
        }
        if (w >= words) {
          distG[v] = -2;
          sp--;
        } else {
          stackW[sp] = w;
          sp++;
          stackG[sp] = next;
          stackW[sp] = 0;
        }
      }
    }
    if (augmented === 0) return true;
  }
}
