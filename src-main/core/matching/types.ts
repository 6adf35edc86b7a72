import type { Random } from '../random';

export type MatchMode = 'single-loop' | 'no-mutual' | 'any';

export const MATCH_MODES: readonly MatchMode[] = ['single-loop', 'no-mutual', 'any'];

export type MatchingRule =
  | { kind: 'exclude'; giver: number; receiver: number }
  | { kind: 'exclude-pair'; a: number; b: number }
  | { kind: 'household'; members: readonly number[] }
  | { kind: 'must-draw'; giver: number; receiver: number }
  | { kind: 'avoid-history'; giver: number; receiver: number }
  /** Bulk one-way exclusions for one giver (large generated inputs; same meaning as many `exclude`). */
  | { kind: 'exclude-many'; giver: number; receivers: ArrayLike<number> }
  /**
   * Bulk one-way exclusions as a bitmap over participant ids: bit `id & 7` of byte `id >> 3` set
   * means `giver` may not draw `id` (compact files: 10 000 people × 50 % is 6 MB instead of 50 M ids).
   */
  | { kind: 'exclude-bits'; giver: number; bits: Uint8Array };

/** A pair from an earlier exchange: [giver id, receiver id]. */
export type HistoryPair = readonly [giver: number, receiver: number];

export interface MatchingProblem {
  participants: readonly number[];
  rules: readonly MatchingRule[];
  mode: MatchMode;
  /**
   * Pairs to avoid because they were drawn before (same meaning as `avoid-history` rules). Which
   * earlier exchanges count is the caller's decision; an explicit must-draw pair wins over them.
   */
  history?: readonly HistoryPair[];
  /**
   * Giftees per person (1, 2 or 3; default 1): everyone gives k gifts and receives k, never the same
   * pair twice; 'single-loop' then means k loops through everyone that share no pair.
   */
  giftsPerPerson?: number;
}

export interface SolveOptions {
  random: Random;
  /** Work budget in abstract steps (bitset words scanned, proposals, search nodes). */
  maxSteps?: number;
  /** Only honoured together with `now`. */
  deadlineMs?: number;
  now?: () => number;
  /** Steps spent on exact rejection sampling before constructing; 0 disables it (tests of the chain). */
  rejectionSteps?: number;
  /** Multiplier on the mixing length; 0 returns the constructed assignment unmixed. */
  mixing?: number;
  /** Largest group drawn by exact counting (dynamic programming over subsets); 0 disables it (tests of the chain). */
  exactLimit?: number;
}

/**
 * How a draw was sampled. 'exact-rejection' and 'exact-count' are exactly uniform over the valid
 * assignments of the mode; 'markov-chain' is a chain whose moves connect every valid assignment and
 * whose stationary distribution is uniform (docs/matching.md); 'unmixed' only with `mixing: 0`.
 */
export type DrawMethod = 'exact-rejection' | 'exact-count' | 'markov-chain' | 'unmixed';

/** `detail` codes for must-draw conflicts; describeReason turns them into sentences. */
export type MustDrawConflict =
  | 'self'
  | 'two-receivers'
  | 'two-givers'
  | 'excluded'
  | 'closes-loop-early'
  | 'mutual'
  | 'too-many-receivers'
  | 'too-many-givers'
  /** `participantIds[0]` would have someone to give to, but every one of them is another giver's must-draw (`pairs`). */
  | 'leaves-no-receiver'
  /** `participantIds[0]` could be drawn, but every possible giver is set to draw someone else (`pairs`). */
  | 'leaves-no-giver';

export type InfeasibleReason =
  | { kind: 'too-few'; participantIds: number[]; minimum?: number; giftsPerPerson?: number }
  /** `drawnBefore`: the rules allowed these receivers, but the giver drew each of them before (history is avoided). */
  | { kind: 'nobody-to-give-to'; giver: number; drawnBefore?: number[] }
  /** `drawnBefore`: the rules allowed these givers, but each of them drew the receiver before. */
  | { kind: 'nobody-to-receive-from'; receiver: number; drawnBefore?: number[] }
  /**
   * Hall violation. Default side 'givers': `givers` may only give to `receivers` and there are fewer
   * receivers than givers. Side 'receivers': `receivers` can only be drawn by `givers`, fewer givers.
   */
  | {
      kind: 'hall';
      givers: number[];
      receivers: number[];
      side?: 'givers' | 'receivers';
      /** With several giftees each: `givers` still need `need` giftees (`each` per person) and `receivers` can take only `capacity` of them. */
      gifts?: { each: number; need: number; capacity: number };
    }
  /** `pairs` ([giver, receiver] ids): the must-draw pairs in the way, for 'leaves-no-receiver' and 'leaves-no-giver'. */
  | { kind: 'must-draw-conflict'; participantIds: number[]; detail: MustDrawConflict; pairs?: Array<[number, number]> }
  /** Groups (strongly connected components) that no single loop can join; one group = proven exhaustively. */
  | { kind: 'no-single-loop'; groups: number[][]; coverExists: boolean; /** k loops were asked for (several giftees each). */ loops?: number }
  | { kind: 'no-mutual-impossible'; participantIds: number[] }
  /** The search stopped without a draw or a proof; `outOfTime`: because the step budget or deadline ran out (else it ran out of ideas). */
  | { kind: 'budget-exhausted'; mode: MatchMode; otherModesPossible: MatchMode[]; outOfTime?: boolean };

export type Assignment = Array<[giver: number, receiver: number]>;

export type MatchingResult =
  | {
      ok: true;
      assignment: Assignment;
      method: DrawMethod;
      /** How the chain's starting draw was built (diagnostics), when `method` is 'markov-chain' or 'unmixed'. */
      construction?: string;
      steps: number;
      /**
       * With several giftees each: the round (0..k-1) of each pair of `assignment`; every round is
       * a one-giftee draw (in 'single-loop', round j is loop j). Absent for one giftee.
       */
      slots?: number[];
      /** History pairs that were drawn anyway because a must-draw rule asks for exactly that pair. */
      overriddenHistory: Assignment;
    }
  | { ok: false; reason: InfeasibleReason };

export type FeasibilityResult = { ok: true; modes: MatchMode[] } | { ok: false; reason: InfeasibleReason; modes: MatchMode[] };

export type SpliceResult = { ok: true; assignment: Assignment; changedGivers: number[]; slots?: number[] } | { ok: false; reason: InfeasibleReason };
