import type { Random } from '../random';

const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;

/**
 * A uniform integer in [0, total). Exact for total ≤ 2^53, which covers every count the exact
 * samplers keep as exact integers in a double; above that (counts of 19–22 people) the result is
 * uniform up to the double's rounding of `total` (relative error below 1e-15).
 */
export function below(random: Random, total: number): number {
  if (total <= TWO_32 && Number.isInteger(total)) return random.int(total);
  for (;;) {
    const v = random.int(0x200000) * TWO_32 + random.int(TWO_32);
    if (total > TWO_53) return Math.floor((v / TWO_53) * total);
    // Rejection keeps every residue equally likely (no modulo bias).
    if (v < Math.floor(TWO_53 / total) * total) return v % total;
  }
}

/**
 * Index of a weighted choice among `count` candidates, each weight a non-negative integer count;
 * `weight(i)` is called twice per candidate at most. Returns -1 when all weights are 0.
 */
export function pickWeighted(random: Random, count: number, weight: (i: number) => number): number {
  let total = 0;
  for (let i = 0; i < count; i++) total += weight(i);
  if (total <= 0) return -1;
  let x = below(random, total);
  for (let i = 0; i < count; i++) {
    const w = weight(i);
    if (x < w) return i;
    x -= w;
  }
  // Only reachable through rounding of sums above 2^53: the last candidate with weight.
  for (let i = count - 1; i >= 0; i--) if (weight(i) > 0) return i;
  return -1;
}

/** Set bits of a 32-bit mask, lowest first. */
export function bitsOf(mask: number): number[] {
  const out: number[] = [];
  for (let x = mask >>> 0; x !== 0; x &= x - 1) out.push(31 - Math.clz32(x & -x));
  return out;
}
