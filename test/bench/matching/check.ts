import type { InfeasibleReason, MatchMode } from '../../../src-main/core/matching';
import type { Instance } from './instances';

/** The instance's allowed pairs as a bit matrix, built directly from the instance (independent of the engine). */
export interface Allowed {
  n: number;
  words: number;
  bits: Uint32Array;
}

export function allowedOf(inst: Instance): Allowed {
  const { n } = inst;
  const words = (n + 31) >>> 5;
  const bits = new Uint32Array(n * words);
  for (let g = 0; g < n; g++) {
    const base = g * words;
    for (let r = 0; r < n; r++) {
      if (r !== g && (inst.household[g] === -1 || inst.household[g] !== inst.household[r])) bits[base + (r >>> 5)]! |= 1 << (r & 31);
    }
    for (const r of inst.excluded(g)) bits[base + (r >>> 5)]! &= ~(1 << (r & 31));
    if (inst.history !== null) {
      const r = inst.history[g]!;
      bits[base + (r >>> 5)]! &= ~(1 << (r & 31));
    }
  }
  return { n, words, bits };
}

export const may = (a: Allowed, g: number, r: number): boolean => ((a.bits[g * a.words + (r >>> 5)]! >>> (r & 31)) & 1) === 1;

/** Problems with a receiver-per-giver assignment, or '' when it is a valid draw in this mode. */
export function violation(a: Allowed, mate: ArrayLike<number>, mode: MatchMode): string {
  const seen = new Uint8Array(a.n);
  if (mate.length !== a.n) return 'wrong length';
  for (let g = 0; g < a.n; g++) {
    const r = mate[g]!;
    if (!(r >= 0 && r < a.n) || seen[r]) return `not a permutation at ${g}`;
    seen[r] = 1;
    if (!may(a, g, r)) return `forbidden pair ${g}→${r}`;
  }
  if (mode === 'no-mutual') for (let g = 0; g < a.n; g++) if (mate[mate[g]!] === g) return `mutual pair ${g}↔${mate[g]}`;
  if (mode === 'single-loop') {
    let length = 1;
    for (let v = mate[0]!; v !== 0 && length <= a.n; v = mate[v]!) length++;
    if (length !== a.n) return `not a single loop (${length} of ${a.n})`;
  }
  return '';
}

/** True when an infeasibility reason is checked against the instance; null when it cannot be checked cheaply. */
export function reasonHolds(a: Allowed, reason: InfeasibleReason): boolean | null {
  const neighbours = (set: readonly number[], forward: boolean): number => {
    const hit = new Uint8Array(a.n);
    let count = 0;
    for (const x of set) {
      for (let y = 0; y < a.n; y++) {
        if (!hit[y] && (forward ? may(a, x, y) : may(a, y, x))) {
          hit[y] = 1;
          count++;
        }
      }
    }
    return count;
  };
  switch (reason.kind) {
    case 'too-few':
      return a.n < (reason.minimum ?? 2);
    case 'nobody-to-give-to':
      return neighbours([reason.giver], true) === 0;
    case 'nobody-to-receive-from':
      return neighbours([reason.receiver], false) === 0;
    case 'hall':
      return reason.side === 'receivers' ? neighbours(reason.receivers, false) < reason.receivers.length : neighbours(reason.givers, true) < reason.givers.length;
    case 'no-single-loop': {
      if (reason.groups.length < 2) return null;
      // Verified when the groups' own graph is not strongly connected.
      const groupOf = new Int32Array(a.n);
      reason.groups.forEach((grp, i) => grp.forEach((v) => (groupOf[v] = i)));
      const k = reason.groups.length;
      const edge = new Uint8Array(k * k);
      for (let g = 0; g < a.n; g++) for (let r = 0; r < a.n; r++) if (may(a, g, r)) edge[groupOf[g]! * k + groupOf[r]!] = 1;
      const reach = (forward: boolean): number => {
        const seen = new Uint8Array(k);
        const stack = [0];
        seen[0] = 1;
        let count = 1;
        while (stack.length > 0) {
          const x = stack.pop()!;
          for (let y = 0; y < k; y++) {
            if (!seen[y] && (forward ? edge[x * k + y] : edge[y * k + x])) {
              seen[y] = 1;
              count++;
              stack.push(y);
            }
          }
        }
        return count;
      };
      return reach(true) < k || reach(false) < k ? true : null;
    }
    default:
      return null;
  }
}
