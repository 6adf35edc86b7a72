import type { Random } from '../random';
import type { Budget } from './budget';
import { pickWeighted } from './exact-pick';
import { allowed, type Graph } from './graph';
import { memoized } from './memo';

/**
 * Most states (used-receiver sets) over all layers before giving up: bounds time and memory, and
 * makes a group whose giver order keeps too many receivers open at once fall back to the chain.
 */
export const SPARSE_STATES_MAX = 1 << 17;
/** Groups with more allowed pairs than this per free giver are not tried (dense groups blow the cap at once). */
const SPARSE_MAX_DEGREE = 12;
/** Larger groups are not tried: ordering the givers is quadratic. */
const SPARSE_MAX_GIVERS = 1000;
/** Most receivers open at once along the order: a state is a subset of them, one bit each in 32 bits. */
const SPARSE_MAX_OPEN = 32;

/**
 * Exactly uniform assignment ('any') for sparse groups above the subset-counting size. The free
 * givers are taken in an order that keeps few receivers "open" (allowed to some giver already placed
 * and to some giver still to come); the state after i givers is the set of open receivers used so far
 * (a receiver no later giver may take must be used, one no earlier giver could take is not, so the
 * open ones decide everything). ways[i][s] counts the ways to finish from state s; walking forward,
 * giver i takes receiver r with probability ways[i+1][s+r] / ways[i][s], so every valid assignment has
 * probability 1/ways[0][start]. Counts above 2^53 are rounded doubles (relative 1e-15), as in
 * cover-count.ts. Exact for whatever it returns; null when the group is not sparse enough (more than
 * 1 000 free givers, one with more than 12 options, more than 32 receivers open at once or more than
 * SPARSE_STATES_MAX states) or out of budget: the caller then goes on to the chain, as it does for
 * every group above the counting size, so trying this first never biases a draw.
 */
export class SparseCoverCounter {
  readonly #g: Graph;
  readonly #order: number[];
  readonly #layers: Layer[];
  readonly #ways: Float64Array[];

  private constructor(g: Graph, order: number[], layers: Layer[], ways: Float64Array[]) {
    this.#g = g;
    this.#order = order;
    this.#layers = layers;
    this.#ways = ways;
  }

  static build(g: Graph, budget: Budget): SparseCoverCounter | null {
    const givers: number[] = [];
    const receivers: number[] = [];
    for (let v = 0; v < g.n; v++) {
      if (g.fixedTo[v] === -1) givers.push(v);
      if (g.fixedFrom[v] === -1) receivers.push(v);
    }
    if (givers.length > SPARSE_MAX_GIVERS || givers.length !== receivers.length) return null;
    const options = new Map<number, number[]>();
    for (const v of givers) {
      if (g.outDeg[v]! > SPARSE_MAX_DEGREE) return null;
      options.set(
        v,
        receivers.filter((r) => allowed(g, v, r)),
      );
    }
    const key = givers.map((v) => `${v}:${options.get(v)!.join(',')}`).join(';');
    const table = memoized('sparse-cover', key, SPARSE_STATES_MAX, () => countLayers(g.n, givers, options, budget));
    if (table === null || table === TOO_WIDE) return null;
    return new SparseCoverCounter(g, table.order, table.layers, table.ways);
  }

  get total(): number {
    return this.#ways[0]![0]!;
  }

  /** One uniform valid assignment (mate[giver] = receiver); only call when `total` > 0. */
  sample(random: Random): Int32Array {
    const mate = Int32Array.from(this.#g.fixedTo);
    let state = 0;
    this.#order.forEach((giver, i) => {
      const layer = this.#layers[i]!;
      const next = this.#ways[i + 1]!;
      const from = layer.start[state]!;
      const e = pickWeighted(random, layer.start[state + 1]! - from, (j) => next[layer.next[from + j]!]!);
      mate[giver] = layer.receiver[from + e]!;
      state = layer.next[from + e]!;
    });
    return mate;
  }
}

/** Moves from the states after i givers: state s has moves start[s]..start[s+1]-1 (receiver taken, next state). */
interface Layer {
  start: Int32Array;
  receiver: Int32Array;
  next: Int32Array;
}

interface Table {
  order: number[];
  layers: Layer[];
  ways: Float64Array[];
}

/** The group is not sparse enough (kept in the memo, so that re-draws of the group do not try again). */
const TOO_WIDE = 'too-wide';

function countLayers(n: number, givers: number[], options: ReadonlyMap<number, number[]>, budget: Budget): Table | typeof TOO_WIDE | null {
  const order = narrowOrder(n, givers, options, budget);
  if (order === null) return null;
  const slots = openSlots(n, order, options);
  if (slots === null) return TOO_WIDE;
  // A state is the set of open receivers used so far, one bit per slot.
  let states: number[] = [0];
  let total = 1;
  const layers: Layer[] = [];
  for (let i = 0; i < order.length; i++) {
    const choices = options.get(order[i]!)!;
    const closing = slots.closingMask[i]!;
    const index = new Map<number, number>();
    const nextStates: number[] = [];
    const start = new Int32Array(states.length + 1);
    const receiver: number[] = [];
    const next: number[] = [];
    for (let s = 0; s < states.length; s++) {
      start[s] = receiver.length;
      const used = states[s]!;
      for (const r of choices) {
        const bit = (1 << slots.slot[r]!) >>> 0;
        if ((used & bit) !== 0) continue;
        const taken = (used | bit) >>> 0;
        // Every receiver that closes here must be taken by now, or nobody can take it later.
        if ((taken & closing) >>> 0 !== closing) continue;
        const after = (taken & ~closing) >>> 0;
        let t = index.get(after);
        if (t === undefined) {
          t = nextStates.length;
          index.set(after, t);
          nextStates.push(after);
          if (++total > SPARSE_STATES_MAX) return TOO_WIDE;
        }
        receiver.push(r);
        next.push(t);
      }
      if (!budget.charge(choices.length)) return null;
    }
    start[states.length] = receiver.length;
    layers.push({ start, receiver: Int32Array.from(receiver), next: Int32Array.from(next) });
    states = nextStates;
  }
  // After the last giver no receiver is open: one empty state, with one way to finish (or none at all).
  const ways: Float64Array[] = new Array<Float64Array>(order.length + 1);
  ways[order.length] = Float64Array.from(states, () => 1);
  for (let i = order.length - 1; i >= 0; i--) {
    const { start, next } = layers[i]!;
    const after = ways[i + 1]!;
    const here = new Float64Array(start.length - 1);
    for (let s = 0; s < here.length; s++) for (let e = start[s]!; e < start[s + 1]!; e++) here[s] = here[s]! + after[next[e]!]!;
    ways[i] = here;
  }
  // Beyond the doubles' range (about 10^308 draws) the weights are no longer usable.
  if (!Number.isFinite(ways[0]![0]!)) return TOO_WIDE;
  return { order, layers, ways };
}

/**
 * A bit slot for every receiver while it is open (from the first giver in the order who may take it
 * to the last; a slot is reused once its receiver closed), and per giver the slots that close after
 * it. null when more than SPARSE_MAX_OPEN receivers are open at once.
 */
function openSlots(n: number, order: number[], options: ReadonlyMap<number, number[]>): { slot: Int32Array; closingMask: Uint32Array } | null {
  const lastTaker = new Int32Array(n).fill(-1);
  order.forEach((v, i) => options.get(v)!.forEach((r) => (lastTaker[r] = i)));
  const slot = new Int32Array(n).fill(-1);
  const closingMask = new Uint32Array(order.length);
  const free = Array.from({ length: SPARSE_MAX_OPEN }, (_, b) => SPARSE_MAX_OPEN - 1 - b);
  for (let i = 0; i < order.length; i++) {
    const choices = options.get(order[i]!)!;
    for (const r of choices) {
      if (slot[r] !== -1) continue;
      const b = free.pop();
      if (b === undefined) return null;
      slot[r] = b;
    }
    for (const r of choices) {
      if (lastTaker[r] !== i) continue;
      closingMask[i] = (closingMask[i]! | (1 << slot[r]!)) >>> 0;
      free.push(slot[r]!);
    }
  }
  return { slot, closingMask };
}

/**
 * A giver order that keeps few receivers open: each next giver is the one who opens the fewest
 * receivers not yet reachable by those placed (ties: the first in index order, so the order is a
 * pure function of the group and the table can be reused).
 */
function narrowOrder(n: number, givers: number[], options: ReadonlyMap<number, number[]>, budget: Budget): number[] | null {
  const takers = new Map<number, number[]>();
  for (const v of givers) {
    for (const r of options.get(v)!) {
      const list = takers.get(r);
      if (list === undefined) takers.set(r, [v]);
      else list.push(v);
    }
  }
  const opens = new Map(givers.map((v) => [v, options.get(v)!.length]));
  const touched = new Uint8Array(n);
  const order: number[] = [];
  while (opens.size > 0) {
    let best = -1;
    let fewest = Infinity;
    for (const [v, count] of opens) {
      if (count < fewest) {
        best = v;
        fewest = count;
      }
    }
    if (!budget.charge(opens.size)) return null;
    opens.delete(best);
    order.push(best);
    for (const r of options.get(best)!) {
      if (touched[r]) continue;
      touched[r] = 1;
      for (const u of takers.get(r)!) if (opens.has(u)) opens.set(u, opens.get(u)! - 1);
    }
  }
  return order;
}
