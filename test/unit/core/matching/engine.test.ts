import { describe, expect, it } from 'vitest';
import { checkFeasibility, solve, validateAssignment, type MatchingProblem, type MatchingRule, type MatchMode } from '../../../../src-main/core/matching';
import { seededRandom } from '../../../../src-main/core/random';
import { MODES } from './oracle';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

function households(n: number, size: number): MatchingRule[] {
  const rules: MatchingRule[] = [];
  for (let start = 0; start < n; start += size) rules.push({ kind: 'household', members: range(Math.min(size, n - start)).map((i) => start + i) });
  return rules;
}

function randomExclusions(n: number, p: number, seed: number): MatchingRule[] {
  const random = seededRandom(seed);
  const rules: MatchingRule[] = [];
  for (let g = 0; g < n; g++) {
    const receivers: number[] = [];
    for (let r = 0; r < n; r++) if (r !== g && random.int(1000) < p * 1000) receivers.push(r);
    rules.push({ kind: 'exclude-many', giver: g, receivers });
  }
  return rules;
}

describe('larger draws', () => {
  for (const mode of MODES) {
    it(`${mode}: 400 people in households of 4 with 60 % random exclusions`, () => {
      const problem: MatchingProblem = { participants: range(400), rules: [...households(400, 4), ...randomExclusions(400, 0.6, 1)], mode };
      const result = solve(problem, { random: seededRandom(2) });
      if (!result.ok) throw new Error(JSON.stringify(result.reason));
      expect(validateAssignment(problem, result.assignment)).toEqual([]);
    });
  }

  it('a household larger than half the group is named as a Hall violation', () => {
    const problem: MatchingProblem = { participants: range(300), rules: [{ kind: 'household', members: range(151) }], mode: 'any' };
    const result = solve(problem, { random: seededRandom(3) });
    expect(result.ok).toBe(false);
    if (result.ok || result.reason.kind !== 'hall') throw new Error('expected a Hall violation');
    const { givers, receivers } = result.reason;
    expect(receivers.length).toBeLessThan(givers.length);
    expect(givers.length).toBe(150);
    expect(givers.every((g) => g < 151)).toBe(true);
    expect(receivers).toEqual(range(149).map((i) => 151 + i));
  });

  it('two halves that cannot reach each other: no single loop, but other modes work', () => {
    const rules: MatchingRule[] = range(100).map((g) => ({ kind: 'exclude-many', giver: g, receivers: range(100).map((i) => 100 + i) }));
    const problem: MatchingProblem = { participants: range(200), rules, mode: 'single-loop' };
    const feasibility = checkFeasibility(problem, { random: seededRandom(4) });
    expect(feasibility.ok).toBe(false);
    expect(feasibility.modes).toEqual(['no-mutual', 'any']);
    if (feasibility.ok || feasibility.reason.kind !== 'no-single-loop') throw new Error('expected no-single-loop');
    expect(feasibility.reason.coverExists).toBe(true);
    expect(feasibility.reason.groups.map((g) => g.length).sort()).toEqual([100, 100]);
  });

  it('must-draw chains are kept inside a single loop', () => {
    const rules: MatchingRule[] = [{ kind: 'must-draw', giver: 0, receiver: 5 }, { kind: 'must-draw', giver: 5, receiver: 9 }, ...households(60, 3)];
    const problem: MatchingProblem = { participants: range(60), rules, mode: 'single-loop' };
    for (const rejectionSteps of [undefined, 0]) {
      const result = solve(problem, { random: seededRandom(5), rejectionSteps });
      if (!result.ok) throw new Error(JSON.stringify(result.reason));
      expect(validateAssignment(problem, result.assignment)).toEqual([]);
    }
  });
});

describe('bounded work: never hangs', () => {
  it('answers quickly on a tiny step budget, with a valid draw or budget-exhausted', () => {
    const problem: MatchingProblem = { participants: range(1500), rules: randomExclusions(1500, 0.9, 6), mode: 'single-loop' };
    for (const maxSteps of [1_000, 100_000, 3_000_000]) {
      const result = solve(problem, { random: seededRandom(7), maxSteps });
      if (result.ok) expect(validateAssignment(problem, result.assignment)).toEqual([]);
      else expect(result.reason.kind).toBe('budget-exhausted');
    }
  });

  it('a sparse ring with one extra choice per person: a loop always exists, and every mode finds a draw', () => {
    // Each person may give to the next one in a ring and to one random other: the ring itself is a
    // single loop, so "no loop found" would be wrong. 400 people is above exact counting.
    const random = seededRandom(9);
    const n = 400;
    const rules: MatchingRule[] = range(n).map((g) => {
      const keep = new Set([(g + 1) % n, random.int(n)]);
      return { kind: 'exclude-many', giver: g, receivers: range(n).filter((r) => !keep.has(r)) };
    });
    const modes: MatchMode[] = ['single-loop', 'no-mutual', 'any'];
    for (const mode of modes) {
      const problem: MatchingProblem = { participants: range(n), rules, mode };
      const result = solve(problem, { random });
      if (!result.ok) throw new Error(`${mode}: ${JSON.stringify(result.reason)}`);
      expect(validateAssignment(problem, result.assignment)).toEqual([]);
    }
  });
});

/** Each person may give to the next one in a ring and to four random others. */
function ringWithChords(n: number, seed: number): MatchingProblem {
  const random = seededRandom(seed);
  const rules: MatchingRule[] = range(n).map((g) => {
    const keep = new Set([(g + 1) % n]);
    while (keep.size < 5) {
      const r = random.int(n);
      if (r !== g) keep.add(r);
    }
    return { kind: 'exclude-many', giver: g, receivers: range(n).filter((r) => !keep.has(r)) };
  });
  return { participants: range(n), rules, mode: 'single-loop' };
}

describe('never "gave up" on a possible single loop', () => {
  for (const n of [300, 1000]) {
    it(`ring plus four chords per person, n = ${n}: a loop is found for every seed`, () => {
      for (let seed = 1; seed <= (n === 300 ? 10 : 4); seed++) {
        const problem = ringWithChords(n, seed);
        const result = solve(problem, { random: seededRandom(100 + seed) });
        if (!result.ok) throw new Error(`seed ${seed}: ${JSON.stringify(result.reason)}`);
        expect(result.method).toBe('markov-chain');
        expect(validateAssignment(problem, result.assignment)).toEqual([]);
      }
    }, 120_000);
  }
});

/** Each person may give only to their two neighbours on each of `rings` random rings (symmetric, like exclusion pairs). */
function neighboursOnRings(n: number, rings: number, seed: number): MatchingRule[] {
  const random = seededRandom(seed);
  const allowed = range(n).map(() => new Set<number>());
  for (let t = 0; t < rings; t++) {
    const order = range(n);
    for (let i = n - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    order.forEach((a, i) => {
      const b = order[(i + 1) % n]!;
      allowed[a]!.add(b);
      allowed[b]!.add(a);
    });
  }
  return allowed.map((keep, g) => ({ kind: 'exclude-many', giver: g, receivers: range(n).filter((r) => !keep.has(r)) }));
}

describe('no mutual pairs wherever a single loop exists', () => {
  // Going round a ring one way is a single loop, and a loop of 3 or more has no mutual pair: the
  // engine used to give up on these ("A draw with a single loop or any draw is possible").
  it('150 people, neighbours on two rings: no-mutual is drawn, and the Draw tab check offers it', () => {
    const rules = neighboursOnRings(150, 2, 1);
    const problem: MatchingProblem = { participants: range(150), rules, mode: 'no-mutual' };
    const result = solve(problem, { random: seededRandom(1) });
    if (!result.ok) throw new Error(JSON.stringify(result.reason));
    expect(validateAssignment(problem, result.assignment)).toEqual([]);
    expect(result.method).toBe('markov-chain');
    const feasibility = checkFeasibility({ ...problem, mode: 'single-loop' }, { random: seededRandom(2) });
    expect(feasibility.modes).toEqual(['single-loop', 'no-mutual', 'any']);
  });

  it('250 people, neighbours on five rings (10 allowed receivers each): no-mutual is drawn', () => {
    for (const seed of [1, 2]) {
      const problem: MatchingProblem = { participants: range(250), rules: neighboursOnRings(250, 5, seed), mode: 'no-mutual' };
      const result = solve(problem, { random: seededRandom(seed) });
      if (!result.ok) throw new Error(`seed ${seed}: ${JSON.stringify(result.reason)}`);
      expect(validateAssignment(problem, result.assignment)).toEqual([]);
    }
  });
});
