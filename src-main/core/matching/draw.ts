import type { Random } from '../random';
import type { Budget } from './budget';
import { exhaustive } from './exhaustive';
import { idsOf, type Graph } from './graph';
import { hallViolator } from './hall';
import { mixLoop } from './loop-mixing';
import { maxMatching, type Matching } from './matching';
import { mixCover } from './mixing';
import { countMutual, repairMutual } from './mutual';
import { patchToLoop } from './patching';
import { precheck } from './precheck';
import { rejectionSample } from './rejection';
import { allowedComponents, matchingComponents } from './scc';
import type { InfeasibleReason, MatchMode } from './types';

export interface DrawSettings {
  random: Random;
  rejectionSteps: number;
  mixing: number;
}

export type DrawOutcome = { ok: true; mate: Int32Array; method: string } | { ok: false; reason: InfeasibleReason };

const PATCH_ATTEMPTS = 8;
const EXHAUSTIVE_MAX_GROUP = 200;
const EXHAUSTIVE_STEPS = 3_000_000;

export const defaultRejectionSteps = (n: number): number => 50 * n + 20_000;

/** One mode: exact rejection first, else matching → mode repair → mixing; or the reason it is impossible. */
export function drawMode(g: Graph, mode: MatchMode, s: DrawSettings, budget: Budget): DrawOutcome {
  const exhausted: DrawOutcome = { ok: false, reason: { kind: 'budget-exhausted', mode, otherModesPossible: [] } };
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
  if (m === null) return exhausted;
  if (m.size < g.n) return { ok: false, reason: hallReason(g, m, s.random, budget) };
  if (s.rejectionSteps > 0 && rejectionWorthTrying(g, s.rejectionSteps)) {
    const mate = rejectionSample(g, mode, s.random, budget.slice(s.rejectionSteps));
    if (mate !== null) return { ok: true, mate, method: 'exact-rejection' };
  }
  const built = mode === 'any' ? 'matching' : mode === 'no-mutual' ? buildNoMutual(g, m, s, budget) : buildLoop(g, m, s, budget);
  if (typeof built !== 'string') return built ?? exhausted;
  if (s.mixing <= 0) return { ok: true, mate: m.mate, method: built };
  if (mode === 'single-loop') mixLoop(g, m.mate, m.owner, s.random, budget, s.mixing);
  else mixCover(g, m.mate, m.owner, mode === 'no-mutual', s.random, budget, s.mixing);
  return { ok: true, mate: m.mate, method: `${built}+mixing` };
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

/** Returns the method name, a reason, or null when the budget ran out. */
function buildLoop(g: Graph, m: Matching, s: DrawSettings, budget: Budget): string | DrawOutcome | null {
  for (let attempt = 0; attempt < PATCH_ATTEMPTS && budget.ok; attempt++) {
    if (patchToLoop(g, m.mate, m.owner, s.random, budget)) return 'matching+patching';
    mixCover(g, m.mate, m.owner, false, s.random, budget, 0.25);
  }
  const split = matchingComponents(g, m.mate, m.owner, budget);
  if (split.groups.length > 1) {
    const groups = split.groups.map((grp) => idsOf(g, grp));
    return { ok: false, reason: { kind: 'no-single-loop', groups, coverExists: true } };
  }
  if (g.n > EXHAUSTIVE_MAX_GROUP) return null;
  const all = Array.from({ length: g.n }, (_, i) => i);
  const found = exhaustive(g, all, 'single-loop', budget.slice(EXHAUSTIVE_STEPS));
  if (found.status === 'none') {
    return { ok: false, reason: { kind: 'no-single-loop', groups: [idsOf(g, all)], coverExists: true } };
  }
  if (found.status === 'budget') return null;
  for (const [v, r] of found.mate) {
    m.mate[v] = r;
    m.owner[r] = v;
  }
  return 'exhaustive-search';
}

function buildNoMutual(g: Graph, m: Matching, s: DrawSettings, budget: Budget): string | DrawOutcome | null {
  for (let attempt = 0; attempt < PATCH_ATTEMPTS && budget.ok; attempt++) {
    if (repairMutual(g, m.mate, m.owner, s.random, budget)) return 'matching+repair';
    mixCover(g, m.mate, m.owner, false, s.random, budget, 0.25);
  }
  const split = matchingComponents(g, m.mate, m.owner, budget);
  for (const group of split.groups) {
    if (!group.some((v) => m.mate[m.mate[v]!] === v)) continue;
    if (group.length === 2) return { ok: false, reason: { kind: 'no-mutual-impossible', participantIds: idsOf(g, group) } };
    if (group.length > EXHAUSTIVE_MAX_GROUP) return null;
    const found = exhaustive(g, group, 'no-mutual', budget.slice(EXHAUSTIVE_STEPS));
    if (found.status === 'none') return { ok: false, reason: { kind: 'no-mutual-impossible', participantIds: idsOf(g, group) } };
    if (found.status === 'budget') return null;
    for (const [v, r] of found.mate) {
      m.mate[v] = r;
      m.owner[r] = v;
    }
  }
  return countMutual(m.mate) === 0 ? 'matching+exhaustive-search' : null;
}
