import type { Random } from '../random';
import { lowBit } from './bitset';
import type { Budget } from './budget';
import { allowed, type Graph } from './graph';

/**
 * Joins the cycles of a cover into one loop: swapping the receivers of a and b from two different
 * cycles joins them; a 3-rotation across three cycles joins all three. Works in place; false when
 * some cycle cannot be joined this way (callers perturb the cover and retry).
 */
export function patchToLoop(g: Graph, mate: Int32Array, owner: Int32Array, random: Random, budget: Budget): boolean {
  const { n } = g;
  const parent = new Int32Array(n).fill(-1);
  const members = new Map<number, number[]>();
  for (let s = 0; s < n; s++) {
    if (parent[s] !== -1) continue;
    const list: number[] = [];
    for (let v = s; parent[v] === -1; v = mate[v]!) {
      parent[v] = s;
      list.push(v);
    }
    members.set(s, list);
  }
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const la = members.get(ra)!;
    const lb = members.get(rb)!;
    const [big, small, bigRoot, smallRoot] = la.length >= lb.length ? [la, lb, ra, rb] : [lb, la, rb, ra];
    for (const v of small) big.push(v);
    parent[smallRoot] = bigRoot;
    members.delete(smallRoot);
  };
  const assign = (v: number, r: number): void => {
    mate[v] = r;
    owner[r] = v;
  };
  while (members.size > 1 && budget.ok) {
    let root = -1;
    for (const [k, list] of members) if (root === -1 || list.length < members.get(root)!.length) root = k;
    const cycle = members.get(root)!;
    const join = findJoin(g, cycle, root, find, mate, owner, random, budget);
    if (join === null) return false;
    const [a, b, c] = join;
    if (c === -1) {
      const ra = mate[a]!;
      assign(a, mate[b]!);
      assign(b, ra);
      union(a, b);
    } else {
      const ra = mate[a]!;
      const rb = mate[b]!;
      assign(a, rb);
      assign(b, mate[c]!);
      assign(c, ra);
      union(a, b);
      union(a, c);
    }
  }
  return members.size === 1;
}

/** [a, b, -1] for a two-cycle swap, [a, b, c] for a three-cycle rotation, or null. */
function findJoin(
  g: Graph,
  cycle: readonly number[],
  root: number,
  find: (x: number) => number,
  mate: Int32Array,
  owner: Int32Array,
  random: Random,
  budget: Budget,
): [number, number, number] | null {
  const { words, rows } = g;
  const offset = random.int(cycle.length);
  const triples: Array<[number, number]> = [];
  for (let i = 0; i < cycle.length; i++) {
    const a = cycle[(offset + i) % cycle.length]!;
    if (g.fixedTo[a] !== -1) continue;
    if (!budget.charge(words)) return null;
    const start = random.int(words);
    for (let k = 0; k < words; k++) {
      const w = (start + k) % words;
      let x = rows[a * words + w]!;
      while (x !== 0) {
        const r = (w << 5) + lowBit(x);
        x &= x - 1;
        if (find(r) === root) continue;
        const b = owner[r]!;
        if (allowed(g, b, mate[a]!)) return [a, b, -1];
        if (triples.length < 4096) triples.push([a, b]);
      }
    }
  }
  for (const [a, b] of triples) {
    if (!budget.charge(words)) return null;
    const other = find(b);
    for (let w = 0; w < words; w++) {
      let x = rows[b * words + w]!;
      while (x !== 0) {
        const r = (w << 5) + lowBit(x);
        x &= x - 1;
        const c = owner[r]!;
        const rc = find(c);
        if (rc !== root && rc !== other && allowed(g, c, mate[a]!)) return [a, b, c];
      }
    }
  }
  return null;
}
