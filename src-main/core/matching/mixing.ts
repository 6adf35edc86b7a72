import type { Random } from '../random';
import type { Budget } from './budget';
import type { Graph } from './graph';
import { Sampler } from './sampler';

/**
 * Number of proposals, fixed before the chain runs: stopping after a given number of *accepted*
 * moves would bias the result towards assignments with many valid moves (the state right after a
 * jump is not stationary). Aim: ½·n·ln n accepted moves per unit of `factor`, with the acceptance
 * rate estimated from the density of allowed pairs (halved for single loops, where half of the
 * rotations would split the loop).
 */
export function proposalCount(g: Graph, factor: number, loop: boolean): number {
  let edges = 0;
  for (let v = 0; v < g.n; v++) edges += g.outDeg[v]!;
  const density = edges / Math.max(1, g.n * (g.n - 1));
  const acceptance = Math.max(0.01, loop ? density / 2 : density);
  const accepted = 0.5 * factor * g.n * Math.log(g.n + 1) + 50;
  return Math.ceil(accepted / acceptance);
}

export function movableGivers(g: Graph): Int32Array {
  const out: number[] = [];
  for (let v = 0; v < g.n; v++) if (g.fixedTo[v] === -1 && g.outDeg[v]! >= 2) out.push(v);
  return Int32Array.from(out);
}

/**
 * Metropolis chain on cycle covers (any / no-mutual): pick a movable giver g1 and a random allowed
 * receiver r1, owned by g2; either swap the receivers of g1 and g2, or pass on to a random allowed
 * receiver of g2 (owned by g3) and rotate g1←g2←g3←g1. The proposal probability of a move and of
 * its reverse are equal (same products of 1/outDeg), so accepting every valid move leaves the
 * uniform distribution over valid assignments invariant.
 */
export function mixCover(g: Graph, mate: Int32Array, owner: Int32Array, noMutual: boolean, random: Random, budget: Budget, proposals: number): number {
  const movable = movableGivers(g);
  const m = movable.length;
  if (m < 2 || proposals <= 0) return 0;
  const { rows, words } = g;
  const sampler = new Sampler(g, random);
  let accepted = 0;
  for (let p = 0; p < proposals; p++) {
    if ((p & 255) === 0 && !budget.charge(256)) break;
    const g1 = movable[random.int(m)]!;
    const r1 = sampler.pick(g1);
    const ra = mate[g1]!;
    if (r1 === ra) continue;
    const g2 = owner[r1]!;
    if (random.int(2) === 0) {
      if (((rows[g2 * words + (ra >>> 5)]! >>> (ra & 31)) & 1) === 0) continue;
      if (noMutual && rotationMakesMutual(mate, g1, r1, g2, ra, -1, -1)) continue;
      mate[g1] = r1;
      owner[r1] = g1;
      mate[g2] = ra;
      owner[ra] = g2;
    } else {
      const r2 = sampler.pick(g2);
      const g3 = owner[r2]!;
      if (g3 === g1 || g3 === g2) continue;
      if (((rows[g3 * words + (ra >>> 5)]! >>> (ra & 31)) & 1) === 0) continue;
      if (noMutual && rotationMakesMutual(mate, g1, r1, g2, r2, g3, ra)) continue;
      mate[g1] = r1;
      owner[r1] = g1;
      mate[g2] = r2;
      owner[r2] = g2;
      mate[g3] = ra;
      owner[ra] = g3;
    }
    accepted++;
  }
  return accepted;
}

/** After g1→r1, g2→r2, g3→r3 (g3 = -1 for a swap): does any of them now draw someone who draws them? */
function rotationMakesMutual(mate: Int32Array, g1: number, r1: number, g2: number, r2: number, g3: number, r3: number): boolean {
  const next = (x: number): number => (x === g1 ? r1 : x === g2 ? r2 : x === g3 ? r3 : mate[x]!);
  return next(r1) === g1 || next(r2) === g2 || (g3 >= 0 && next(r3) === g3);
}
