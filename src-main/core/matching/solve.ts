import { Budget, DEFAULT_MAX_STEPS } from './budget';
import { compile } from './compile';
import { defaultRejectionSteps, drawMode, type DrawOutcome, type DrawSettings } from './draw';
import { DEFAULT_EXACT_LIMIT } from './exact';
import { householdDraw } from './households';
import { checkMulti, giftsOf, solveMulti } from './multi/solve';
import type { Graph } from './graph';
import { RandomStream } from './random-stream';
import { MATCH_MODES, type Assignment, type FeasibilityResult, type MatchingProblem, type MatchingResult, type MatchMode, type SolveOptions } from './types';

/** Draws an assignment for the problem's mode, or explains why none exists (or none was found in budget). */
export function solve(problem: MatchingProblem, options: SolveOptions): MatchingResult {
  const k = giftsOf(problem);
  if (k > 1) return solveMulti(problem, k, options);
  const budget = Budget.from(options);
  const random = new RandomStream(options.random);
  if ((options.rejectionSteps ?? 1) > 0) {
    const mate = householdDraw(problem, random, budget);
    if (mate !== null) {
      const assignment = Array.from(mate, (r, v): [number, number] => [problem.participants[v]!, problem.participants[r]!]);
      return { ok: true, assignment, method: 'exact-rejection', steps: budget.used, overriddenHistory: [] };
    }
  }
  const g = compile(problem);
  const settings: DrawSettings = {
    random,
    rejectionSteps: options.rejectionSteps ?? defaultRejectionSteps(g.n),
    mixing: options.mixing ?? 1,
    exactLimit: options.exactLimit ?? DEFAULT_EXACT_LIMIT,
  };
  const out = drawMode(g, problem.mode, settings, budget);
  if (out.ok) {
    const assignment = toAssignment(g, out.mate);
    const construction = out.construction === undefined ? {} : { construction: out.construction };
    return { ok: true, assignment, method: out.method, ...construction, steps: budget.used, overriddenHistory: g.overriddenHistory };
  }
  if (out.reason.kind === 'budget-exhausted') {
    const others = MATCH_MODES.filter((m) => m !== problem.mode);
    out.reason.otherModesPossible = feasibleModes(g, others, options, 4);
  }
  return { ok: false, reason: out.reason };
}

/** Which modes admit a valid assignment (found, not sampled); the problem's own mode decides `ok`. */
export function checkFeasibility(problem: MatchingProblem, options: SolveOptions): FeasibilityResult {
  const k = giftsOf(problem);
  if (k > 1) return checkMulti(problem, k, options);
  const g = compile(problem);
  const outcomes = new Map<MatchMode, DrawOutcome>();
  for (const mode of MATCH_MODES) outcomes.set(mode, impliedByLoop(g, mode, outcomes) ?? drawMode(g, mode, quick(options), shareOf(options, 3)));
  const modes = MATCH_MODES.filter((m) => outcomes.get(m)!.ok);
  const own = outcomes.get(problem.mode)!;
  if (own.ok) return { ok: true, modes };
  if (own.reason.kind === 'budget-exhausted') own.reason.otherModesPossible = modes.filter((m) => m !== problem.mode);
  return { ok: false, reason: own.reason, modes };
}

function feasibleModes(g: Graph, modes: readonly MatchMode[], options: SolveOptions, parts: number): MatchMode[] {
  const outcomes = new Map<MatchMode, DrawOutcome>();
  for (const mode of modes) outcomes.set(mode, impliedByLoop(g, mode, outcomes) ?? drawMode(g, mode, quick(options), shareOf(options, parts)));
  return modes.filter((mode) => outcomes.get(mode)!.ok);
}

/**
 * A single loop through 3 or more people has no mutual pair: once one was found, no-mutual is
 * possible too, without a search of its own that might give up. (MATCH_MODES lists single-loop first.)
 */
function impliedByLoop(g: Graph, mode: MatchMode, found: ReadonlyMap<MatchMode, DrawOutcome>): DrawOutcome | null {
  const loop = found.get('single-loop');
  return mode === 'no-mutual' && g.n >= 3 && loop?.ok === true ? loop : null;
}

const quick = (options: SolveOptions): DrawSettings => ({
  random: new RandomStream(options.random),
  rejectionSteps: 0,
  mixing: 0,
  exactLimit: 0,
});

function shareOf(options: SolveOptions, parts: number): Budget {
  const deadline = options.deadlineMs === undefined ? undefined : options.deadlineMs / parts;
  return new Budget((options.maxSteps ?? DEFAULT_MAX_STEPS) / parts, options.now, deadline);
}

export function toAssignment(g: Graph, mate: Int32Array): Assignment {
  return Array.from(mate, (r, v) => [g.ids[v]!, g.ids[r]!] as [number, number]);
}
