import type { Random } from '../../random';
import type { Budget } from '../budget';
import type { MatchMode } from '../types';
import type { Cover } from './cover';
import type { MultiGraph } from './graph';

/** Proposals per draw: mixing × (20·m·ln m + 2 000), m = n·k pairs. A heuristic; the bias is measured in the tests. */
export const switchSteps = (pairs: number, mixing: number): number => Math.ceil(mixing * (20 * pairs * Math.log(pairs + 1) + 2000));

interface Moves {
  /** Pairs i: a→b and j: c→d become a→d and c→b, if the result is valid; true when applied. */
  switchPairs(i: number, j: number): boolean;
  /** Pairs i: a→b, j: c→d, l: e→f become a→d, c→f, e→b, if the result is valid. */
  rotate(i: number, j: number, l: number): boolean;
}

/**
 * The two moves on a draw `c` (changed in place). A move never removes a must-draw pair and adds
 * only pairs that are allowed, not drawn yet, not to oneself and — for 'no-mutual' — whose reverse
 * is not drawn after the move.
 */
function movesOn(g: MultiGraph, mode: MatchMode, c: Cover): Moves {
  const { n, allowed, required } = g;
  const noMutual = mode === 'no-mutual';
  const { giver, receiver, has } = c;
  const removed: number[] = [];
  const isRemoved = (a: number, b: number): boolean => {
    for (let i = 0; i < removed.length; i += 2) if (removed[i] === a && removed[i + 1] === b) return true;
    return false;
  };
  const canAdd = (a: number, b: number): boolean => a !== b && allowed[a * n + b] === 1 && has[a * n + b] === 0 && !(noMutual && has[b * n + a] === 1 && !isRemoved(b, a));
  const canRemove = (e: number): boolean => required[giver[e]! * n + receiver[e]!] === 0;
  const move = (e: number, b: number): void => {
    has[giver[e]! * n + receiver[e]!] = 0;
    receiver[e] = b;
  };
  return {
    switchPairs(i, j) {
      if (i === j || !canRemove(i) || !canRemove(j)) return false;
      const [a, b, cc, d] = [giver[i]!, receiver[i]!, giver[j]!, receiver[j]!];
      if (a === cc || b === d) return false;
      removed.length = 0;
      removed.push(a, b, cc, d);
      if (!canAdd(a, d) || !canAdd(cc, b)) return false;
      move(i, d);
      move(j, b);
      has[a * n + d] = 1;
      has[cc * n + b] = 1;
      return true;
    },
    rotate(i, j, l) {
      if (i === j || j === l || i === l || !canRemove(i) || !canRemove(j) || !canRemove(l)) return false;
      const [a, b, cc, d, e, f] = [giver[i]!, receiver[i]!, giver[j]!, receiver[j]!, giver[l]!, receiver[l]!];
      // Distinct givers and receivers: the three new pairs are then new and distinct.
      if (a === cc || a === e || cc === e || b === d || b === f || d === f) return false;
      removed.length = 0;
      removed.push(a, b, cc, d, e, f);
      if (!canAdd(a, d) || !canAdd(cc, f) || !canAdd(e, b)) return false;
      move(i, d);
      move(j, f);
      move(l, b);
      has[a * n + d] = 1;
      has[cc * n + f] = 1;
      has[e * n + b] = 1;
      return true;
    },
  };
}

/**
 * Metropolis chain over the draws of mode 'any' / 'no-mutual' with k giftees each, started from a
 * valid draw `c` (changed in place). Each step proposes, with probability ½ each, a switch of two
 * pairs at an ordered pair of positions, or a rotation of three pairs at an ordered triple of
 * positions, both uniform. Both proposals are symmetric (the switch undoes itself from the same
 * positions; the rotation a→d, c→f, e→b is undone by the triple in the order 1, 3, 2, which is as
 * likely), and a proposal is accepted exactly when the result is valid, so the uniform
 * distribution on valid draws is stationary. The rotation also reverses a 3-cycle a→b→c→a, which
 * switches alone cannot do. Returns the number of accepted moves.
 */
export function runSwitchChain(g: MultiGraph, mode: MatchMode, c: Cover, steps: number, random: Random, budget: Budget): number {
  const m = c.giver.length;
  if (m < 2) return 0;
  const moves = movesOn(g, mode, c);
  let accepted = 0;
  for (let step = 0; step < steps; step++) {
    if ((step & 1023) === 0 && !budget.charge(1024)) break;
    const i = random.int(m);
    const j = random.int(m);
    const done = random.int(2) === 0 ? moves.switchPairs(i, j) : moves.rotate(i, j, random.int(m));
    if (done) accepted++;
  }
  return accepted;
}

/**
 * Turns a draw with mutual pairs into one without (mode 'no-mutual'), by moves that take out one
 * pair of a mutual couple and add no new couple: each applied move lowers the number of couples.
 * A construction only (its result is then mixed by the chain). False when the budget ran out.
 */
export function repairMutual(g: MultiGraph, c: Cover, random: Random, budget: Budget): boolean {
  const { n } = g;
  const m = c.giver.length;
  const moves = movesOn(g, 'no-mutual', c);
  const mutual = (e: number): boolean => c.has[c.receiver[e]! * n + c.giver[e]!] === 1;
  for (;;) {
    const couples: number[] = [];
    for (let e = 0; e < m; e++) if (mutual(e)) couples.push(e);
    if (couples.length === 0) return true;
    let fixed = false;
    for (let tries = 0; tries < 50 * m && !fixed; tries++) {
      if (!budget.charge(8)) return false;
      const i = couples[random.int(couples.length)]!;
      fixed = random.int(2) === 0 ? moves.switchPairs(i, random.int(m)) : moves.rotate(i, random.int(m), random.int(m));
    }
    if (!fixed) return false;
  }
}
