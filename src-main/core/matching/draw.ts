import type { Random } from '../random';
import type { Budget } from './budget';
import { runChain } from './chain';
import { buildLoop, buildNoMutual, type Built } from './construct';
import { exactCost, exactDraw } from './exact';
import { idsOf, type Graph } from './graph';
import { hallViolator } from './hall';
import { maxMatching, type Matching } from './matching';
import { precheck } from './precheck';
import { rejectionSample } from './rejection';
import { allowedComponents } from './scc';
import type { DrawMethod, InfeasibleReason, MatchMode } from './types';

export interface DrawSettings {
  random: Random;
  rejectionSteps: number;
  mixing: number;
  exactLimit: number;
}

export type DrawOutcome = { ok: true; mate: Int32Array; method: DrawMethod; construction?: string } | { ok: false; reason: InfeasibleReason };

export const defaultRejectionSteps = (n: number): number => 50 * n + 20_000;

/**
 * One mode. Exact samplers first (rejection, then counting for small groups); each either returns a
 * uniform draw or fails independently of which draw it would have returned, so trying them in turn
 * stays exactly uniform. Otherwise: build one valid draw and uniformise it with the chain.
 */
export function drawMode(g: Graph, mode: MatchMode, s: DrawSettings, budget: Budget): DrawOutcome {
  // Whether the step budget (or deadline) really ran out decides if "within the time allowed" is true.
  const exhausted = (): DrawOutcome => ({ ok: false, reason: { kind: 'budget-exhausted', mode, otherModesPossible: [], outOfTime: !budget.ok } });
  const pre = precheck(g, mode);
  if (pre !== null) return { ok: false, reason: pre };
  if (mode === 'single-loop') {
    const components = allowedComponents(g, budget);
    if (components.groups.length > 1) {
      const m = maxMatching(g, s.random, budget);
      const groups = components.groups.map((grp) => idsOf(g, grp));
      return { ok: false, reason: { kind: 'no-single-loop', groups, coverExists: m !== null && m.size === g.n } };
    }
  }
  const m = maxMatching(g, s.random, budget);
  if (m === null) return exhausted();
  if (m.size < g.n) return { ok: false, reason: hallReason(g, m, s.random, budget) };
  // Where counting applies (it is sure to finish, and its table is reused between draws) rejection
  // only gets a few attempts: enough for open groups, where it is the cheaper of the two exact ways.
  const counting = s.exactLimit > 0 && exactCost(g, mode, s.exactLimit) < Infinity;
  const steps = counting ? Math.min(s.rejectionSteps, 4 * g.n) : s.rejectionSteps;
  if (steps > 0 && rejectionWorthTrying(g, steps)) {
    const mate = rejectionSample(g, mode, s.random, budget.slice(steps));
    if (mate !== null) return { ok: true, mate, method: 'exact-rejection' };
  }
  const exact = s.exactLimit > 0 ? exactDraw(g, mode, s.random, budget, s.exactLimit) : null;
  if (exact instanceof Int32Array) return { ok: true, mate: exact, method: 'exact-count' };
  if (exact === 'none' && mode === 'single-loop') {
    // Counting found no loop: one strongly connected group that no single loop covers.
    return { ok: false, reason: { kind: 'no-single-loop', groups: [[...g.ids]], coverExists: true } };
  }
  // After a proof of 'none' in no-mutual mode the construction below fails too and names the smallest group.
  const built: Built = mode === 'any' ? { ok: true, construction: 'matching' } : mode === 'no-mutual' ? noMutualStart(g, m, s.random, budget) : buildLoop(g, m, s.random, budget);
  if (built === null) return exhausted();
  if (!built.ok) return built;
  if (s.mixing <= 0) return { ok: true, mate: m.mate, method: 'unmixed', construction: built.construction };
  runChain(g, m.mate, m.owner, mode, s.random, budget, s.mixing);
  return { ok: true, mate: m.mate, method: 'markov-chain', construction: built.construction };
}

/**
 * A single loop through 3 or more people has no mutual pair, so when the repairs and the bounded
 * exhaustive search find nothing, the loop construction is the fallback (it handles sparse groups of
 * any size). The chain then mixes in no-mutual mode from there, as from any other start.
 */
function noMutualStart(g: Graph, m: Matching, random: Random, budget: Budget): Built {
  const built = buildNoMutual(g, m, random, budget);
  if (built !== null || g.n < 3 || !budget.ok) return built;
  const loop = buildLoop(g, m, random, budget);
  // No single loop proves nothing about draws without mutual pairs: still "not found".
  return loop?.ok === true ? { ok: true, construction: `${loop.construction} (single loop)` } : null;
}

/**
 * Skips exact rejection when a draw is hopeless: the chance that a random draw is valid is about
 * the product of the givers' allowed fractions. Only decides whether to try; never biases a draw.
 */
function rejectionWorthTrying(g: Graph, steps: number): boolean {
  let logP = 0;
  for (let v = 0; v < g.n; v++) if (g.fixedTo[v] === -1) logP += Math.log(g.outDeg[v]! / (g.n - 1));
  return -logP <= Math.log(20 * steps);
}

function hallReason(g: Graph, m: Matching, random: Random, budget: Budget): InfeasibleReason {
  const h = hallViolator(g, m, random, budget);
  const members = [...h.members].sort((a, b) => a - b);
  const [givers, receivers] = h.side === 'givers' ? [members, h.neighbours] : [h.neighbours, members];
  return { kind: 'hall', givers: idsOf(g, givers), receivers: idsOf(g, receivers), side: h.side };
}
