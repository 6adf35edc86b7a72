/**
 * A draw with k giftees each as a set of pairs: `giver[e] → receiver[e]` for e < n·k, and `has` as
 * an n × n byte matrix for O(1) "is this pair drawn".
 */
export interface Cover {
  n: number;
  k: number;
  giver: Int32Array;
  receiver: Int32Array;
  has: Uint8Array;
}

export function emptyCover(n: number, k: number): Cover {
  return { n, k, giver: new Int32Array(n * k), receiver: new Int32Array(n * k), has: new Uint8Array(n * n) };
}

export function coverFromPairs(n: number, k: number, pairs: ReadonlyArray<readonly [number, number]>): Cover {
  const c = emptyCover(n, k);
  pairs.forEach(([g, r], e) => {
    c.giver[e] = g;
    c.receiver[e] = r;
    c.has[g * n + r] = 1;
  });
  return c;
}

export function coverPairs(c: Cover): Array<[number, number]> {
  return Array.from(c.giver, (g, e): [number, number] => [g, c.receiver[e]!]);
}
