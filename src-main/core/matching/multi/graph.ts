import { hasBit } from '../bitset';
import { compile } from '../compile';
import type { MatchingProblem, MatchingRule } from '../types';

/** Giftees per person: 1 is the classic draw (the rest of core/matching), 2 and 3 are drawn here. */
export type GiftsPerPerson = 1 | 2 | 3;

/**
 * "Who may give to whom" for several giftees each, as flat n × n byte matrices (groups drawn with
 * k > 1 are families and clubs, not tens of thousands). A must-draw pair here is one of the giver's k
 * pairs, so it does not close the giver's row as it does for k = 1: it is listed in `required`.
 */
export interface MultiGraph {
  n: number;
  k: number;
  ids: readonly number[];
  index: ReadonlyMap<number, number>;
  /** allowed[g·n + r] = 1 when g may give to r (households, exclusions and history applied). */
  allowed: Uint8Array;
  /** required[g·n + r] = 1 for a must-draw pair (always allowed unless `conflict` says otherwise). */
  required: Uint8Array;
  requiredPairs: Array<[number, number]>;
  /** History pairs (ids) drawn anyway because a must-draw asks for them. */
  overriddenHistory: Array<[number, number]>;
  /** First must-draw pair that is excluded by a household or an exclusion (indices), or a self pair. */
  excludedMust: { members: number[]; detail: 'self' | 'excluded' } | null;
}

export function compileMulti(problem: MatchingProblem, k: number): MultiGraph {
  const must: Array<[number, number]> = [];
  const rules: MatchingRule[] = [];
  for (const rule of problem.rules) {
    if (rule.kind === 'must-draw') must.push([rule.giver, rule.receiver]);
    else rules.push(rule);
  }
  const mustKeys = new Set(must.map(([g, r]) => `${g}>${r}`));
  const isMust = (g: number, r: number): boolean => mustKeys.has(`${g}>${r}`);
  // History loses against must-draw pairs; the rest compiles exactly as for one giftee.
  const history = (problem.history ?? []).filter(([g, r]) => !isMust(g, r));
  const rulesWithoutMustHistory = rules.filter((rule) => rule.kind !== 'avoid-history' || !isMust(rule.giver, rule.receiver));
  const base = compile({ participants: problem.participants, rules: rulesWithoutMustHistory, mode: problem.mode, history });
  const { n, words, ids, index } = base;
  const allowed = new Uint8Array(n * n);
  for (let g = 0; g < n; g++) for (let r = 0; r < n; r++) if (hasBit(base.rows, g * words, r)) allowed[g * n + r] = 1;
  const required = new Uint8Array(n * n);
  const requiredPairs: Array<[number, number]> = [];
  let excludedMust: MultiGraph['excludedMust'] = null;
  const drawnBefore = new Set(
    [...(problem.history ?? []), ...problem.rules.flatMap((r) => (r.kind === 'avoid-history' ? [[r.giver, r.receiver] as const] : []))].map(([g, r]) => `${g}>${r}`),
  );
  const overridden = new Set<string>();
  const overriddenHistory: Array<[number, number]> = [];
  for (const [giverId, receiverId] of must) {
    const g = index.get(giverId);
    const r = index.get(receiverId);
    if (g === undefined || r === undefined || required[g * n + r] === 1) continue;
    if (g === r) excludedMust ??= { members: [g], detail: 'self' };
    else if (allowed[g * n + r] !== 1) excludedMust ??= { members: [g, r], detail: 'excluded' };
    else {
      required[g * n + r] = 1;
      requiredPairs.push([g, r]);
      const key = `${giverId}>${receiverId}`;
      if (drawnBefore.has(key) && !overridden.has(key)) {
        overridden.add(key);
        overriddenHistory.push([giverId, receiverId]);
      }
    }
  }
  overriddenHistory.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { n, k, ids, index, allowed, required, requiredPairs, overriddenHistory, excludedMust };
}

/** The smallest group that can be drawn with k giftees each in this mode (ignoring every rule). */
export function minimumGroup(mode: MatchingProblem['mode'], k: number): number {
  if (mode === 'no-mutual') return 2 * k + 1; // k giftees and k givers, all different people
  // k loops through everyone sharing no pair need k + 1 people, except that four people cannot
  // form three such loops (the 12 pairs of four people do not split into three loops), so 3 needs 5.
  if (mode === 'single-loop') return k === 1 ? 2 : k === 3 ? 5 : k + 1;
  return k + 1;
}
