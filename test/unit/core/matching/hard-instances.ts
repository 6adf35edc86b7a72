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

/**
 * 24 people, each allowed to give to only 3 others (the union of three random permutations, built
 * by a fixed LCG): 87 % exclusions, above the 22 people that subset counting covers. 1 388 valid
 * draws; the fixed-length chain used to draw some of them 13× too often.
 */
export function sparseTwentyFour(mode: MatchMode): MatchingProblem {
  const n = 24;
  let state = 3;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const everyone = Array.from({ length: n }, (_, i) => i);
  const keep = everyone.map(() => new Set<number>());
  for (let t = 0; t < 3; t++) {
    const p = [...everyone];
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [p[i], p[j]] = [p[j]!, p[i]!];
    }
    p.forEach((r, giver) => r !== giver && keep[giver]!.add(r));
  }
  const rules: MatchingRule[] = keep.map((allowed, giver) => ({ kind: 'exclude-many', giver, receivers: everyone.filter((r) => !allowed.has(r)) }));
  return { participants: everyone, rules, mode };
}
