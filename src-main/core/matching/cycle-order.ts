import type { Random } from '../random';

/**
 * The order of nodes along one cycle, as an implicit treap: position of a node and swapping two
 * adjacent segments in O(log n) expected.
 */
export class CycleOrder {
  readonly #left: Int32Array;
  readonly #right: Int32Array;
  readonly #parent: Int32Array;
  readonly #size: Int32Array;
  readonly #prio: Uint32Array;
  #root: number;

  constructor(sequence: Int32Array, random: Random) {
    const n = sequence.length;
    this.#left = new Int32Array(n).fill(-1);
    this.#right = new Int32Array(n).fill(-1);
    this.#parent = new Int32Array(n).fill(-1);
    this.#size = new Int32Array(n).fill(1);
    this.#prio = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.#prio[i] = random.int(2 ** 32);
    this.#root = this.#build(sequence);
  }

  /** Cartesian tree over the sequence (max-heap on priority) with a stack, then sizes bottom-up. */
  #build(seq: Int32Array): number {
    const stack: number[] = [];
    for (const v of seq) {
      let last = -1;
      while (stack.length > 0 && this.#prio[stack[stack.length - 1]!]! < this.#prio[v]!) last = stack.pop()!;
      this.#setLeft(v, last);
      if (stack.length > 0) this.#setRight(stack[stack.length - 1]!, v);
      stack.push(v);
    }
    const root = stack[0] ?? -1;
    const post: number[] = [];
    const todo = root >= 0 ? [root] : [];
    while (todo.length > 0) {
      const v = todo.pop()!;
      post.push(v);
      if (this.#left[v]! >= 0) todo.push(this.#left[v]!);
      if (this.#right[v]! >= 0) todo.push(this.#right[v]!);
    }
    for (let i = post.length - 1; i >= 0; i--) this.#update(post[i]!);
    return root;
  }

  #sz(v: number): number {
    return v < 0 ? 0 : this.#size[v]!;
  }

  #update(v: number): void {
    this.#size[v] = 1 + this.#sz(this.#left[v]!) + this.#sz(this.#right[v]!);
  }

  #setLeft(v: number, c: number): void {
    this.#left[v] = c;
    if (c >= 0) this.#parent[c] = v;
  }

  #setRight(v: number, c: number): void {
    this.#right[v] = c;
    if (c >= 0) this.#parent[c] = v;
  }

  /** 0-based position of node v. */
  position(v: number): number {
    let p = this.#sz(this.#left[v]!);
    for (let u = v, up = this.#parent[u]!; up >= 0; u = up, up = this.#parent[u]!) {
      if (this.#right[up] === u) p += this.#sz(this.#left[up]!) + 1;
    }
    return p;
  }

  /** Positions x < y < z: [..x][x+1..y][y+1..z][z+1..] becomes [..x][y+1..z][x+1..y][z+1..]. */
  swapSegments(x: number, y: number, z: number): void {
    this.#split(this.#root, x + 1);
    const head = this.#lo;
    this.#split(this.#hi, y - x);
    const a = this.#lo;
    this.#split(this.#hi, z - y);
    const b = this.#lo;
    const tail = this.#hi;
    this.#root = this.#merge(this.#merge(head, b), this.#merge(a, tail));
    this.#parent[this.#root] = -1;
  }

  toArray(): number[] {
    const out: number[] = [];
    const stack: number[] = [];
    for (let v = this.#root; v >= 0 || stack.length > 0;) {
      while (v >= 0) {
        stack.push(v);
        v = this.#left[v]!;
      }
      const u = stack.pop()!;
      out.push(u);
      v = this.#right[u]!;
    }
    return out;
  }

  #lo = -1;
  #hi = -1;

  /** Splits t into its first k nodes (#lo) and the rest (#hi); no allocation on this hot path. */
  #split(t: number, k: number): void {
    if (t < 0) {
      this.#lo = -1;
      this.#hi = -1;
      return;
    }
    const l = this.#left[t]!;
    if (this.#sz(l) >= k) {
      this.#split(l, k);
      this.#setLeft(t, this.#hi);
      this.#update(t);
      if (this.#lo >= 0) this.#parent[this.#lo] = -1;
      this.#parent[t] = -1;
      this.#hi = t;
      return;
    }
    this.#split(this.#right[t]!, k - this.#sz(l) - 1);
    this.#setRight(t, this.#lo);
    this.#update(t);
    if (this.#hi >= 0) this.#parent[this.#hi] = -1;
    this.#parent[t] = -1;
    this.#lo = t;
  }

  #merge(a: number, b: number): number {
    if (a < 0) return b;
    if (b < 0) return a;
    if (this.#prio[a]! > this.#prio[b]!) {
      this.#setRight(a, this.#merge(this.#right[a]!, b));
      this.#update(a);
      return a;
    }
    this.#setLeft(b, this.#merge(a, this.#left[b]!));
    this.#update(b);
    return b;
  }
}
