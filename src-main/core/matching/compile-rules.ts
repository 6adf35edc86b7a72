import { fullRow, setBit } from './bitset';

/** Id → index, with a flat table when ids are small non-negative integers (rules can number millions). */
export type Lookup = ((id: number) => number | undefined) & { table?: Int32Array; identity?: boolean };

export function excludeMany(rows: Uint32Array, base: number, receivers: ArrayLike<number>, lookup: Lookup): void {
  const table = lookup.table;
  if (table === undefined) {
    for (let k = 0; k < receivers.length; k++) {
      const r = lookup(receivers[k]!);
      if (r !== undefined) rows[base + (r >>> 5)] = rows[base + (r >>> 5)]! & ~(1 << (r & 31));
    }
    return;
  }
  const max = table.length;
  if (receivers instanceof Int32Array) {
    // Monomorphic loop for the common bulk case.
    for (let k = 0; k < receivers.length; k++) {
      const id = receivers[k]!;
      const r = id >= 0 && id < max ? table[id]! : -1;
      if (r >= 0) rows[base + (r >>> 5)] = rows[base + (r >>> 5)]! & ~(1 << (r & 31));
    }
    return;
  }
  for (let k = 0; k < receivers.length; k++) {
    const id = receivers[k]!;
    const r = id >= 0 && id < max ? table[id]! : -1;
    if (r >= 0) rows[base + (r >>> 5)] = rows[base + (r >>> 5)]! & ~(1 << (r & 31));
  }
}

export function idLookup(ids: readonly number[], index: ReadonlyMap<number, number>): Lookup {
  let max = -1;
  for (const id of ids) {
    if (!Number.isInteger(id) || id < 0) return (id) => index.get(id);
    max = Math.max(max, id);
  }
  if (max > 8 * ids.length + 65_536) return (id) => index.get(id);
  const table = new Int32Array(max + 1).fill(-1);
  ids.forEach((id, i) => (table[id] = i));
  const lookup: Lookup = (id) => {
    const i = Number.isInteger(id) && id >= 0 && id <= max ? table[id]! : -1;
    return i >= 0 ? i : undefined;
  };
  lookup.table = table;
  lookup.identity = table.length === ids.length && ids.every((id, i) => id === i);
  return lookup;
}

export function applyHousehold(rows: Uint32Array, words: number, n: number, members: readonly number[], lookup: (id: number) => number | undefined): void {
  const present = members.map(lookup).filter((i): i is number => i !== undefined);
  if (present.length < 2) return;
  const mask = fullRow(n, false);
  for (const i of present) setBit(mask, 0, i);
  for (const i of present) {
    const base = i * words;
    for (let w = 0; w < words; w++) rows[base + w] = rows[base + w]! & ~mask[w]!;
  }
}

/** Clears every receiver whose id bit is set; ids that are not participants are ignored. */
export function excludeBits(rows: Uint32Array, base: number, bits: Uint8Array, lookup: Lookup, n: number): void {
  if (lookup.identity === true) {
    // Ids are the indices (files numbered from 0): the bitmap is the row, word by word.
    const words = (n + 31) >>> 5;
    for (let w = 0; w < words; w++) {
      const b = 4 * w;
      const mask = (bits[b] ?? 0) | ((bits[b + 1] ?? 0) << 8) | ((bits[b + 2] ?? 0) << 16) | ((bits[b + 3] ?? 0) << 24);
      rows[base + w] = rows[base + w]! & ~mask;
    }
    return;
  }
  for (let byte = 0; byte < bits.length; byte++) {
    let x = bits[byte]!;
    while (x !== 0) {
      const low = x & -x;
      const r = lookup(byte * 8 + 31 - Math.clz32(low));
      if (r !== undefined) rows[base + (r >>> 5)] = rows[base + (r >>> 5)]! & ~(1 << (r & 31));
      x ^= low;
    }
  }
}
