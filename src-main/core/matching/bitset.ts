/** Bit matrices are row-major Uint32Array: bit c of row r lives at [r * words + (c >>> 5)], bit c & 31. */

export const wordsFor = (n: number): number => (n + 31) >>> 5;

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Index of the lowest set bit of a non-zero word. */
export const lowBit = (w: number): number => 31 - Math.clz32(w & -w);

export function hasBit(bits: Uint32Array, base: number, i: number): boolean {
  return ((bits[base + (i >>> 5)]! >>> (i & 31)) & 1) === 1;
}

export function setBit(bits: Uint32Array, base: number, i: number): void {
  bits[base + (i >>> 5)]! |= 1 << (i & 31);
}

export function clearBit(bits: Uint32Array, base: number, i: number): void {
  bits[base + (i >>> 5)]! &= ~(1 << (i & 31));
}

export function rowCount(bits: Uint32Array, base: number, words: number): number {
  let c = 0;
  for (let w = 0; w < words; w++) c += popcount(bits[base + w]!);
  return c;
}

/** A single-row bitset with all of 0..n-1 set (or clear). */
export function fullRow(n: number, filled: boolean): Uint32Array {
  const words = wordsFor(n);
  const row = new Uint32Array(words);
  if (filled) {
    row.fill(0xffffffff);
    if (n & 31) row[words - 1] = (1 << (n & 31)) - 1;
  }
  return row;
}

/** Transposes an n×n bit matrix in 32×32 blocks. */
export function transpose(bits: Uint32Array, n: number): Uint32Array {
  const words = wordsFor(n);
  const out = new Uint32Array(n * words);
  const block = new Uint32Array(32);
  for (let bi = 0; bi < words; bi++) {
    const rowBase = bi << 5;
    const rows = Math.min(32, n - rowBase);
    for (let bj = 0; bj < words; bj++) {
      let any = 0;
      let all = -1;
      for (let k = 0; k < 32; k++) {
        const v = k < rows ? bits[(rowBase + k) * words + bj]! : 0;
        block[k] = v;
        any |= v;
        all &= v;
      }
      if (any === 0) continue;
      const colBase = bj << 5;
      const cols = Math.min(32, n - colBase);
      if (all === -1) {
        for (let k = 0; k < cols; k++) out[(colBase + k) * words + bi] = 0xffffffff;
        continue;
      }
      transpose32(block);
      for (let k = 0; k < cols; k++) out[(colBase + k) * words + bi] = block[k]!;
    }
  }
  return out;
}

/** In-place transpose of a 32×32 block (row k, bit c) → (row c, bit k): swap off-diagonal halves recursively. */
function transpose32(a: Uint32Array): void {
  swapHalves(a, 16, 0x0000ffff);
  swapHalves(a, 8, 0x00ff00ff);
  swapHalves(a, 4, 0x0f0f0f0f);
  swapHalves(a, 2, 0x33333333);
  swapHalves(a, 1, 0x55555555);
}

function swapHalves(a: Uint32Array, j: number, m: number): void {
  for (let k = 0; k < 32; k = (k + j + 1) & ~j) {
    const t = ((a[k]! >>> j) ^ a[k + j]!) & m;
    a[k] = a[k]! ^ (t << j);
    a[k + j] = a[k + j]! ^ t;
  }
}
