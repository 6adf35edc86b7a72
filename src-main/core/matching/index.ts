export { checkFeasibility, solve } from './solve';
export { spliceIn, spliceOut } from './splice';
export { describeReason, joinNames } from './describe';
export { validateAssignment } from './validate';
export { MATCH_MODES } from './types';
export { minimumGroup as minimumGroupSize } from './multi/graph';
export type {
  Assignment,
  DrawMethod,
  HistoryPair,
  FeasibilityResult,
  InfeasibleReason,
  MatchingProblem,
  MatchingResult,
  MatchingRule,
  MatchMode,
  MustDrawConflict,
  SolveOptions,
  SpliceResult,
} from './types';
