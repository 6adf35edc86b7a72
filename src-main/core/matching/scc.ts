import { fullRow, lowBit } from './bitset';
import type { Budget } from './budget';
import type { Graph } from './graph';

export interface Components {
  comp: Int32Array;
  groups: number[][];
}

/** A bit-matrix view of a digraph: node v's out-neighbours are the set bits of row rowOf(v), mapped by nodeOf. */
interface View {
  bits: Uint32Array;
  rowOf: Int32Array | null;
  nodeOf: Int32Array | null;
  bitOf: Int32Array | null;
}

/** Strongly connected components of the allowed graph. */
export function allowedComponents(g: Graph, budget: Budget): Components {
  const plain = (bits: Uint32Array): View => ({ bits, rowOf: null, nodeOf: null, bitOf: null });
  return group(kosaraju(g.n, g.words, plain(g.rows), plain(g.cols), budget));
}

/**
 * Given a perfect matching, the finest split of the people into groups that every valid
 * assignment keeps separate: g→r lies in some perfect matching iff g and owner(r) share a strongly
 * connected component of the alternating digraph g → owner(r) (Dulmage–Mendelsohn); the groups are
 * those components joined along matching edges.
 */
export function matchingComponents(g: Graph, mate: Int32Array, owner: Int32Array, budget: Budget): Components {
  const fwd: View = { bits: g.rows, rowOf: null, nodeOf: owner, bitOf: mate };
  const bwd: View = { bits: g.cols, rowOf: mate, nodeOf: null, bitOf: null };
  const comp = kosaraju(g.n, g.words, fwd, bwd, budget);
  const parent = Int32Array.from({ length: g.n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const union = (a: number, b: number): void => {
    parent[find(a)] = find(b);
  };
  const firstOf = new Int32Array(g.n).fill(-1);
  for (let v = 0; v < g.n; v++) {
    union(v, mate[v]!);
    const c = comp[v]!;
    if (firstOf[c] === -1) firstOf[c] = v;
    else union(v, firstOf[c]!);
  }
  const joined = new Int32Array(g.n);
  for (let v = 0; v < g.n; v++) joined[v] = find(v);
  return group(joined);
}

function group(labels: Int32Array): Components {
  const byLabel = new Map<number, number[]>();
  labels.forEach((label, v) => {
    const list = byLabel.get(label);
    if (list === undefined) byLabel.set(label, [v]);
    else list.push(v);
  });
  const groups = [...byLabel.values()].sort((a, b) => a[0]! - b[0]!);
  const comp = new Int32Array(labels.length);
  groups.forEach((members, i) => members.forEach((v) => (comp[v] = i)));
  return { comp, groups };
}

/** Kosaraju with "unvisited" bit masks, so each row is scanned once per pass: O(n · words). */
function kosaraju(n: number, words: number, fwd: View, bwd: View, budget: Budget): Int32Array {
  const order = new Int32Array(n);
  let done = 0;
  dfsAll(
    n,
    words,
    fwd,
    budget,
    Int32Array.from({ length: n }, (_, i) => i),
    (v) => {
      order[done++] = v;
    },
  );
  const comp = new Int32Array(n).fill(-1);
  let current = -1;
  const reverse = order.slice().reverse();
  dfsAll(
    n,
    words,
    bwd,
    budget,
    reverse,
    (v) => {
      comp[v] = current;
    },
    () => current++,
  );
  return comp;
}

function dfsAll(n: number, words: number, view: View, budget: Budget, roots: Int32Array, onFinish: (v: number) => void, onRoot?: () => void): void {
  const { bits, rowOf, nodeOf, bitOf } = view;
  const unvisited = fullRow(n, true);
  const visited = new Uint8Array(n);
  const stack = new Int32Array(n);
  const ptr = new Int32Array(n);
  const visit = (v: number): void => {
    visited[v] = 1;
    const b = bitOf === null ? v : bitOf[v]!;
    unvisited[b >>> 5] = unvisited[b >>> 5]! & ~(1 << (b & 31));
  };
  for (const root of roots) {
    if (visited[root]) continue;
    onRoot?.();
    let sp = 0;
    stack[0] = root;
    ptr[0] = 0;
    visit(root);
    while (sp >= 0) {
      const v = stack[sp]!;
      const base = (rowOf === null ? v : rowOf[v]!) * words;
      let w = ptr[sp]!;
      if (w === 0) budget.charge(words);
      let x = 0;
      for (; w < words; w++) {
        x = bits[base + w]! & unvisited[w]!;
        if (x !== 0) break;
      }
      if (w < words) {
        const b = (w << 5) + lowBit(x);
        const u = nodeOf === null ? b : nodeOf[b]!;
        ptr[sp] = w;
        sp++;
        stack[sp] = u;
        ptr[sp] = 0;
        visit(u);
      } else {
        onFinish(v);
        sp--;
      }
    }
  }
}
