import fc from 'fast-check';
import type { MatchingProblem, MatchingRule, MatchMode } from '../../../../src-main/core/matching';

/**
 * Brute force for several giftees each, written from the rules' meaning (no engine code): who may
 * give to whom, and whether some valid draw exists (any / no-mutual: a set of pairs, k each way;
 * single-loop: k loops through everyone sharing no pair), plus, for tiny groups, every valid draw.
 */
export interface MultiOracle {
  ids: number[];
  k: number;
  may: (a: number, b: number) => boolean;
  must: Array<[number, number]>;
}

export function multiOracle(problem: MatchingProblem): MultiOracle {
  const ids = [...problem.participants];
  const k = problem.giftsPerPerson ?? 1;
  const key = (a: number, b: number): string => `${a}>${b}`;
  const banned = new Set<string>();
  const must: Array<[number, number]> = [];
  const mustKeys = new Set<string>();
  for (const rule of problem.rules) {
    if (rule.kind === 'must-draw') {
      must.push([ids.indexOf(rule.giver), ids.indexOf(rule.receiver)]);
      mustKeys.add(key(rule.giver, rule.receiver));
    }
  }
  for (const rule of problem.rules) {
    if (rule.kind === 'exclude') banned.add(key(rule.giver, rule.receiver));
    if (rule.kind === 'household') for (const a of rule.members) for (const b of rule.members) banned.add(key(a, b));
  }
  for (const [a, b] of problem.history ?? []) if (!mustKeys.has(key(a, b))) banned.add(key(a, b));
  const may = (a: number, b: number): boolean => a !== b && !banned.has(key(ids[a]!, ids[b]!));
  return { ids, k, may, must };
}

/** Every valid set of pairs (any / no-mutual), as sorted "a>b" keys; stops after `limit`. */
export function allCovers(o: MultiOracle, mode: MatchMode, limit = Infinity): string[][] {
  const n = o.ids.length;
  const found: string[][] = [];
  const chosen: Array<Set<number>> = o.ids.map(() => new Set());
  const inCount = new Array<number>(n).fill(0);
  const subsets = (items: number[], size: number): number[][] => (size === 0 ? [[]] : items.flatMap((x, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [x, ...rest])));
  const pick = (a: number): void => {
    if (found.length >= limit) return;
    if (a === n) {
      if (inCount.every((c) => c === o.k)) found.push(chosen.flatMap((s, g) => [...s].map((r) => `${g}>${r}`)).sort());
      return;
    }
    const options = o.ids.map((_, b) => b).filter((b) => o.may(a, b) && inCount[b]! < o.k && !(mode === 'no-mutual' && chosen[b]!.has(a)));
    for (const set of subsets(options, o.k)) {
      if (o.must.some(([g, r]) => g === a && !set.includes(r))) continue;
      for (const b of set) {
        chosen[a]!.add(b);
        inCount[b]!++;
      }
      // Receivers still short must be reachable from the givers left.
      const reachable = inCount.every((c, b) => o.k - c <= o.ids.filter((_, g) => g > a && o.may(g, b)).length);
      if (reachable) pick(a + 1);
      for (const b of set) {
        chosen[a]!.delete(b);
        inCount[b]!--;
      }
    }
  };
  pick(0);
  return found;
}

/** Every loop through everyone using allowed pairs, as its list of pairs (read from person 0). */
function allLoops(o: MultiOracle): Array<Array<[number, number]>> {
  const n = o.ids.length;
  const out: Array<Array<[number, number]>> = [];
  const path = [0];
  const extend = (): void => {
    const last = path[path.length - 1]!;
    if (path.length === n) {
      if (o.may(last, 0)) out.push(path.map((v, i): [number, number] => [v, path[(i + 1) % n]!]));
      return;
    }
    for (let b = 1; b < n; b++) {
      if (path.includes(b) || !o.may(last, b)) continue;
      path.push(b);
      extend();
      path.pop();
    }
  };
  extend();
  return out;
}

/** Some k loops sharing no pair and carrying every must-draw pair, or null. */
export function someLoops(o: MultiOracle): Array<Array<[number, number]>> | null {
  const loops = allLoops(o).map((pairs) => ({ pairs, keys: new Set(pairs.map(([a, b]) => `${a}>${b}`)) }));
  const chosen: typeof loops = [];
  const search = (from: number): boolean => {
    if (chosen.length === o.k) return o.must.every(([a, b]) => chosen.some((l) => l.keys.has(`${a}>${b}`)));
    for (let i = from; i < loops.length; i++) {
      const l = loops[i]!;
      if (chosen.some((c) => [...l.keys].some((x) => c.keys.has(x)))) continue;
      chosen.push(l);
      if (search(i + 1)) return true;
      chosen.pop();
    }
    return false;
  };
  return search(0) ? chosen.map((l) => l.pairs) : null;
}

export function oracleFeasible(problem: MatchingProblem): boolean {
  const o = multiOracle(problem);
  if (problem.mode === 'single-loop') return someLoops(o) !== null;
  return allCovers(o, problem.mode, 1).length > 0;
}

/** Small groups with households, one-way exclusions, history and must-draw pairs, k ∈ {1, 2, 3}. */
export function arbitraryMultiProblem(maxPeople = 8): fc.Arbitrary<MatchingProblem> {
  return (
    fc
      .record({
        n: fc.integer({ min: 2, max: maxPeople }),
        k: fc.integer({ min: 1, max: 3 }),
        mode: fc.constantFrom<MatchMode>('any', 'no-mutual', 'single-loop'),
        households: fc.array(fc.array(fc.nat(40), { minLength: 2, maxLength: 3 }), { maxLength: 2 }),
        exclusions: fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 6 }),
        history: fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 5 }),
        must: fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 3 }),
      })
      .map(({ n, k, mode, households, exclusions, history, must }) => {
        const id = (x: number): number => 10 + (x % n);
        const rules: MatchingRule[] = [
          ...households.map((m) => ({ kind: 'household' as const, members: [...new Set(m.map(id))] })),
          ...exclusions.map(([a, b]) => ({ kind: 'exclude' as const, giver: id(a), receiver: id(b) })),
          // Must-draw pairs often repeat a history pair (the must-draw wins).
          ...must.map(([a, b], i) =>
            i === 0 && history.length > 0
              ? { kind: 'must-draw' as const, giver: id(history[0]![0]), receiver: id(history[0]![1]) }
              : { kind: 'must-draw' as const, giver: id(a), receiver: id(b) },
          ),
        ];
        return {
          participants: Array.from({ length: n }, (_, i) => 10 + i),
          rules,
          mode,
          giftsPerPerson: k,
          history: history.map(([a, b]): [number, number] => [id(a), id(b)]),
        };
      })
      // Three loops through 8 people are too many for the brute force's list of loops.
      .filter((p) => !(p.mode === 'single-loop' && p.giftsPerPerson === 3 && p.participants.length > 7))
  );
}
