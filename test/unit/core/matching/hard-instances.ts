import type { MatchingProblem, MatchingRule, MatchMode } from '../../../../src-main/core/matching';

/**
 * Instances that defeat local chains, kept as literal data (found by a seeded search, checked by
 * the oracle in the tests): a family of 10 in households of 4, 4 and 2 avoiding the pairs of the
 * last three years (26 valid single loops, in 5 classes that swaps and 3-rotations cannot connect),
 * and a sparse group of 12 where each person may give to three people (3 valid single loops).
 */
const FAMILY_HISTORY: Array<[number, number]> = [
  [0, 9],
  [1, 7],
  [2, 4],
  [3, 8],
  [4, 3],
  [5, 2],
  [6, 1],
  [7, 0],
  [8, 6],
  [9, 5],
  [0, 8],
  [1, 6],
  [2, 5],
  [3, 7],
  [4, 9],
  [5, 0],
  [6, 3],
  [7, 2],
  [8, 4],
  [9, 1],
  [0, 5],
  [1, 9],
  [2, 6],
  [3, 4],
  [4, 8],
  [5, 3],
  [6, 0],
  [7, 1],
  [8, 7],
  [9, 2],
];

export function familyOfTen(mode: MatchMode): MatchingProblem {
  const rules: MatchingRule[] = [
    { kind: 'household', members: [0, 1, 2, 3] },
    { kind: 'household', members: [4, 5, 6, 7] },
    { kind: 'household', members: [8, 9] },
  ];
  return { participants: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], rules, mode, history: FAMILY_HISTORY };
}

const SPARSE_ALLOWED: number[][] = [
  [1, 11, 2],
  [2, 11, 10],
  [3, 4, 5],
  [4, 2, 1],
  [5, 11, 7],
  [6, 8, 2],
  [7, 5, 1],
  [8, 2, 9],
  [9, 4, 3],
  [10, 2, 5],
  [11, 1, 4],
  [0, 5, 9],
];

export function sparseTwelve(mode: MatchMode): MatchingProblem {
  const everyone = SPARSE_ALLOWED.map((_, i) => i);
  const rules: MatchingRule[] = SPARSE_ALLOWED.map((keep, giver) => ({
    kind: 'exclude-many',
    giver,
    receivers: everyone.filter((r) => !keep.includes(r)),
  }));
  return { participants: everyone, rules, mode };
}

/** Classes of assignments connected by moves that change at most three givers' receivers (swaps, 3-rotations). */
export function localMoveClasses(assignments: readonly Int32Array[]): number {
  const parent = assignments.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (let a = 0; a < assignments.length; a++) {
    for (let b = a + 1; b < assignments.length; b++) {
      let differ = 0;
      assignments[a]!.forEach((r, g) => (differ += r === assignments[b]![g] ? 0 : 1));
      if (differ <= 3) parent[find(a)] = find(b);
    }
  }
  return new Set(parent.map((_, i) => find(i))).size;
}
