import fc from 'fast-check';
import type { MatchingProblem, MatchingRule, MatchMode } from '../../../../src-main/core/matching';

/**
 * Brute-force oracle written straight from the rules' meaning (no code shared with the engine):
 * every valid assignment of a small problem, per mode.
 */
export interface Oracle {
  ids: number[];
  /** Effective "g may draw r", must-draw included (a must-draw giver may draw only their receiver, nobody else may draw that receiver). */
  may(g: number, r: number): boolean;
  /** Valid assignments per mode, as receiver index per giver index (indices into `ids`). */
  all: Record<MatchMode, Int32Array[]>;
}

export function oracle(problem: MatchingProblem): Oracle {
  const ids = [...problem.participants];
  const n = ids.length;
  const people = new Set(ids);
  const banned = new Set<string>();
  const key = (g: number, r: number): string => `${g}>${r}`;
  const mustTo = new Map<number, number[]>();
  const mustFrom = new Map<number, number[]>();
  // History forbids a pair unless a must-draw rule asks for exactly that pair (the must-draw wins).
  const drawnBefore = new Set<string>((problem.history ?? []).map(([g, r]) => key(g, r)));
  for (const rule of problem.rules) {
    if (rule.kind === 'avoid-history') drawnBefore.add(key(rule.giver, rule.receiver));
    if (rule.kind === 'exclude') banned.add(key(rule.giver, rule.receiver));
    if (rule.kind === 'exclude-bits') for (const r of ids) if ((rule.bits[r >> 3] ?? 0) & (1 << (r & 7))) banned.add(key(rule.giver, r));
    if (rule.kind === 'exclude-pair') {
      banned.add(key(rule.a, rule.b));
      banned.add(key(rule.b, rule.a));
    }
    if (rule.kind === 'exclude-many') for (const r of Array.from(rule.receivers)) banned.add(key(rule.giver, r));
    if (rule.kind === 'household') for (const a of rule.members) for (const b of rule.members) banned.add(key(a, b));
    if (rule.kind === 'must-draw' && people.has(rule.giver) && people.has(rule.receiver)) {
      mustTo.set(rule.giver, [...(mustTo.get(rule.giver) ?? []), rule.receiver]);
      mustFrom.set(rule.receiver, [...(mustFrom.get(rule.receiver) ?? []), rule.giver]);
    }
  }
  for (const pair of drawnBefore) if (!(mustTo.get(Number(pair.split('>')[0])) ?? []).includes(Number(pair.split('>')[1]))) banned.add(pair);
  const may = (g: number, r: number): boolean => {
    if (g === r || banned.has(key(g, r))) return false;
    if ((mustTo.get(g) ?? []).some((x) => x !== r)) return false;
    if ((mustFrom.get(r) ?? []).some((x) => x !== g)) return false;
    return true;
  };
  const options = ids.map((g) => ids.flatMap((r, j) => (may(g, r) ? [j] : [])));
  const perms: Int32Array[] = [];
  const current = new Int32Array(n);
  const used = new Uint8Array(n);
  const extend = (i: number): void => {
    if (i === n) {
      perms.push(current.slice());
      return;
    }
    for (const j of options[i]!) {
      if (used[j]) continue;
      used[j] = 1;
      current[i] = j;
      extend(i + 1);
      used[j] = 0;
    }
  };
  if (n > 0) extend(0);
  const noMutual = perms.filter((p) => p.every((r, g) => p[r] !== g));
  const loops = perms.filter((p) => {
    let length = 1;
    for (let v = p[0]!; v !== 0; v = p[v]!) length++;
    return length === n;
  });
  return { ids, may, all: { any: perms, 'no-mutual': noMutual, 'single-loop': loops } };
}

/** An oracle assignment as [giver id, receiver id] pairs. */
export const pairsOf = (o: Oracle, p: Int32Array): Array<[number, number]> => Array.from(p, (r, g) => [o.ids[g]!, o.ids[r]!] as [number, number]);

/** Canonical string of an assignment (for counting outcomes). */
export const keyOf = (pairs: Iterable<[number, number]>): string =>
  [...pairs]
    .sort((a, b) => a[0] - b[0])
    .map(([g, r]) => `${g}>${r}`)
    .join(',');

export const MODES: MatchMode[] = ['single-loop', 'no-mutual', 'any'];

/** Small random problems: ids are distinct but not contiguous, rules may name non-participants. */
export function arbitraryProblem(minN = 0, maxN = 7, withMust = true): fc.Arbitrary<MatchingProblem> {
  return fc
    .record({
      n: fc.integer({ min: minN, max: maxN }),
      offset: fc.integer({ min: 0, max: 50 }),
      mode: fc.constantFrom<MatchMode>(...MODES),
      raw: fc.array(
        fc.record({
          kind: fc.constantFrom('exclude', 'exclude-pair', 'household', 'must-draw', 'avoid-history', 'exclude-many'),
          a: fc.integer({ min: 0, max: 8 }),
          b: fc.integer({ min: 0, max: 8 }),
          more: fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 4 }),
        }),
        { maxLength: 9 },
      ),
    })
    .map(({ n, offset, mode, raw }) => {
      const id = (i: number): number => offset + 3 * i;
      const participants = Array.from({ length: n }, (_, i) => id(i));
      const rules: MatchingRule[] = [];
      for (const r of raw) {
        if (r.kind === 'must-draw' && !withMust) continue;
        if (r.kind === 'must-draw' && (r.a + r.b) % 3 !== 0) continue; // keep must-draws rarer
        switch (r.kind) {
          case 'exclude':
          case 'avoid-history':
          case 'must-draw':
            rules.push({ kind: r.kind, giver: id(r.a), receiver: id(r.b) });
            break;
          case 'exclude-pair':
            rules.push({ kind: 'exclude-pair', a: id(r.a), b: id(r.b) });
            break;
          case 'household':
            rules.push({ kind: 'household', members: [r.a, r.b, ...r.more.slice(0, 1)].map(id) });
            break;
          default:
            rules.push({ kind: 'exclude-many', giver: id(r.a), receivers: [r.b, ...r.more].map(id) });
        }
      }
      return { participants, rules, mode };
    });
}
