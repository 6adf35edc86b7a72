import type { Random } from '../random';
import type { Budget } from './budget';
import type { MatchingProblem } from './types';

/** Fast exact path only when the expected work stays below this many checks per person. */
const MAX_CHECKS_PER_PERSON = 400;
const SMALL_GROUP = 64;

/**
 * Exact rejection sampling straight from the rules, for groups whose only rules are households and
 * a few single pairs (the common family case): no n × n bit matrix is built. A uniformly random
 * draw of the mode is generated person by person and abandoned at the first forbidden pair, so an
 * accepted draw is uniform over the valid ones. Returns null (the caller then runs the general
 * engine, also exact at that point) when the rules do not fit, the expected work is too large, or
 * the budget for this path runs out.
 */
export function householdDraw(problem: MatchingProblem, random: Random, budget: Budget): Int32Array | null {
  const ids = problem.participants;
  const n = ids.length;
  // Small groups gain nothing: their bit matrix is tiny and the general path counts exactly.
  if (n < SMALL_GROUP) return null;
  // An upper bound on λ from the rule counts alone, before any set is built: many single pairs
  // (e.g. 50 % random exclusions) make rejection hopeless and would cost more than they save.
  let pairRules = 0;
  let householdPairs = 0;
  for (const rule of problem.rules) {
    if (rule.kind === 'household') householdPairs += rule.members.length * (rule.members.length - 1);
    else if (rule.kind === 'exclude' || rule.kind === 'avoid-history') pairRules++;
    else if (rule.kind === 'exclude-pair') pairRules += 2;
    else return null;
  }
  pairRules += problem.history?.length ?? 0;
  if ((householdPairs + pairRules) / (n - 1) > Math.log(MAX_CHECKS_PER_PERSON) + Math.log(Math.log(MAX_CHECKS_PER_PERSON) + 1) + 2) return null;
  const index = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (index.has(ids[i]!)) return null; // the general path reports the duplicate
    index.set(ids[i]!, i);
  }
  const house = new Int32Array(n).fill(-1);
  const pairs = new Set<number>();
  const forbidden = new Int32Array(n);
  const pair = (a: number | undefined, b: number | undefined): void => {
    if (a === undefined || b === undefined || a === b || pairs.has(a * n + b)) return;
    if (house[a]! >= 0 && house[a] === house[b]) return;
    pairs.add(a * n + b);
    forbidden[a] = forbidden[a]! + 1;
  };
  let label = 0;
  for (const rule of problem.rules) {
    if (rule.kind !== 'household') continue;
    const members = rule.members.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
    for (const i of members) if (house[i] !== -1) return null; // overlapping households: general path
    for (const i of members) house[i] = label;
    for (const i of members) forbidden[i] = members.length - 1;
    label++;
  }
  for (const rule of problem.rules) {
    if (rule.kind === 'household') continue;
    if (rule.kind === 'exclude' || rule.kind === 'avoid-history') pair(index.get(rule.giver), index.get(rule.receiver));
    else if (rule.kind === 'exclude-pair') {
      pair(index.get(rule.a), index.get(rule.b));
      pair(index.get(rule.b), index.get(rule.a));
    } else return null;
  }
  for (const [giver, receiver] of problem.history ?? []) pair(index.get(giver), index.get(receiver));
  // Expected forbidden pairs in a random draw; a draw is valid with probability about e^-λ.
  let lambda = 0;
  for (let v = 0; v < n; v++) lambda += forbidden[v]! / (n - 1);
  const checks = (Math.exp(lambda) * n) / Math.max(1, lambda);
  if (checks > MAX_CHECKS_PER_PERSON * n) return null;
  const allowed = (a: number, b: number): boolean => a !== b && (house[a] === -1 || house[a] !== house[b]) && (pairs.size === 0 || !pairs.has(a * n + b));
  // Twelve times the expected work: the path fails (and hands over) with probability about e^-12.
  const slice = budget.slice(12 * checks + 4 * n);
  return problem.mode === 'single-loop' ? loop(n, allowed, random, slice) : cover(n, problem.mode === 'no-mutual', allowed, random, slice);
}

function loop(n: number, allowed: (a: number, b: number) => boolean, random: Random, budget: Budget): Int32Array | null {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  while (budget.ok) {
    let pos = 1;
    for (; pos < n; pos++) {
      const j = pos + random.int(n - pos);
      const v = order[j]!;
      order[j] = order[pos]!;
      order[pos] = v;
      if (!allowed(order[pos - 1]!, v)) break;
    }
    budget.charge(pos);
    if (pos === n && allowed(order[n - 1]!, order[0]!)) {
      const mate = new Int32Array(n);
      for (let i = 0; i < n; i++) mate[order[i]!] = order[(i + 1) % n]!;
      return mate;
    }
  }
  return null;
}

function cover(n: number, noMutual: boolean, allowed: (a: number, b: number) => boolean, random: Random, budget: Budget): Int32Array | null {
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  const mate = new Int32Array(n);
  while (budget.ok) {
    let g = 0;
    for (; g < n; g++) {
      const j = g + random.int(n - g);
      const r = pool[j]!;
      pool[j] = pool[g]!;
      pool[g] = r;
      if (!allowed(g, r) || (noMutual && r < g && mate[r] === g)) break;
      mate[g] = r;
    }
    budget.charge(g + 1);
    if (g === n) return mate;
  }
  return null;
}
