import type { Graph } from './graph';

/** Compressed out- and in-neighbour lists of the allowed graph (sparse searches walk these, not bit rows). */
export interface Adjacency {
  outStart: Int32Array;
  out: Int32Array;
  inStart: Int32Array;
  into: Int32Array;
}

export function adjacency(g: Graph): Adjacency {
  const { n, words, rows, cols } = g;
  const lists = (bits: Uint32Array, deg: Int32Array): [Int32Array, Int32Array] => {
    const start = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) start[v + 1] = start[v]! + deg[v]!;
    const list = new Int32Array(start[n]!);
    for (let v = 0; v < n; v++) {
      let k = start[v]!;
      for (let w = 0; w < words; w++) {
        for (let x = bits[v * words + w]!; x !== 0; x &= x - 1) list[k++] = (w << 5) + 31 - Math.clz32(x & -x);
      }
    }
    return [start, list];
  };
  const [outStart, out] = lists(rows, g.outDeg);
  const [inStart, into] = lists(cols, g.inDeg);
  return { outStart, out, inStart, into };
}
