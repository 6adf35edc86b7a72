import type { Random } from '../random';
import type { Budget } from './budget';
import { COVER_COUNT_MAX, CoverCounter } from './cover-count';
import type { Graph } from './graph';
import { LOOP_COUNT_MAX, loopUnits, sampleLoopExactly } from './loop-count';
import { countMutual } from './mutual';
import { MUTUAL_FREE_COUNT_MAX, sampleMutualFreeExactly } from './mutual-free-count';
import { SparseCoverCounter } from './sparse-count';
import type { MatchMode } from './types';

/** Uniform covers tried before counting no-mutual draws directly (accepting only those without 2-cycles is still exact). */
const COVER_TRIES = 32;

export const DEFAULT_EXACT_LIMIT = Math.max(LOOP_COUNT_MAX, COVER_COUNT_MAX);

/**
 * An exactly uniform draw by counting, when the group is small enough (or, for covers, sparse enough): a mate array, 'none' when
 * counting proved there is no valid draw of the mode, or null (too large, or out of budget).
 */
export function exactDraw(g: Graph, mode: MatchMode, random: Random, budget: Budget, limit: number): Int32Array | 'none' | null {
  if (mode === 'single-loop') {
    if (loopUnits(g).head.length > Math.min(limit, LOOP_COUNT_MAX)) return null;
    return sampleLoopExactly(g, random, budget);
  }
  let free = 0;
  for (let v = 0; v < g.n; v++) if (g.fixedTo[v] === -1) free++;
  // Above the subset-counting size, sparse groups are counted along a narrow giver order.
  const counter = free <= Math.min(limit, COVER_COUNT_MAX) ? CoverCounter.build(g, budget) : SparseCoverCounter.build(g, budget);
  if (counter !== null) {
    if (counter.total === 0) return 'none';
    if (mode === 'any') return counter.sample(random);
    for (let t = 0; t < COVER_TRIES; t++) {
      const mate = counter.sample(random);
      if (countMutual(mate) === 0) return mate;
    }
  }
  if (mode === 'no-mutual' && g.n <= Math.min(limit, MUTUAL_FREE_COUNT_MAX)) return sampleMutualFreeExactly(g, random, budget);
  return null;
}

/** Rough work of exactDraw in steps (Infinity when it does not apply): rejection is not given more than that. */
export function exactCost(g: Graph, mode: MatchMode, limit: number): number {
  if (mode === 'single-loop') {
    const k = loopUnits(g).head.length;
    return k <= Math.min(limit, LOOP_COUNT_MAX) ? 2 ** Math.max(0, k - 1) * k : Infinity;
  }
  let free = 0;
  for (let v = 0; v < g.n; v++) if (g.fixedTo[v] === -1) free++;
  if (free <= Math.min(limit, COVER_COUNT_MAX)) return 2 ** free;
  return mode === 'no-mutual' && g.n <= Math.min(limit, MUTUAL_FREE_COUNT_MAX) ? 3 ** g.n : Infinity;
}
