import { Budget } from './budget';
import { compile } from './compile';
import { localRepair } from './local-repair';
import { spliceInMulti, spliceOutMulti } from './multi/splice';
import { giftsOf } from './multi/solve';
import { RandomStream } from './random-stream';
import { solve, toAssignment } from './solve';
import type { Assignment, MatchingProblem, SolveOptions, SpliceResult } from './types';

/**
 * Someone left after the draw (with several giftees each, `previousSlots` are the rounds of
 * `previous`, needed to mend single loops). `problem` no longer contains them; `previous` still does. Their
 * giver takes their receiver when allowed, else the smallest local re-draw, else a full re-draw.
 */
export function spliceOut(problem: MatchingProblem, previous: Assignment, removed: number, options: SolveOptions, previousSlots?: readonly number[]): SpliceResult {
  const k = giftsOf(problem);
  if (k > 1) return spliceOutMulti(problem, k, previous, previousSlots, options);
  void removed; // edges to or from a non-participant are dropped when the previous draw is read
  return splice(problem, previous, options);
}

/** Someone joined after the draw: inserted between a giver and their receiver when allowed, else re-drawn locally. */
export function spliceIn(problem: MatchingProblem, previous: Assignment, added: number, options: SolveOptions, previousSlots?: readonly number[]): SpliceResult {
  const k = giftsOf(problem);
  if (k > 1) return spliceInMulti(problem, k, previous, previousSlots, added, options);
  void added;
  return splice(problem, previous, options);
}

/** Steps for the local search before falling back to a full re-draw. */
const LOCAL_STEPS = 20_000_000;

function splice(problem: MatchingProblem, previous: Assignment, options: SolveOptions): SpliceResult {
  const g = compile(problem);
  const before = new Map(previous);
  const prev = new Int32Array(g.n).fill(-1);
  g.ids.forEach((id, v) => {
    const r = before.get(id);
    const ri = r === undefined ? undefined : g.index.get(r);
    if (ri !== undefined) prev[v] = ri;
  });
  const budget = Budget.from(options);
  const local = budget.slice(LOCAL_STEPS + 1000 * g.n);
  const mate = g.n >= 2 ? localRepair(g, problem.mode, prev, new RandomStream(options.random), local) : null;
  const assignment: Assignment | null = mate === null ? null : toAssignment(g, mate);
  if (assignment !== null) return { ok: true, assignment, changedGivers: changed(assignment, before) };
  const full = solve(problem, options);
  if (!full.ok) return full;
  return { ok: true, assignment: full.assignment, changedGivers: changed(full.assignment, before) };
}

function changed(assignment: Assignment, before: ReadonlyMap<number, number>): number[] {
  return assignment.filter(([giver, receiver]) => before.get(giver) !== receiver).map(([giver]) => giver);
}
