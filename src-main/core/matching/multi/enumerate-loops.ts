import type { Budget } from '../budget';
import type { MultiGraph } from './graph';

/**
 * Every valid single-loop draw with k giftees each: an ordered list of k loops through everyone,
 * no pair in two loops, every must-draw pair in one of them. Loop j is `next[j·n + v]`, each loop
 * read from person 0 (so each loop is met once). `visit` returns true to stop; false when the
 * budget ran out before the end.
 */
export function eachLoops(g: MultiGraph, budget: Budget, visit: (next: Int32Array) => boolean): boolean {
  const { n, k, allowed, required } = g;
  const used = new Uint8Array(n * n);
  const next = new Int32Array(n * k).fill(-1);
  const visited = new Uint8Array(n);
  let stopped = false;
  let outOfBudget = false;
  let missingRequired = g.requiredPairs.length;

  const take = (a: number, b: number, j: number): void => {
    used[a * n + b] = 1;
    next[j * n + a] = b;
    if (required[a * n + b] === 1) missingRequired--;
  };
  const drop = (a: number, b: number, j: number): void => {
    used[a * n + b] = 0;
    next[j * n + a] = -1;
    if (required[a * n + b] === 1) missingRequired++;
  };
  // Every must-draw pair still missing needs a loop of its own per giver: j loops left fit j per giver.
  const requiredFit = (loopsLeft: number): boolean => {
    if (missingRequired === 0) return true;
    if (loopsLeft === 0) return false;
    const perGiver = new Int32Array(n);
    for (const [a, b] of g.requiredPairs) if (used[a * n + b] === 0 && ++perGiver[a]! > loopsLeft) return false;
    return true;
  };

  const extend = (j: number, at: number, depth: number): void => {
    if (stopped) return;
    if (!budget.charge(n)) {
      stopped = outOfBudget = true;
      return;
    }
    if (depth === n) {
      if (allowed[at * n] !== 1 || used[at * n] === 1) return;
      take(at, 0, j);
      if (requiredFit(k - j - 1)) {
        if (j + 1 === k) {
          if (visit(next)) stopped = true;
        } else {
          visited.fill(0);
          visited[0] = 1;
          extend(j + 1, 0, 1);
          // Restore this loop's marks for the caller's backtracking.
          visited.fill(1);
        }
      }
      drop(at, 0, j);
      return;
    }
    for (let b = 1; b < n && !stopped; b++) {
      if (visited[b] === 1 || allowed[at * n + b] !== 1 || used[at * n + b] === 1) continue;
      visited[b] = 1;
      take(at, b, j);
      extend(j, b, depth + 1);
      drop(at, b, j);
      visited[b] = 0;
    }
  };
  if (n < 2) return true;
  visited[0] = 1;
  extend(0, 0, 1);
  return !outOfBudget;
}
