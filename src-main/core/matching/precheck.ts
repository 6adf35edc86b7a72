import { idsOf, type Graph } from './graph';
import type { InfeasibleReason, MatchMode } from './types';

/** Cheap, exact reasons: too few people, must-draw conflicts, someone with no option at all. */
export function precheck(g: Graph, mode: MatchMode): InfeasibleReason | null {
  const minimum = mode === 'no-mutual' ? 3 : 2;
  if (g.n < minimum) return { kind: 'too-few', participantIds: [...g.ids], minimum };
  if (g.conflict !== null) {
    return { kind: 'must-draw-conflict', participantIds: idsOf(g, g.conflict.members), detail: g.conflict.detail };
  }
  const modeConflict = mustDrawModeConflict(g, mode);
  if (modeConflict !== null) return modeConflict;
  for (let v = 0; v < g.n; v++) if (g.outDeg[v] === 0) return { kind: 'nobody-to-give-to', giver: g.ids[v]! };
  for (let v = 0; v < g.n; v++) if (g.inDeg[v] === 0) return { kind: 'nobody-to-receive-from', receiver: g.ids[v]! };
  return null;
}

function mustDrawModeConflict(g: Graph, mode: MatchMode): InfeasibleReason | null {
  const { fixedTo } = g;
  if (mode === 'no-mutual') {
    for (let v = 0; v < g.n; v++) {
      const r = fixedTo[v]!;
      if (r >= 0 && fixedTo[r] === v) return { kind: 'must-draw-conflict', participantIds: idsOf(g, [v, r]), detail: 'mutual' };
    }
  }
  if (mode === 'single-loop') {
    const seen = new Uint8Array(g.n);
    for (let s = 0; s < g.n; s++) {
      if (seen[s] || fixedTo[s] === -1) continue;
      const path: number[] = [];
      let v = s;
      while (v >= 0 && !seen[v]) {
        seen[v] = 1;
        path.push(v);
        v = fixedTo[v]!;
      }
      if (v === s && path.length < g.n) {
        return { kind: 'must-draw-conflict', participantIds: idsOf(g, path), detail: 'closes-loop-early' };
      }
    }
  }
  return null;
}
