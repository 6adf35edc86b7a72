import type { Random } from '../random';
import { allowed, type Graph } from './graph';
import { shuffleInPlace } from './shuffle';
import type { MatchMode } from './types';

/**
 * What survives of a previous assignment: the still-valid pairs ("kept"), the givers left without a
 * receiver ("free") and the people nobody gives to ("open"). For single loops, kept pairs form paths
 * (open … free) and closed cycles; every node gets a component and a position along it.
 */
export interface LocalBase {
  kept: Int32Array;
  free: number[];
  open: number[];
  comp: Int32Array;
  pos: Int32Array;
  compLength: number[];
  compIsCycle: boolean[];
  cycles: number[];
}

export function buildBase(g: Graph, mode: MatchMode, prev: Int32Array, random: Random): LocalBase {
  const { n } = g;
  const kept = new Int32Array(n).fill(-1);
  const keptFrom = new Int32Array(n).fill(-1);
  for (const v of shuffleInPlace(
    Array.from({ length: n }, (_, i) => i),
    random,
  )) {
    const r = prev[v]!;
    if (r < 0 || !allowed(g, v, r) || keptFrom[r] !== -1) continue;
    kept[v] = r;
    keptFrom[r] = v;
  }
  if (mode === 'no-mutual') {
    for (let v = 0; v < n; v++) {
      const r = kept[v]!;
      if (r > v && kept[r] === v) {
        const drop = g.fixedTo[v] !== -1 ? r : g.fixedTo[r] !== -1 ? v : random.int(2) === 0 ? v : r;
        keptFrom[kept[drop]!] = -1;
        kept[drop] = -1;
      }
    }
  }
  const free: number[] = [];
  const open: number[] = [];
  for (let v = 0; v < n; v++) {
    if (kept[v] === -1) free.push(v);
    if (keptFrom[v] === -1) open.push(v);
  }
  const comp = new Int32Array(n).fill(-1);
  const pos = new Int32Array(n);
  const compLength: number[] = [];
  const compIsCycle: boolean[] = [];
  const cycles: number[] = [];
  const walk = (start: number, isCycle: boolean): void => {
    const c = compLength.length;
    let p = 0;
    for (let v = start; v !== -1 && comp[v] === -1; v = kept[v]!) {
      comp[v] = c;
      pos[v] = p++;
    }
    compLength.push(p);
    compIsCycle.push(isCycle);
    if (isCycle) cycles.push(c);
  };
  for (const o of open) walk(o, false);
  for (let v = 0; v < n; v++) if (comp[v] === -1) walk(v, true);
  return { kept, free, open, comp, pos, compLength, compIsCycle, cycles };
}

/**
 * For a cut set (free givers plus the extra givers S), the cut giver ending the stretch that starts
 * at each open receiver, as an index into `cut`. Null when a closed cycle is left uncut.
 */
export function segmentEnds(base: LocalBase, cut: readonly number[], opens: readonly number[]): Int32Array | null {
  const byComp = new Map<number, Array<[pos: number, index: number]>>();
  cut.forEach((v, i) => {
    const c = base.comp[v]!;
    const list = byComp.get(c);
    if (list === undefined) byComp.set(c, [[base.pos[v]!, i]]);
    else list.push([base.pos[v]!, i]);
  });
  for (const c of base.cycles) if (!byComp.has(c)) return null;
  for (const list of byComp.values()) list.sort((a, b) => a[0] - b[0]);
  const ends = new Int32Array(opens.length);
  opens.forEach((o, j) => {
    const list = byComp.get(base.comp[o]!)!;
    const p = base.pos[o]!;
    const hit = list.find(([q]) => q >= p) ?? list[0]!;
    ends[j] = hit[1];
  });
  return ends;
}
