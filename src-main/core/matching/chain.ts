import type { Random } from '../random';
import type { Budget } from './budget';
import type { Graph } from './graph';
import { longJump } from './jump';
import { mixLoop } from './loop-mixing';
import { mixCover, proposalCount } from './mixing';
import { Sampler } from './sampler';
import type { MatchMode } from './types';

/**
 * Long jumps per draw (times the mixing factor); they make the chain irreducible, the local moves
 * make it fast. One is enough for the argument; above 1 000 people a jump costs as much as the
 * rest of the chain, so big groups get one.
 */
const jumpsFor = (n: number): number => (n <= 1000 ? 4 : 1);

/**
 * Uniformises a valid assignment in place. A fixed schedule, decided before the chain runs: segments
 * of local Metropolis moves (swaps and 3-rotations; for loops the rotations that keep one loop)
 * separated by long jumps. Each kernel is symmetric with a uniform target, so the schedule keeps the
 * uniform distribution invariant, and one long jump reaches every valid assignment (docs/matching.md).
 */
export function runChain(g: Graph, mate: Int32Array, owner: Int32Array, mode: MatchMode, random: Random, budget: Budget, factor: number): void {
  if (factor <= 0) return;
  const loop = mode === 'single-loop';
  const jumps = Math.ceil(jumpsFor(g.n) * factor);
  const segment = Math.ceil(proposalCount(g, factor, loop) / (jumps + 1));
  const sampler = new Sampler(g, random);
  for (let j = 0; j <= jumps && budget.ok; j++) {
    if (loop) mixLoop(g, mate, owner, random, budget, segment);
    else mixCover(g, mate, owner, mode === 'no-mutual', random, budget, segment);
    if (j < jumps) longJump(g, mate, owner, mode, random, sampler, budget);
  }
}
