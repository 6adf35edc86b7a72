import type { Random } from '../random';
import type { Budget } from './budget';
import type { Graph } from './graph';
import { countMutual } from './mutual';
import type { Sampler } from './sampler';
import type { MatchMode } from './types';

/**
 * One proposal of the chain on all covers (every valid assignment, ignoring the mode): a random
 * giver g0 lets go of their receiver r0 and the hole travels along an alternating walk — the
 * current giver takes a random allowed receiver, whose giver becomes the next one — until someone
 * takes r0 (the walk is applied) or a giver would repeat or `cap` picks pass (nothing changes).
 * Applied walks are simple alternating cycles; the same cycle walked backwards from g0 undoes the
 * move with the same probability (1/n times the same product of 1/out-degree), so the proposal is
 * symmetric. Every two covers differ by disjoint alternating cycles, each one such move, so these
 * moves connect all covers.
 */
export function coverStep(g: Graph, mate: Int32Array, owner: Int32Array, random: Random, sampler: Sampler, scratch: WalkScratch): number {
  const n = g.n;
  const g0 = random.int(n);
  const r0 = mate[g0]!;
  // Mostly swaps (cheap); the long walks (one proposal in LONG_WALK) are what connects every cover.
  const cap = random.int(LONG_WALK) === 0 ? n : 2;
  const mark = ++scratch.mark;
  scratch.seen[g0] = mark;
  let u = g0;
  let len = 0;
  for (let pick = 0; pick < cap; pick++) {
    const w = sampler.pick(u);
    if (w === r0) {
      for (let i = 0; i < len; i++) {
        mate[scratch.givers[i]!] = scratch.taken[i]!;
        owner[scratch.taken[i]!] = scratch.givers[i]!;
      }
      mate[u] = r0;
      owner[r0] = u;
      return pick + 1;
    }
    const next = owner[w]!;
    if (scratch.seen[next] === mark) return pick + 1;
    scratch.seen[next] = mark;
    scratch.givers[len] = u;
    scratch.taken[len++] = w;
    u = next;
  }
  return cap;
}

/** One cover step in this many may walk as far as n picks. */
const LONG_WALK = 8;

export class WalkScratch {
  mark = 0;
  readonly seen: Int32Array;
  readonly givers: Int32Array;
  readonly taken: Int32Array;
  constructor(n: number) {
    this.seen = new Int32Array(n);
    this.givers = new Int32Array(n);
    this.taken = new Int32Array(n);
  }
}

/**
 * A long jump for the mode's chain: n steps of the cover chain, kept only if they end on a valid
 * assignment of the mode. The n-step kernel of a symmetric chain is symmetric, and with n steps
 * any cover reaches any other (at most n/2 cycles apart, and "nothing changes" is always possible),
 * so one jump can move between any two valid assignments: the chain is irreducible even where its
 * local moves are not. Returns whether the jump was kept.
 */
export function longJump(g: Graph, mate: Int32Array, owner: Int32Array, mode: MatchMode, random: Random, sampler: Sampler, budget: Budget): boolean {
  const keepMate = mate.slice();
  const keepOwner = owner.slice();
  const scratch = new WalkScratch(g.n);
  let steps = 0;
  for (let i = 0; i < g.n; i++) steps += coverStep(g, mate, owner, random, sampler, scratch);
  budget.charge(steps + g.n);
  if (inMode(mate, mode)) return true;
  mate.set(keepMate);
  owner.set(keepOwner);
  return false;
}

export function inMode(mate: Int32Array, mode: MatchMode): boolean {
  if (mode === 'any') return true;
  if (mode === 'no-mutual') return countMutual(mate) === 0;
  let length = 1;
  for (let v = mate[0]!; v !== 0; v = mate[v]!) length++;
  return length === mate.length;
}
