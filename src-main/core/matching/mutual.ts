import type { Random } from '../random';
import { lowBit } from './bitset';
import type { Budget } from './budget';
import { allowed, type Graph } from './graph';

/**
 * Removes 2-cycles from a cover in place: for x↔y, find c outside the pair with x allowed to take
 * c's receiver and c allowed to take y; the swap never creates a new 2-cycle. False if stuck.
 */
export function repairMutual(g: Graph, mate: Int32Array, owner: Int32Array, random: Random, budget: Budget): boolean {
  const { n, words, rows } = g;
  for (let v = 0; v < n; v++) {
    const y = mate[v]!;
    if (mate[y] !== v) continue;
    const tryFirst = random.int(2) === 0 ? [v, y] : [y, v];
    let fixed = false;
    for (const x of tryFirst) {
      if (fixed || g.fixedTo[x] !== -1) continue;
      const partner = mate[x]!;
      if (!budget.charge(words)) return false;
      const start = random.int(words);
      for (let k = 0; k < words && !fixed; k++) {
        const w = (start + k) % words;
        let bits = rows[x * words + w]!;
        while (bits !== 0 && !fixed) {
          const r = (w << 5) + lowBit(bits);
          bits &= bits - 1;
          if (r === partner) continue;
          const c = owner[r]!;
          if (c === partner || !allowed(g, c, partner)) continue;
          mate[x] = r;
          owner[r] = x;
          mate[c] = partner;
          owner[partner] = c;
          fixed = true;
        }
      }
    }
    if (!fixed) return false;
  }
  return true;
}

export function countMutual(mate: Int32Array): number {
  let c = 0;
  for (let v = 0; v < mate.length; v++) if (mate[mate[v]!] === v && mate[v]! > v) c++;
  return c;
}
