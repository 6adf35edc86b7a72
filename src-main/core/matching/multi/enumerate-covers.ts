import type { Budget } from '../budget';
import type { MatchMode } from '../types';
import type { MultiGraph } from './graph';

/**
 * Every valid draw of mode 'any' or 'no-mutual' with k giftees each, one at a time in a fixed
 * order: giver 0 picks a set of k receivers, then giver 1, … Each draw is one sequence of sets, so
 * counting the leaves counts the draws exactly. `visit` returns true to stop. Returns false when
 * the budget ran out before the end.
 */
export function eachCover(g: MultiGraph, mode: MatchMode, budget: Budget, visit: (has: Uint8Array) => boolean): boolean {
  const { n, k, allowed, required } = g;
  const noMutual = mode === 'no-mutual';
  const has = new Uint8Array(n * n);
  const inLeft = new Int32Array(n).fill(k);
  // later[a·n + b]: givers from a on who may give to b (a receiver needing more than that is lost).
  const later = new Int32Array((n + 1) * n);
  for (let a = n - 1; a >= 0; a--) for (let b = 0; b < n; b++) later[a * n + b] = later[(a + 1) * n + b]! + allowed[a * n + b]!;
  let stopped = false;
  let outOfBudget = false;

  const stillPossible = (next: number): boolean => {
    for (let b = 0; b < n; b++) if (inLeft[b]! > later[next * n + b]!) return false;
    return true;
  };
  const free = (a: number, b: number): boolean => allowed[a * n + b] === 1 && has[a * n + b] === 0 && inLeft[b]! > 0 && !(noMutual && has[b * n + a] === 1);
  const add = (a: number, b: number): void => {
    has[a * n + b] = 1;
    inLeft[b] = inLeft[b]! - 1;
  };
  const remove = (a: number, b: number): void => {
    has[a * n + b] = 0;
    inLeft[b] = inLeft[b]! + 1;
  };

  const giver = (a: number): void => {
    if (stopped) return;
    if (!budget.charge(n)) {
      stopped = outOfBudget = true;
      return;
    }
    if (a === n) {
      if (visit(has)) stopped = true;
      return;
    }
    const fixed: number[] = [];
    const options: number[] = [];
    for (let b = 0; b < n; b++) {
      if (required[a * n + b] === 1) fixed.push(b);
      else if (free(a, b)) options.push(b);
    }
    if (fixed.some((b) => !free(a, b))) return;
    for (const b of fixed) add(a, b);
    choose(a, options, 0, k - fixed.length);
    for (const b of fixed) remove(a, b);
  };
  // The remaining `left` receivers of giver a, from options[from..] in increasing order.
  const choose = (a: number, options: number[], from: number, left: number): void => {
    if (stopped) return;
    if (left === 0) {
      if (stillPossible(a + 1)) giver(a + 1);
      return;
    }
    for (let i = from; i <= options.length - left; i++) {
      const b = options[i]!;
      if (inLeft[b]! === 0) continue;
      add(a, b);
      choose(a, options, i + 1, left - 1);
      remove(a, b);
      if (stopped) return;
    }
  };
  giver(0);
  return !outOfBudget;
}
