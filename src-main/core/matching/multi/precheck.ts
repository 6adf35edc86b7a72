import type { InfeasibleReason, MatchMode } from '../types';
import { minimumGroup, type MultiGraph } from './graph';

/** Reasons that need no search: group size and must-draw pairs that contradict each other. */
export function precheckMulti(g: MultiGraph, mode: MatchMode): InfeasibleReason | null {
  const { n, k, ids } = g;
  const minimum = minimumGroup(mode, k);
  if (n < minimum) return { kind: 'too-few', participantIds: [...ids], minimum, giftsPerPerson: k };
  if (g.excludedMust !== null) return { kind: 'must-draw-conflict', participantIds: g.excludedMust.members.map((i) => ids[i]!), detail: g.excludedMust.detail };
  const toOf = new Map<number, number[]>();
  const fromOf = new Map<number, number[]>();
  for (const [giver, receiver] of g.requiredPairs) {
    toOf.set(giver, [...(toOf.get(giver) ?? []), receiver]);
    fromOf.set(receiver, [...(fromOf.get(receiver) ?? []), giver]);
    if (mode === 'no-mutual' && g.required[receiver * n + giver] === 1) {
      return { kind: 'must-draw-conflict', participantIds: [ids[giver]!, ids[receiver]!], detail: 'mutual' };
    }
  }
  for (const [giver, receivers] of toOf) {
    if (receivers.length > k) return { kind: 'must-draw-conflict', participantIds: [giver, ...receivers].map((i) => ids[i]!), detail: 'too-many-receivers' };
  }
  for (const [receiver, givers] of fromOf) {
    if (givers.length > k) return { kind: 'must-draw-conflict', participantIds: [...givers, receiver].map((i) => ids[i]!), detail: 'too-many-givers' };
  }
  return null;
}
