import type { Random } from '../../random';
import type { Budget } from '../budget';
import { shuffled } from './shuffle';
import type { InfeasibleReason } from '../types';
import type { MultiGraph } from './graph';

export type FlowOutcome = { ok: true; pairs: Array<[number, number]> } | { ok: false; reason: InfeasibleReason | null };

/**
 * Some set of pairs in which everyone gives k and receives k, every pair allowed and every
 * must-draw pair included (a k-factor of the allowed pairs, by augmenting paths as in a flow), or
 * the givers who prove there is none: from the givers still short of giftees, everyone an
 * augmenting path can reach; they need more giftees than the people they may give to can take
 * (the max-flow min-cut bound). Ignores the mode (no mutual pairs, loops): a first step for those.
 * `reason` is null when the budget ran out.
 */
export function kFactor(g: MultiGraph, random: Random, budget: Budget): FlowOutcome {
  const { n, k, allowed, required } = g;
  const has = new Uint8Array(n * n);
  const outLeft = new Int32Array(n).fill(k);
  const inLeft = new Int32Array(n).fill(k);
  for (const [a, b] of g.requiredPairs) {
    has[a * n + b] = 1;
    outLeft[a] = outLeft[a]! - 1;
    inLeft[b] = inLeft[b]! - 1;
  }
  // Random greedy first: most givers are served at once and augmenting paths are short.
  for (const a of shuffled(random, n)) {
    for (const b of shuffled(random, n)) {
      if (outLeft[a] === 0) break;
      if (allowed[a * n + b] === 1 && has[a * n + b] === 0 && inLeft[b]! > 0) {
        has[a * n + b] = 1;
        outLeft[a] = outLeft[a]! - 1;
        inLeft[b] = inLeft[b]! - 1;
      }
    }
  }
  const fromGiver = new Int32Array(n);
  const fromReceiver = new Int32Array(n);
  for (;;) {
    if (!budget.charge(n * n)) return { ok: false, reason: null };
    // Breadth-first over the residual graph from every giver still short of giftees.
    fromGiver.fill(-2);
    fromReceiver.fill(-2);
    const queue: number[] = [];
    for (let a = 0; a < n; a++) {
      if (outLeft[a]! > 0) {
        fromGiver[a] = -1;
        queue.push(a);
      }
    }
    if (queue.length === 0) break;
    let end = -1;
    for (let head = 0; head < queue.length && end < 0; head++) {
      const a = queue[head]!;
      for (let b = 0; b < n; b++) {
        if (allowed[a * n + b] !== 1 || has[a * n + b] === 1 || fromReceiver[b] !== -2) continue;
        fromReceiver[b] = a;
        if (inLeft[b]! > 0) {
          end = b;
          break;
        }
        // b is full: one of its givers (not by a must-draw) may move on to someone else.
        for (let c = 0; c < n; c++) {
          if (has[c * n + b] === 1 && required[c * n + b] === 0 && fromGiver[c] === -2) {
            fromGiver[c] = b;
            queue.push(c);
          }
        }
      }
    }
    if (end < 0) return { ok: false, reason: shortGivers(g, fromGiver) };
    let b = end;
    inLeft[b] = inLeft[b]! - 1;
    for (;;) {
      const a = fromReceiver[b]!;
      has[a * n + b] = 1;
      const prev = fromGiver[a]!;
      if (prev === -1) {
        outLeft[a] = outLeft[a]! - 1;
        break;
      }
      has[a * n + prev] = 0;
      b = prev;
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (has[a * n + b] === 1) pairs.push([a, b]);
  return { ok: true, pairs };
}

/** The reached givers, with what they still need and what the people they may give to can take. */
function shortGivers(g: MultiGraph, fromGiver: Int32Array): InfeasibleReason {
  const { n, k, allowed, required, ids } = g;
  const givers: number[] = [];
  for (let a = 0; a < n; a++) if (fromGiver[a] !== -2) givers.push(a);
  const reqOut = new Int32Array(n);
  const reqIn = new Int32Array(n);
  for (const [a, b] of g.requiredPairs) {
    reqOut[a] = reqOut[a]! + 1;
    reqIn[b] = reqIn[b]! + 1;
  }
  let need = 0;
  for (const a of givers) need += k - reqOut[a]!;
  const receivers: number[] = [];
  let capacity = 0;
  for (let b = 0; b < n; b++) {
    let from = 0;
    for (const a of givers) if (allowed[a * n + b] === 1 && required[a * n + b] === 0) from++;
    if (from === 0) continue;
    receivers.push(b);
    capacity += Math.min(k - reqIn[b]!, from);
  }
  return { kind: 'hall', givers: givers.map((i) => ids[i]!), receivers: receivers.map((i) => ids[i]!), gifts: { each: k, need, capacity } };
}
