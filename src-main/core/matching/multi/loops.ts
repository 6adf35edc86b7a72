import type { Random } from '../../random';
import type { Budget } from '../budget';
import { compile } from '../compile';
import { defaultRejectionSteps, drawMode } from '../draw';
import { DEFAULT_EXACT_LIMIT } from '../exact';
import type { DrawMethod, MatchingRule } from '../types';
import type { MultiGraph } from './graph';
import { shuffled } from './shuffle';

/** k loops: loops[j][v] is v's receiver in loop j. */
export type Loops = Int32Array[];

/**
 * One loop through everyone, uniform among the loops that use only allowed pairs not in `taken`
 * and contain every pair of `must` (the one-giftee engine: exact counting up to 20 people, else its
 * chain). Null when there is none or the budget ran out.
 */
function drawOneLoop(
  g: MultiGraph,
  taken: Uint8Array,
  must: ReadonlyArray<readonly [number, number]>,
  random: Random,
  mixing: number,
  budget: Budget,
): { mate: Int32Array; method: DrawMethod } | null {
  const { n, allowed } = g;
  const rules: MatchingRule[] = [];
  for (let a = 0; a < n; a++) {
    const closed: number[] = [];
    for (let b = 0; b < n; b++) if (a !== b && (allowed[a * n + b] !== 1 || taken[a * n + b] === 1)) closed.push(b);
    if (closed.length > 0) rules.push({ kind: 'exclude-many', giver: a, receivers: closed });
  }
  for (const [a, b] of must) rules.push({ kind: 'must-draw', giver: a, receiver: b });
  // Indices as ids: the inner draw speaks the same numbers as this one.
  const inner = compile({ participants: Array.from({ length: n }, (_, i) => i), rules, mode: 'single-loop' });
  if (inner.conflict !== null) return null;
  const out = drawMode(inner, 'single-loop', { random, rejectionSteps: defaultRejectionSteps(n), mixing, exactLimit: DEFAULT_EXACT_LIMIT }, budget);
  return out.ok ? { mate: out.mate, method: out.method } : null;
}

/** Pairs of all loops but `skip`. */
function takenBy(n: number, loops: Loops, skip: number): Uint8Array {
  const taken = new Uint8Array(n * n);
  loops.forEach((mate, j) => {
    if (j !== skip) mate.forEach((b, a) => (taken[a * n + b] = 1));
  });
  return taken;
}

/** Must-draw pairs not in any loop but `skip`: the loop drawn in its place has to carry them. */
function mustFor(g: MultiGraph, loops: Loops, skip: number): Array<[number, number]> {
  return g.requiredPairs.filter(([a, b]) => !loops.some((mate, j) => j !== skip && mate[a] === b));
}

/**
 * A first valid set of k loops: the loops one after another, each avoiding the pairs of the ones
 * before; every must-draw pair is given to a random loop first (a giver's or receiver's must-draw
 * pairs to different loops). Retried from scratch a few times, as an early loop can block a later one.
 */
export function buildLoops(g: MultiGraph, random: Random, budget: Budget, attempts = 24): Loops | null {
  const { n, k } = g;
  for (let attempt = 0; attempt < attempts && budget.ok; attempt++) {
    const share = shareMustDraws(g, random);
    if (share === null) continue;
    const loops: Loops = [];
    const taken = new Uint8Array(n * n);
    for (let j = 0; j < k; j++) {
      const drawn = drawOneLoop(g, taken, share[j]!, random, 0, budget.slice(Math.max(1, budget.remaining / (2 * k))));
      if (drawn === null) break;
      loops.push(drawn.mate);
      drawn.mate.forEach((b, a) => (taken[a * n + b] = 1));
    }
    if (loops.length === k) return loops;
  }
  return null;
}

function shareMustDraws(g: MultiGraph, random: Random): Array<Array<[number, number]>> | null {
  const { n, k } = g;
  const out: Array<Array<[number, number]>> = Array.from({ length: k }, () => []);
  const giverIn = new Uint8Array(n * k);
  const receiverIn = new Uint8Array(n * k);
  for (const [a, b] of g.requiredPairs) {
    const order = shuffled(random, k);
    const j = order.find((x) => giverIn[a * k + x] === 0 && receiverIn[b * k + x] === 0);
    if (j === undefined) return null;
    giverIn[a * k + j] = 1;
    receiverIn[b * k + j] = 1;
    out[j]!.push([a, b]);
  }
  return out;
}

/**
 * Heat-bath chain over ordered lists of k loops: a uniformly chosen loop is replaced by a loop
 * drawn uniformly among those that fit with the others (avoid their pairs, carry the must-draw
 * pairs they do not). Each step leaves the uniform distribution on valid lists invariant (exactly
 * so while the one-loop draw is exact, up to 20 people). `steps` replacements, in place.
 */
export function mixLoops(g: MultiGraph, loops: Loops, steps: number, random: Random, budget: Budget): void {
  const { n, k } = g;
  for (let step = 0; step < steps && budget.ok; step++) {
    const j = random.int(k);
    const drawn = drawOneLoop(g, takenBy(n, loops, j), mustFor(g, loops, j), random, 1, budget);
    // The current loop always fits, so only a budget cut can leave this null: keep the loop then.
    if (drawn !== null) loops[j] = drawn.mate;
  }
}

/** Replaces loop j by a uniformly drawn loop that fits with the others; false when none does. */
export function redrawLoop(g: MultiGraph, loops: Loops, j: number, random: Random, budget: Budget): boolean {
  const drawn = drawOneLoop(g, takenBy(g.n, loops, j), mustFor(g, loops, j), random, 1, budget);
  if (drawn === null) return false;
  loops[j] = drawn.mate;
  return true;
}
