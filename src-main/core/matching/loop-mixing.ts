import type { Random } from '../random';
import type { Budget } from './budget';
import { CycleOrder } from './cycle-order';
import type { Graph } from './graph';
import { movableGivers } from './mixing';
import { Sampler } from './sampler';

/**
 * Metropolis chain on single loops. Same proposal as the cover chain's rotation (g1 takes g2's
 * receiver, g2 takes g3's, g3 takes g1's); it keeps one loop exactly when g1, g2, g3 follow each
 * other in that cyclic order along the loop, and then it swaps two adjacent stretches of the loop
 * without reversing anything (directed "or-3opt"). Valid moves are all accepted: uniform target.
 */
export function mixLoop(g: Graph, mate: Int32Array, owner: Int32Array, random: Random, budget: Budget, proposals: number): number {
  const movable = movableGivers(g);
  const m = movable.length;
  if (m < 3 || proposals <= 0) return 0;
  const sequence = new Int32Array(g.n);
  for (let i = 0, v = 0; i < g.n; i++, v = mate[v]!) sequence[i] = v;
  const order = new CycleOrder(sequence, random);
  const sampler = new Sampler(g, random);
  const { rows, words } = g;
  let accepted = 0;
  for (let p = 0; p < proposals; p++) {
    if ((p & 255) === 0 && !budget.charge(256)) break;
    const g1 = movable[random.int(m)]!;
    const r1 = sampler.pick(g1);
    if (r1 === mate[g1]) continue;
    const g2 = owner[r1]!;
    const r2 = sampler.pick(g2);
    if (r2 === mate[g2]) continue;
    const g3 = owner[r2]!;
    const ra = mate[g1]!;
    if (g3 === g1 || ((rows[g3 * words + (ra >>> 5)]! >>> (ra & 31)) & 1) === 0) continue;
    const p1 = order.position(g1);
    const p2 = order.position(g2);
    const p3 = order.position(g3);
    if (!((p1 < p2 && p2 < p3) || (p2 < p3 && p3 < p1) || (p3 < p1 && p1 < p2))) continue;
    mate[g1] = r1;
    owner[r1] = g1;
    mate[g2] = r2;
    owner[r2] = g2;
    mate[g3] = ra;
    owner[ra] = g3;
    const lo = Math.min(p1, p2, p3);
    const hi = Math.max(p1, p2, p3);
    order.swapSegments(lo, p1 + p2 + p3 - lo - hi, hi);
    accepted++;
  }
  return accepted;
}
