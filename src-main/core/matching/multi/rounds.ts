/**
 * Splits a draw in which everyone gives k and receives k into k rounds, each a plain one-giftee
 * draw (everyone gives once and receives once in every round). Always possible for a k-regular
 * set of pairs (König: a regular bipartite graph has a perfect matching; remove it and repeat).
 * The rounds give each pair a slot 0..k-1, which the database uses to keep every round a
 * permutation. Returns the slot of each pair, in the order of `pairs`.
 */
export function splitIntoRounds(n: number, k: number, pairs: ReadonlyArray<readonly [number, number]>): number[] {
  const slot = new Array<number>(pairs.length).fill(-1);
  const out: number[][] = Array.from({ length: n }, () => []);
  pairs.forEach(([a], e) => out[a]!.push(e));
  for (let round = 0; round < k; round++) {
    // Kuhn's augmenting paths over the pairs not yet in a round.
    const holder = new Int32Array(n).fill(-1); // receiver → pair index taking it this round
    for (let a = 0; a < n; a++) {
      const seen = new Uint8Array(n);
      if (!augment(a, pairs, out, slot, holder, seen)) throw new RangeError('splitIntoRounds: the pairs are not k-regular');
    }
    for (let b = 0; b < n; b++) slot[holder[b]!] = round;
  }
  return slot;
}

function augment(a: number, pairs: ReadonlyArray<readonly [number, number]>, out: number[][], slot: number[], holder: Int32Array, seen: Uint8Array): boolean {
  for (const e of out[a]!) {
    if (slot[e] !== -1) continue;
    const b = pairs[e]![1];
    if (seen[b] === 1) continue;
    seen[b] = 1;
    const other = holder[b]!;
    if (other === -1 || augment(pairs[other]![0], pairs, out, slot, holder, seen)) {
      holder[b] = e;
      return true;
    }
  }
  return false;
}
