import type { MustDrawConflict } from './types';

/** The compiled "who may give to whom" relation over participant indices 0..n-1. */
export interface Graph {
  n: number;
  words: number;
  ids: readonly number[];
  index: ReadonlyMap<number, number>;
  /** rows[g]: allowed receivers of giver g (bit matrix). */
  rows: Uint32Array;
  /** cols[r]: allowed givers of receiver r (transpose of rows). */
  cols: Uint32Array;
  outDeg: Int32Array;
  inDeg: Int32Array;
  /** Must-draw receiver of each giver, or -1. */
  fixedTo: Int32Array;
  fixedFrom: Int32Array;
  /** First mode-independent must-draw conflict found while compiling (indices). */
  conflict: { members: number[]; detail: MustDrawConflict } | null;
  /** History pairs (ids) kept because a must-draw asks for exactly that pair. */
  overriddenHistory: Array<[number, number]>;
  /** Allowed pairs by the rules alone, before must-draws and history (only to explain an impossibility). */
  ruleRows: Uint32Array;
  /** History pairs (indices) removed from `rows`. */
  avoided: ReadonlyArray<[number, number]>;
}

export function allowed(g: Graph, giver: number, receiver: number): boolean {
  return ((g.rows[giver * g.words + (receiver >>> 5)]! >>> (receiver & 31)) & 1) === 1;
}

export const idsOf = (g: Graph, members: Iterable<number>): number[] => Array.from(members, (i) => g.ids[i]!);
