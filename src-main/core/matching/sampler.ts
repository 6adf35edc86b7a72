import type { Random } from '../random';
import type { Graph } from './graph';

/** Uniform random allowed receiver of a giver: a list for sparse rows, rejection on the bits for dense ones. */
export class Sampler {
  readonly #n: number;
  readonly #words: number;
  readonly #rows: Uint32Array;
  readonly #deg: Int32Array;
  readonly #start: Int32Array;
  readonly #list: Uint16Array | Int32Array;
  readonly #random: Random;

  constructor(g: Graph, random: Random) {
    const { n, words, rows, outDeg } = g;
    this.#n = n;
    this.#words = words;
    this.#rows = rows;
    this.#deg = outDeg;
    this.#random = random;
    const start = new Int32Array(n + 1);
    let total = 0;
    for (let v = 0; v < n; v++) {
      start[v] = total;
      if (outDeg[v]! * 8 <= n) total += outDeg[v]!;
    }
    start[n] = total;
    const list = n <= 0xffff ? new Uint16Array(total) : new Int32Array(total);
    for (let v = 0; v < n; v++) {
      if (outDeg[v]! * 8 > n) continue;
      let k = start[v]!;
      const base = v * words;
      for (let w = 0; w < words; w++) {
        let x = rows[base + w]!;
        while (x !== 0) {
          list[k++] = (w << 5) + 31 - Math.clz32(x & -x);
          x &= x - 1;
        }
      }
    }
    this.#start = start;
    this.#list = list;
  }

  pick(v: number): number {
    const d = this.#deg[v]!;
    if (d * 8 <= this.#n) return this.#list[this.#start[v]! + this.#random.int(d)]!;
    const base = v * this.#words;
    for (;;) {
      const r = this.#random.int(this.#n);
      if ((this.#rows[base + (r >>> 5)]! >>> (r & 31)) & 1) return r;
    }
  }
}
