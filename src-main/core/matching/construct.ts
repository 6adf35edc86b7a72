import type { Budget } from './budget';
import { exhaustive } from './exhaustive';
import { idsOf, type Graph } from './graph';
import { findLoop } from './hamilton';
import type { Matching } from './matching';
import { mixCover, proposalCount } from './mixing';
import { countMutual, repairMutual } from './mutual';
import { patchToLoop } from './patching';
import type { Random } from '../random';
import { matchingComponents } from './scc';
import type { InfeasibleReason } from './types';

/** A starting draw for the chain (the matching is changed in place), a proof that none exists, or out of budget. */
export type Built = { ok: true; construction: string } | { ok: false; reason: InfeasibleReason } | null;

const PATCH_ATTEMPTS = 8;
const EXHAUSTIVE_MAX_GROUP = 200;
const EXHAUSTIVE_STEPS = 3_000_000;

/** Patching joins the cover's cycles cheaply on dense groups; the loop search handles sparse ones. */
export function buildLoop(g: Graph, m: Matching, random: Random, budget: Budget): Built {
  for (let attempt = 0; attempt < PATCH_ATTEMPTS && budget.ok; attempt++) {
    if (patchToLoop(g, m.mate, m.owner, random, budget)) return { ok: true, construction: 'matching+patching' };
    mixCover(g, m.mate, m.owner, false, random, budget, proposalCount(g, 0.25, false));
  }
  const split = matchingComponents(g, m.mate, m.owner, budget);
  if (split.groups.length > 1) {
    const groups = split.groups.map((grp) => idsOf(g, grp));
    return { ok: false, reason: { kind: 'no-single-loop', groups, coverExists: true } };
  }
  const found = findLoop(g, m.mate, random, budget);
  if (found.status === 'none') {
    const all = Array.from({ length: g.n }, (_, i) => i);
    return { ok: false, reason: { kind: 'no-single-loop', groups: [idsOf(g, all)], coverExists: true } };
  }
  if (found.status === 'budget') return null;
  adopt(m, found.mate);
  return { ok: true, construction: 'loop-search' };
}

export function buildNoMutual(g: Graph, m: Matching, random: Random, budget: Budget): Built {
  for (let attempt = 0; attempt < PATCH_ATTEMPTS && budget.ok; attempt++) {
    if (repairMutual(g, m.mate, m.owner, random, budget)) return { ok: true, construction: 'matching+repair' };
    mixCover(g, m.mate, m.owner, false, random, budget, proposalCount(g, 0.25, false));
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
  return countMutual(m.mate) === 0 ? { ok: true, construction: 'matching+exhaustive-search' } : null;
}

/** Makes `m` the given complete assignment. */
export function adopt(m: Matching, mate: Int32Array): void {
  m.mate.set(mate);
  mate.forEach((r, v) => (m.owner[r] = v));
  m.size = mate.length;
}
