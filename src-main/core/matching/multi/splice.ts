import type { Random } from '../../random';
import { Budget } from '../budget';
import { RandomStream } from '../random-stream';
import type { Assignment, MatchingProblem, SolveOptions, SpliceResult } from '../types';
import { compileMulti, type MultiGraph } from './graph';
import { redrawLoop, type Loops } from './loops';
import { precheckMulti } from './precheck';
import { splitIntoRounds } from './rounds';
import { solveMulti } from './solve';

/** Candidate sets of pairs to break beyond which the search samples instead of trying them all. */
const ENUMERATE_LIMIT = 200_000;
const SAMPLE_TRIES = 20_000;

type Pair = [number, number];

/**
 * Someone left a drawn exchange with k giftees each. Single loop: in every loop their giver takes
 * their receiver (a loop whose shortcut is not allowed is re-drawn with the others kept). Other
 * modes: their k givers take their k receivers in some valid way; if none fits, also one existing
 * pair is broken, then two — the fewest changed pairs, chosen uniformly among the options found.
 * Otherwise a full re-draw.
 */
export function spliceOutMulti(problem: MatchingProblem, k: number, previous: Assignment, slots: readonly number[] | undefined, options: SolveOptions): SpliceResult {
  const g = compileMulti(problem, k);
  const pre = precheckMulti(g, problem.mode);
  if (pre !== null) return { ok: false, reason: pre };
  const random = new RandomStream(options.random);
  const budget = Budget.from(options);
  if (problem.mode === 'single-loop') {
    const loops = loopsWithout(g, previous, slots);
    if (loops !== null && mendLoops(g, loops.loops, loops.broken, random, budget)) return finish(g, previous, loopPairs(g, loops.loops));
    return redraw(problem, k, previous, options);
  }
  const kept: Pair[] = [];
  const freeGivers: number[] = [];
  const freeReceivers: number[] = [];
  for (const [giver, receiver] of previous) {
    const a = g.index.get(giver);
    const b = g.index.get(receiver);
    if (a !== undefined && b !== undefined) kept.push([a, b]);
    else if (a !== undefined) freeGivers.push(a);
    else if (b !== undefined) freeReceivers.push(b);
  }
  const mended = mendCover(g, problem.mode === 'no-mutual', kept, freeGivers, freeReceivers, random);
  if (mended !== null) return finish(g, previous, mended);
  return redraw(problem, k, previous, options);
}

/**
 * Someone joined a drawn exchange with k giftees each. Single loop: they are put into every loop
 * between some giver and that giver's receiver. Other modes: k existing pairs a→b (different givers,
 * different receivers) become a→newcomer→b. The k places are uniform among those allowed; with
 * none, a full re-draw. Exactly k existing pairs change, the fewest possible (the newcomer needs k givers).
 */
export function spliceInMulti(problem: MatchingProblem, k: number, previous: Assignment, slots: readonly number[] | undefined, added: number, options: SolveOptions): SpliceResult {
  const g = compileMulti(problem, k);
  const pre = precheckMulti(g, problem.mode);
  if (pre !== null) return { ok: false, reason: pre };
  const y = g.index.get(added);
  if (y === undefined) return redraw(problem, k, previous, options);
  const random = new RandomStream(options.random);
  const kept: Array<Pair & { slot: number }> = [];
  previous.forEach(([giver, receiver], e) => {
    const a = g.index.get(giver);
    const b = g.index.get(receiver);
    if (a !== undefined && b !== undefined && a !== y && b !== y) kept.push(Object.assign([a, b] as Pair, { slot: slots?.[e] ?? 0 }));
  });
  const singleLoop = problem.mode === 'single-loop';
  if (singleLoop && slots === undefined) return redraw(problem, k, previous, options);
  const fits = (chosen: ReadonlyArray<Pair & { slot: number }>): boolean => {
    const givers = new Set(chosen.map(([a]) => a));
    const receivers = new Set(chosen.map(([, b]) => b));
    if (givers.size !== k || receivers.size !== k) return false;
    if (singleLoop && new Set(chosen.map((p) => p.slot)).size !== k) return false;
    if (problem.mode === 'no-mutual' && [...givers].some((a) => receivers.has(a))) return false;
    for (const [a, b] of chosen) if (g.required[a * g.n + b] === 1 || g.allowed[a * g.n + y] !== 1 || g.allowed[y * g.n + b] !== 1) return false;
    // Must-draw pairs of the newcomer have to be among the new ones.
    for (const [a, b] of g.requiredPairs) {
      if (a === y && !receivers.has(b)) return false;
      if (b === y && !givers.has(a)) return false;
    }
    return true;
  };
  const chosen = pickSubset(kept, k, fits, random);
  if (chosen === null) return redraw(problem, k, previous, options);
  const broken = new Set(chosen);
  const pairs: Pair[] = kept.filter((p) => !broken.has(p)).map(([a, b]) => [a, b]);
  for (const [a, b] of chosen) pairs.push([a, y], [y, b]);
  if (singleLoop) {
    // Each loop keeps its number: the newcomer's two pairs go to the loop of the pair they replace.
    const loopSlots = [...kept.filter((p) => !broken.has(p)).map((p) => p.slot), ...chosen.flatMap((p) => [p.slot, p.slot])];
    return finish(g, previous, pairs, loopSlots);
  }
  return finish(g, previous, pairs);
}

/** A uniformly random k-subset of `items` that `fits`: by rejection, then by listing all when few; null if none. */
function pickSubset<T>(items: readonly T[], k: number, fits: (chosen: T[]) => boolean, random: Random): T[] | null {
  if (items.length < k) return null;
  for (let t = 0; t < SAMPLE_TRIES; t++) {
    const picked = new Set<number>();
    while (picked.size < k) picked.add(random.int(items.length));
    const chosen = [...picked].sort((x, y) => x - y).map((i) => items[i]!);
    if (fits(chosen)) return chosen;
  }
  if (binomial(items.length, k) > ENUMERATE_LIMIT) return null;
  const all: T[][] = [];
  const walk = (from: number, chosen: T[]): void => {
    if (chosen.length === k) {
      if (fits(chosen)) all.push([...chosen]);
      return;
    }
    for (let i = from; i < items.length; i++) walk(i + 1, [...chosen, items[i]!]);
  };
  walk(0, []);
  return all.length === 0 ? null : all[random.int(all.length)]!;
}

const binomial = (n: number, k: number): number => (k === 0 ? 1 : (binomial(n - 1, k - 1) * n) / k);

/**
 * The fewest new pairs that give `freeGivers` (a giver listed twice needs two) receivers among
 * `freeReceivers`, breaking no, one or two kept pairs whose giver and receiver join the free lists.
 * Every way at the smallest count is collected and one is chosen uniformly. Null when even two
 * broken pairs do not help.
 */
function mendCover(g: MultiGraph, noMutual: boolean, kept: Pair[], freeGivers: number[], freeReceivers: number[], random: Random): Pair[] | null {
  const { n, allowed, required } = g;
  const has = new Uint8Array(n * n);
  for (const [a, b] of kept) has[a * n + b] = 1;
  const breakable = kept.map((_, e) => e).filter((e) => required[kept[e]![0] * n + kept[e]![1]] === 0);
  const tryWith = (broken: number[]): Pair[][] => {
    const givers = [...freeGivers, ...broken.map((e) => kept[e]![0])];
    const receivers = [...freeReceivers, ...broken.map((e) => kept[e]![1])];
    for (const e of broken) has[kept[e]![0] * n + kept[e]![1]] = 0;
    const ways: Pair[][] = [];
    const seen = new Set<string>();
    const used = new Uint8Array(receivers.length);
    const current: Pair[] = [];
    const assign = (i: number): void => {
      if (i === givers.length) {
        // A giver listed twice meets the same two receivers in both orders: one way, counted once.
        const key = current
          .map(([a, b]) => a * n + b)
          .sort((x, y) => x - y)
          .join(',');
        if (!seen.has(key)) ways.push([...current]);
        seen.add(key);
        return;
      }
      const a = givers[i]!;
      for (let j = 0; j < receivers.length; j++) {
        const b = receivers[j]!;
        // The same receiver listed twice gives the same pairs: try only its first free copy.
        if (used[j] === 1 || receivers.slice(0, j).some((x, jj) => x === b && used[jj] === 0)) continue;
        if (a === b || allowed[a * n + b] !== 1 || has[a * n + b] === 1 || (noMutual && has[b * n + a] === 1)) continue;
        if (broken.some((e) => kept[e]![0] === a && kept[e]![1] === b)) continue;
        used[j] = 1;
        has[a * n + b] = 1;
        current.push([a, b]);
        assign(i + 1);
        current.pop();
        has[a * n + b] = 0;
        used[j] = 0;
      }
    };
    assign(0);
    for (const e of broken) has[kept[e]![0] * n + kept[e]![1]] = 1;
    return ways.map((added) => [...kept.filter((_, e) => !broken.includes(e)), ...added]);
  };
  const direct = tryWith([]);
  if (direct.length > 0) return direct[random.int(direct.length)]!;
  const one = breakable.flatMap((e) => tryWith([e]));
  if (one.length > 0) return one[random.int(one.length)]!;
  const two: Pair[][] = [];
  const total = (breakable.length * (breakable.length - 1)) / 2;
  if (total <= ENUMERATE_LIMIT) {
    for (let x = 0; x < breakable.length; x++) for (let y = x + 1; y < breakable.length; y++) two.push(...tryWith([breakable[x]!, breakable[y]!]));
  } else {
    for (let t = 0; t < ENUMERATE_LIMIT && two.length === 0; t++) {
      const x = random.int(breakable.length);
      const y = random.int(breakable.length);
      if (x !== y) two.push(...tryWith([breakable[x]!, breakable[y]!]));
    }
  }
  return two.length > 0 ? two[random.int(two.length)]! : null;
}

/** The previous loops without the person who left (index space of `g`), and which loops lost someone. */
function loopsWithout(g: MultiGraph, previous: Assignment, slots: readonly number[] | undefined): { loops: Loops; broken: Array<[number, number, number]> } | null {
  if (slots === undefined || slots.length !== previous.length) return null;
  const next = Array.from({ length: g.k }, () => new Map<number, number>());
  previous.forEach(([giver, receiver], e) => next[slots[e]!]?.set(giver, receiver));
  const loops: Loops = [];
  const broken: Array<[number, number, number]> = [];
  for (let j = 0; j < g.k; j++) {
    const mate = new Int32Array(g.n).fill(-1);
    for (const [giver, receiver] of next[j]!) {
      const a = g.index.get(giver);
      if (a === undefined) continue;
      let r = receiver;
      // Skip the people who are no longer in (the one who left).
      for (let hops = 0; g.index.get(r) === undefined && hops <= next[j]!.size; hops++) r = next[j]!.get(r) ?? r;
      const b = g.index.get(r);
      if (b === undefined) return null;
      mate[a] = b;
      if (r !== receiver) broken.push([j, a, b]);
    }
    if (mate.some((b) => b < 0)) return null;
    loops.push(mate);
  }
  return { loops, broken };
}

/** Keeps each loop's shortcut when it is allowed and in no other loop; re-draws the loops where it is not. */
function mendLoops(g: MultiGraph, loops: Loops, broken: Array<[number, number, number]>, random: Random, budget: Budget): boolean {
  const { n, allowed } = g;
  const count = new Map<number, number>();
  loops.forEach((mate) => mate.forEach((b, a) => count.set(a * n + b, (count.get(a * n + b) ?? 0) + 1)));
  for (const [j, a, b] of broken) {
    if (a !== b && allowed[a * n + b] === 1 && count.get(a * n + b) === 1) continue;
    if (!redrawLoop(g, loops, j, random, budget)) return false;
  }
  return true;
}

function loopPairs(g: MultiGraph, loops: Loops): Pair[] & { slots?: number[] } {
  const pairs: Pair[] = [];
  const slots: number[] = [];
  loops.forEach((mate, j) =>
    mate.forEach((b, a) => {
      pairs.push([a, b]);
      slots.push(j);
    }),
  );
  return Object.assign(pairs, { slots });
}

/** Ids, rounds, and the givers whose set of giftees changed. */
function finish(g: MultiGraph, previous: Assignment, pairs: Pair[] & { slots?: number[] }, loopSlots?: number[]): SpliceResult {
  const assignment: Assignment = pairs.map(([a, b]) => [g.ids[a]!, g.ids[b]!]);
  const slots = loopSlots ?? pairs.slots ?? splitIntoRounds(g.n, g.k, pairs);
  return { ok: true, assignment, slots, changedGivers: changedGivers(previous, assignment) };
}

function changedGivers(previous: Assignment, assignment: Assignment): number[] {
  const before = new Set(previous.map(([a, b]) => `${a}>${b}`));
  const after = new Set(assignment.map(([a, b]) => `${a}>${b}`));
  const out = new Set<number>();
  for (const [a, b] of assignment) if (!before.has(`${a}>${b}`)) out.add(a);
  // A giver who only lost a giftee (to someone who left) has a new one; nobody else loses without gaining.
  for (const [a, b] of previous) if (!after.has(`${a}>${b}`) && assignment.some(([x]) => x === a)) out.add(a);
  return [...out].sort((x, y) => x - y);
}

function redraw(problem: MatchingProblem, k: number, previous: Assignment, options: SolveOptions): SpliceResult {
  const full = solveMulti(problem, k, options);
  if (!full.ok) return full;
  return { ok: true, assignment: full.assignment, slots: full.slots!, changedGivers: changedGivers(previous, full.assignment) };
}
