import type { MatchMode } from '../../../src-main/core/matching';
import type { Random } from '../../../src-main/core/random';
import { allowedOf, violation, type Allowed } from './check';
import { prepare, type EngineName } from './engines';
import type { Instance } from './instances';

/** Seven people, households {0,1,2} and {3,4}, and last year's loop 0→3→5→1→6→2→4→0 to avoid. */
export function fairInstance(): Instance {
  const household = Int32Array.from([0, 0, 0, 1, 1, -1, -1]);
  const history = new Int32Array(7);
  const loop = [0, 3, 5, 1, 6, 2, 4];
  loop.forEach((v, i) => (history[v] = loop[(i + 1) % 7]!));
  return { kind: 'households+history', n: 7, seed: 0, household, excluded: () => new Int32Array(0), history, exclusionCount: 0 };
}

function validOutcomes(allowed: Allowed, mode: MatchMode): Set<string> {
  const out = new Set<string>();
  const n = allowed.n;
  const mate = new Int32Array(n);
  const used = new Uint8Array(n);
  const extend = (i: number): void => {
    if (i === n) {
      if (violation(allowed, mate, mode) === '') out.add(mate.join(','));
      return;
    }
    for (let r = 0; r < n; r++) {
      if (used[r]) continue;
      used[r] = 1;
      mate[i] = r;
      extend(i + 1);
      used[r] = 0;
    }
  };
  extend(0);
  return out;
}

export interface FairnessResult {
  outcomes: number;
  draws: number;
  tv: number;
  invalid: number;
  failures: number;
}

/** Total-variation distance between the engine's empirical distribution and uniform over valid draws. */
export function fairness(engine: EngineName, mode: MatchMode, draws: number, random: Random): FairnessResult {
  const inst = fairInstance();
  const allowed = allowedOf(inst);
  const valid = validOutcomes(allowed, mode);
  const counts = new Map<string, number>();
  let invalid = 0;
  let failures = 0;
  for (let i = 0; i < draws; i++) {
    const out = prepare(engine, inst, allowed, mode, random)();
    if (out.kind !== 'assignment') {
      failures++;
      continue;
    }
    const key = out.mate.join(',');
    if (!valid.has(key)) invalid++;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const got = draws - failures;
  let tv = 0;
  for (const key of valid) tv += Math.abs((counts.get(key) ?? 0) / Math.max(1, got) - 1 / valid.size);
  tv += invalid / Math.max(1, got);
  return { outcomes: valid.size, draws: got, tv: tv / 2, invalid, failures };
}
