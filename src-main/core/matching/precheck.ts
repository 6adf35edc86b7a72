import { hasBit } from './bitset';
import { idsOf, type Graph } from './graph';
import type { InfeasibleReason, MatchMode, MustDrawConflict } from './types';

/** Cheap, exact reasons: too few people, must-draw conflicts, someone with no option at all. */
export function precheck(g: Graph, mode: MatchMode): InfeasibleReason | null {
  const minimum = mode === 'no-mutual' ? 3 : 2;
  if (g.n < minimum) return { kind: 'too-few', participantIds: [...g.ids], minimum };
  if (g.conflict !== null) {
    return { kind: 'must-draw-conflict', participantIds: idsOf(g, g.conflict.members), detail: g.conflict.detail };
  }
  const modeConflict = mustDrawModeConflict(g, mode);
  if (modeConflict !== null) return modeConflict;
  for (let v = 0; v < g.n; v++) if (g.outDeg[v] === 0) return noReceiverReason(g, v);
  for (let v = 0; v < g.n; v++) if (g.inDeg[v] === 0) return noGiverReason(g, v);
  return null;
}

/**
 * Why `v` has nobody to give to, as the organizer set it up: the rules leave nobody; or they leave
 * people `v` drew before; or everyone left is another giver's must-draw (their rows lost `v`'s options).
 */
function noReceiverReason(g: Graph, v: number): InfeasibleReason {
  const byRules = everyoneWhere(g, (r) => hasBit(g.ruleRows, v * g.words, r));
  const drawnBefore = new Set(g.avoided.filter(([a]) => a === v).map(([, b]) => b));
  const left = byRules.filter((r) => !drawnBefore.has(r));
  if (byRules.length === 0) return { kind: 'nobody-to-give-to', giver: g.ids[v]! };
  if (left.length === 0) return { kind: 'nobody-to-give-to', giver: g.ids[v]!, drawnBefore: idsOf(g, byRules) };
  return mustDrawInTheWay(
    g,
    v,
    'leaves-no-receiver',
    left.map((r): [number, number] => [g.fixedFrom[r]!, r]),
  );
}

/** The same for `v` whom nobody may give to; the givers left are each set to draw someone else. */
function noGiverReason(g: Graph, v: number): InfeasibleReason {
  const byRules = everyoneWhere(g, (u) => hasBit(g.ruleRows, u * g.words, v));
  const drewBefore = new Set(g.avoided.filter(([, b]) => b === v).map(([a]) => a));
  const left = byRules.filter((u) => !drewBefore.has(u));
  if (byRules.length === 0) return { kind: 'nobody-to-receive-from', receiver: g.ids[v]! };
  if (left.length === 0) return { kind: 'nobody-to-receive-from', receiver: g.ids[v]!, drawnBefore: idsOf(g, byRules) };
  return mustDrawInTheWay(
    g,
    v,
    'leaves-no-giver',
    left.map((u): [number, number] => [u, g.fixedTo[u]!]),
  );
}

function everyoneWhere(g: Graph, keep: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < g.n; i++) if (keep(i)) out.push(i);
  return out;
}

function mustDrawInTheWay(g: Graph, v: number, detail: MustDrawConflict, pairs: Array<[number, number]>): InfeasibleReason {
  const people = new Set([v, ...pairs.flat()]);
  return { kind: 'must-draw-conflict', detail, participantIds: idsOf(g, people), pairs: pairs.map(([a, b]) => [g.ids[a]!, g.ids[b]!]) };
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
