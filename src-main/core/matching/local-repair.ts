import type { Random } from '../random';
import type { Budget } from './budget';
import { allowed, type Graph } from './graph';
import { buildBase, segmentEnds, type LocalBase } from './local-base';
import { shuffleInPlace } from './shuffle';
import type { MatchMode } from './types';

const MAX_FREE = 6;
const PAIR_CAP = 40_000;
const RANDOM_TRIES = 2_000;
const MAX_EXTRA = 5;
const MAX_CUT = 8;

/**
 * Smallest local re-draw: keep every still-valid pair and re-assign the free givers plus as few
 * extra givers as possible: none, then every single extra giver, then every pair of extra givers
 * (sampled when there are too many), then random small groups. Candidates are tried in random
 * order, so among equally small changes one is chosen at random. Null: fall back to a full draw.
 */
export function localRepair(g: Graph, mode: MatchMode, prev: Int32Array, random: Random, budget: Budget): Int32Array | null {
  const base = buildBase(g, mode, prev, random);
  if (base.free.length > MAX_FREE) return null;
  const inFree = new Uint8Array(g.n);
  for (const v of base.free) inFree[v] = 1;
  const attempt = (extra: readonly number[]): Int32Array | null => {
    if (!budget.charge(1 + extra.length)) return null;
    return trySet(g, mode, base, [...base.free, ...extra], random, budget);
  };
  const direct = attempt([]);
  if (direct !== null || base.free.length === 0) return direct;
  const others: number[] = [];
  for (let v = 0; v < g.n; v++) if (!inFree[v] && g.fixedTo[v] === -1) others.push(v);
  shuffleInPlace(others, random);
  for (const h of others) {
    const found = attempt([h]);
    if (found !== null) return found;
    if (!budget.ok) return null;
  }
  // Exhaustive over pairs while affordable; beyond that, pairs where someone free could take h's
  // receiver (pickers) and h could take an open receiver (takers), sampled.
  const pickers = others.filter((h) => base.free.some((f) => allowed(g, f, base.kept[h]!)));
  const takers = others.filter((h) => base.open.some((o) => allowed(g, h, o)));
  if ((others.length * (others.length - 1)) / 2 <= PAIR_CAP) {
    for (let i = 0; i < others.length; i++) {
      for (let j = i + 1; j < others.length; j++) {
        const found = attempt([others[i]!, others[j]!]);
        if (found !== null) return found;
        if (!budget.ok) return null;
      }
    }
  } else if (pickers.length > 0 && takers.length > 0) {
    for (let t = 0; t < PAIR_CAP && budget.ok; t++) {
      const a = pickers[random.int(pickers.length)]!;
      const b = takers[random.int(takers.length)]!;
      const found = a === b ? null : attempt([a, b]);
      if (found !== null) return found;
    }
  }
  for (let size = 3; size <= Math.min(MAX_EXTRA, others.length, MAX_CUT - base.free.length) && budget.ok; size++) {
    if (binomial(others.length, size) <= RANDOM_TRIES) {
      for (const extra of combinations(others, size)) {
        const found = attempt(extra);
        if (found !== null) return found;
        if (!budget.ok) return null;
      }
      continue;
    }
    if (pickers.length === 0 || takers.length === 0) break;
    for (let t = 0; t < RANDOM_TRIES && budget.ok; t++) {
      const extra = new Set<number>([pickers[random.int(pickers.length)]!, takers[random.int(takers.length)]!]);
      while (extra.size < size) extra.add(others[random.int(others.length)]!);
      const found = attempt([...extra]);
      if (found !== null) return found;
    }
  }
  return null;
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c;
}

function* combinations(items: readonly number[], size: number, from = 0): Generator<number[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= items.length - size; i++) {
    for (const rest of combinations(items, size - 1, i + 1)) yield [items[i]!, ...rest];
  }
}

/** Re-assigns the givers in `cut` to the receivers they release (plus the open ones), or null. */
function trySet(g: Graph, mode: MatchMode, base: LocalBase, cut: readonly number[], random: Random, budget: Budget): Int32Array | null {
  const k = cut.length;
  const opens = [...base.open];
  for (const v of cut) if (base.kept[v] !== -1) opens.push(base.kept[v]!);
  const ends = mode === 'single-loop' ? segmentEnds(base, cut, opens) : null;
  if (mode === 'single-loop' && ends === null) return null;
  const inCut = new Map(cut.map((v, i) => [v, i]));
  const choice = new Int32Array(k).fill(-1);
  const used = new Uint8Array(k);
  const receiverAfter = (v: number): number => {
    const i = inCut.get(v);
    return i === undefined ? base.kept[v]! : opens[choice[i]!]!;
  };
  const leafOk = (): boolean => {
    if (mode === 'no-mutual') return cut.every((v, i) => receiverAfter(opens[choice[i]!]!) !== v);
    if (mode !== 'single-loop') return true;
    let i = 0;
    for (let step = 1; step <= k; step++) {
      i = ends![choice[i]!]!;
      if (i === 0) return step === k;
    }
    return false;
  };
  const assign = (i: number): boolean => {
    if (!budget.charge(1)) return false;
    if (i === k) return leafOk();
    const order = shuffleInPlace(
      Array.from({ length: k }, (_, j) => j),
      random,
    );
    for (const j of order) {
      if (used[j] || !allowed(g, cut[i]!, opens[j]!)) continue;
      used[j] = 1;
      choice[i] = j;
      if (assign(i + 1)) return true;
      used[j] = 0;
    }
    return false;
  };
  if (!assign(0)) return null;
  const mate = Int32Array.from(base.kept);
  cut.forEach((v, i) => (mate[v] = opens[choice[i]!]!));
  return mate;
}
