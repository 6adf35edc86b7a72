import { Budget, DEFAULT_MAX_STEPS } from '../budget';
import { below } from '../exact-pick';
import { RandomStream } from '../random-stream';
import {
  MATCH_MODES,
  type DrawMethod,
  type FeasibilityResult,
  type InfeasibleReason,
  type MatchingProblem,
  type MatchingResult,
  type MatchMode,
  type SolveOptions,
} from '../types';
import { coverFromPairs, coverPairs, type Cover } from './cover';
import { eachCover } from './enumerate-covers';
import { eachLoops } from './enumerate-loops';
import { kFactor } from './flow';
import { compileMulti, type MultiGraph } from './graph';
import { buildLoops, mixLoops, type Loops } from './loops';
import { precheckMulti } from './precheck';
import { splitIntoRounds } from './rounds';
import { repairMutual, runSwitchChain, switchSteps } from './switch-chain';

/** Steps the exact path may spend on each of its two passes (count, then find the chosen draw). */
export const EXACT_STEPS = 6_000_000;
/** Above this many people the count cannot finish within EXACT_STEPS: not tried. */
const EXACT_MAX_PEOPLE = 24;

type Found = { pairs: Array<[number, number]>; slots: number[]; method: DrawMethod };
type Outcome = { ok: true; found: Found } | { ok: false; reason: InfeasibleReason };

/**
 * A draw with k = 2 or 3 giftees each (docs/matching.md, "Several giftees each"): uniform over the
 * valid sets of pairs for 'any' and 'no-mutual', over the valid ordered lists of k loops for
 * 'single-loop'. Exact (every valid draw counted, one chosen uniformly) when the count finishes
 * within EXACT_STEPS; otherwise a valid draw is built and mixed by a chain with uniform stationary
 * distribution.
 */
export function solveMulti(problem: MatchingProblem, k: number, options: SolveOptions): MatchingResult {
  const g = compileMulti(problem, k);
  const out = drawMulti(g, problem.mode, options);
  if (!out.ok) {
    if (out.reason.kind === 'budget-exhausted') {
      const share = (options.maxSteps ?? DEFAULT_MAX_STEPS) / 4;
      out.reason.otherModesPossible = MATCH_MODES.filter((m) => m !== problem.mode && drawMulti(g, m, { ...options, maxSteps: share, mixing: 0 }, true).ok);
    }
    return out;
  }
  const { pairs, slots, method } = out.found;
  return {
    ok: true,
    assignment: pairs.map(([a, b]): [number, number] => [g.ids[a]!, g.ids[b]!]),
    slots,
    method,
    steps: 0,
    overriddenHistory: g.overriddenHistory,
  };
}

/** k from the problem: 1, 2 or 3; anything else is a caller bug. */
export function giftsOf(problem: MatchingProblem): number {
  const k = problem.giftsPerPerson ?? 1;
  if (k !== 1 && k !== 2 && k !== 3) throw new RangeError(`matching: giftsPerPerson must be 1, 2 or 3, not ${k}`);
  return k;
}

/** Which modes admit a draw with k giftees each (found, not sampled); the problem's own mode decides `ok`. */
export function checkMulti(problem: MatchingProblem, k: number, options: SolveOptions): FeasibilityResult {
  const g = compileMulti(problem, k);
  const share = (options.maxSteps ?? DEFAULT_MAX_STEPS) / 3;
  const outcomes = new Map(MATCH_MODES.map((mode) => [mode, drawMulti(g, mode, { ...options, maxSteps: share, mixing: 0 }, true)]));
  const modes = MATCH_MODES.filter((m) => outcomes.get(m)!.ok);
  const own = outcomes.get(problem.mode)!;
  if (own.ok) return { ok: true, modes };
  if (own.reason.kind === 'budget-exhausted') own.reason.otherModesPossible = modes.filter((m) => m !== problem.mode);
  return { ok: false, reason: own.reason, modes };
}

/** `anyDraw`: a feasibility check — the first valid draw found will do (no counting, no mixing). */
export function drawMulti(g: MultiGraph, mode: MatchMode, options: SolveOptions, anyDraw = false): Outcome {
  const pre = precheckMulti(g, mode);
  if (pre !== null) return { ok: false, reason: pre };
  const budget = Budget.from(options);
  const random = new RandomStream(options.random);
  const exhausted = (): Outcome => ({ ok: false, reason: { kind: 'budget-exhausted', mode, otherModesPossible: [], outOfTime: !budget.ok } });
  // Every mode needs a set of pairs with k each way: the flow decides that exactly and explains a "no".
  const factor = kFactor(g, random, budget);
  if (!factor.ok) return factor.reason === null ? exhausted() : { ok: false, reason: factor.reason };
  const mixing = options.mixing ?? 1;
  const exact = (options.exactLimit ?? 1) > 0 && g.n <= EXACT_MAX_PEOPLE ? drawExactly(g, mode, random, budget, anyDraw) : null;
  if (exact !== null && exact !== 'none' && 'pairs' in exact) return { ok: true, found: exact };
  if (exact === 'none') return { ok: false, reason: noneReason(g, mode) };
  const start = exact?.first ?? null;
  if (mode === 'single-loop') {
    const loops = start ?? buildLoops(g, random, budget);
    if (loops === null) return exhausted();
    if (mixing > 0) mixLoops(g, loops, Math.ceil(mixing * (4 * g.k + 4)), random, budget);
    return { ok: true, found: { ...fromLoops(g, loops), method: mixing > 0 ? 'markov-chain' : 'unmixed' } };
  }
  const cover = start !== null ? coverFromLoops(g, start) : mode === 'no-mutual' ? buildNoMutual(g, factor.pairs, random, budget) : coverFromPairs(g.n, g.k, factor.pairs);
  if (cover === null) return exhausted();
  if (mixing > 0) runSwitchChain(g, mode, cover, switchSteps(cover.giver.length, mixing), random, budget);
  const pairs = coverPairs(cover);
  return { ok: true, found: { pairs, slots: splitIntoRounds(g.n, g.k, pairs), method: mixing > 0 ? 'markov-chain' : 'unmixed' } };
}

/** Repairs of the flow's draw into one without mutual pairs, each from a fresh random draw. */
const NO_MUTUAL_ATTEMPTS = 30;

/** A first draw without mutual pairs: the flow's draw repaired; a repair stuck in a corner starts over from a new one. */
function buildNoMutual(g: MultiGraph, first: Array<[number, number]>, random: RandomStream, budget: Budget): Cover | null {
  let pairs = first;
  for (let attempt = 0; attempt < NO_MUTUAL_ATTEMPTS && budget.ok; attempt++) {
    const cover = coverFromPairs(g.n, g.k, pairs);
    if (repairMutual(g, cover, random, budget.slice(Math.max(1, budget.remaining / 4)))) return cover;
    const again = kFactor(g, random, budget);
    if (!again.ok) return null;
    pairs = again.pairs;
  }
  return null;
}

/**
 * Counts every valid draw, then walks the same order again to the one at a uniformly chosen
 * position: exactly uniform. 'none' is a proof; otherwise, when the count did not finish, the first
 * draw it met (as k rounds) serves as the chain's start.
 */
function drawExactly(g: MultiGraph, mode: MatchMode, random: RandomStream, budget: Budget, firstWillDo: boolean): Found | 'none' | { first: Loops | null } {
  let count = 0;
  let first: Loops | null = null;
  // The draw is built only when it is kept or chosen: the counting pass just counts.
  const walk = (visit: (draw: () => Loops) => boolean): boolean =>
    mode === 'single-loop'
      ? eachLoops(g, budget.slice(EXACT_STEPS), (next) => visit(() => loopsOf(g, next)))
      : eachCover(g, mode, budget.slice(EXACT_STEPS), (has) => visit(() => roundsOf(g, has)));
  const finished = walk((draw) => {
    if (count === 0) first = draw();
    count++;
    return firstWillDo;
  });
  if (!finished || (firstWillDo && first !== null)) return { first };
  if (count === 0) return 'none';
  const target = below(random, count);
  let seen = 0;
  let chosen: Loops | null = null;
  walk((draw) => {
    if (seen++ < target) return false;
    chosen = draw();
    return true;
  });
  return { ...fromLoops(g, chosen!), method: 'exact-count' };
}

/** A copy of the enumeration's loops. */
function loopsOf(g: MultiGraph, next: Int32Array): Loops {
  return Array.from({ length: g.k }, (_, j) => next.slice(j * g.n, (j + 1) * g.n));
}

/** The k rounds of a set of pairs (a copy: the enumeration goes on changing `has`). */
function roundsOf(g: MultiGraph, has: Uint8Array): Loops {
  const pairs: Array<[number, number]> = [];
  for (let a = 0; a < g.n; a++) for (let b = 0; b < g.n; b++) if (has[a * g.n + b] === 1) pairs.push([a, b]);
  const slots = splitIntoRounds(g.n, g.k, pairs);
  const rounds = Array.from({ length: g.k }, () => new Int32Array(g.n));
  pairs.forEach(([a, b], e) => (rounds[slots[e]!]![a] = b));
  return rounds;
}

function fromLoops(g: MultiGraph, loops: Loops): { pairs: Array<[number, number]>; slots: number[] } {
  const pairs: Array<[number, number]> = [];
  const slots: number[] = [];
  loops.forEach((mate, j) =>
    mate.forEach((b, a) => {
      pairs.push([a, b]);
      slots.push(j);
    }),
  );
  return { pairs, slots };
}

function coverFromLoops(g: MultiGraph, loops: Loops): Cover {
  return coverFromPairs(g.n, g.k, fromLoops(g, loops).pairs);
}

function noneReason(g: MultiGraph, mode: MatchMode): InfeasibleReason {
  const everyone = [...g.ids];
  if (mode === 'single-loop') return { kind: 'no-single-loop', groups: [everyone], coverExists: true, loops: g.k };
  return { kind: 'no-mutual-impossible', participantIds: everyone };
}
