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
  | { kind: 'exclude-many'; giver: number; receivers: ArrayLike<number> };

export interface MatchingProblem {
  participants: readonly number[];
  rules: readonly MatchingRule[];
  mode: MatchMode;
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
}

/** `detail` codes for must-draw conflicts; describeReason turns them into sentences. */
export type MustDrawConflict = 'self' | 'two-receivers' | 'two-givers' | 'excluded' | 'closes-loop-early' | 'mutual';

export type InfeasibleReason =
  | { kind: 'too-few'; participantIds: number[]; minimum?: number }
  | { kind: 'nobody-to-give-to'; giver: number }
  | { kind: 'nobody-to-receive-from'; receiver: number }
  /**
   * Hall violation. Default side 'givers': `givers` may only give to `receivers` and there are fewer
   * receivers than givers. Side 'receivers': `receivers` can only be drawn by `givers`, fewer givers.
   */
  | { kind: 'hall'; givers: number[]; receivers: number[]; side?: 'givers' | 'receivers' }
  | { kind: 'must-draw-conflict'; participantIds: number[]; detail: MustDrawConflict }
  /** Groups (strongly connected components) that no single loop can join; one group = proven exhaustively. */
  | { kind: 'no-single-loop'; groups: number[][]; coverExists: boolean }
  | { kind: 'no-mutual-impossible'; participantIds: number[] }
  | { kind: 'budget-exhausted'; mode: MatchMode; otherModesPossible: MatchMode[] };

export type Assignment = Array<[giver: number, receiver: number]>;

export type MatchingResult =
  | { ok: true; assignment: Assignment; method: string; steps: number }
  | { ok: false; reason: InfeasibleReason };

export type FeasibilityResult =
  | { ok: true; modes: MatchMode[] }
  | { ok: false; reason: InfeasibleReason; modes: MatchMode[] };

export type SpliceResult =
  | { ok: true; assignment: Assignment; changedGivers: number[] }
  | { ok: false; reason: InfeasibleReason };
