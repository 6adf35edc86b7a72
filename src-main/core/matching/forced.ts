import { lowBit } from './bitset';
import type { Graph } from './graph';

/**
 * The allowed graph with every forced pair made explicit: someone with a single possible giver must
 * be drawn by that giver (who then draws nobody else), and someone with a single possible receiver
 * must draw them (nobody else does), repeated until nothing changes. Every valid assignment of any
 * mode uses those pairs, so the reduced graph has exactly the same valid assignments; searches on it
 * just stop exploring choices that cannot work. null when someone is left with no option at all.
 */
export function forcePairs(g: Graph): Graph | null {
  const { n, words } = g;
  const rows = g.rows.slice();
  const cols = g.cols.slice();
  const outDeg = g.outDeg.slice();
  const inDeg = g.inDeg.slice();
  const queue: number[] = [];
  for (let v = 0; v < n; v++) queue.push(v);
  const only = (bits: Uint32Array, v: number): number => {
    for (let w = 0; w < words; w++) if (bits[v * words + w] !== 0) return (w << 5) + lowBit(bits[v * words + w]!);
    return -1;
  };
  const drop = (giver: number, receiver: number): void => {
    rows[giver * words + (receiver >>> 5)] = rows[giver * words + (receiver >>> 5)]! & ~(1 << (receiver & 31));
    cols[receiver * words + (giver >>> 5)] = cols[receiver * words + (giver >>> 5)]! & ~(1 << (giver & 31));
    outDeg[giver] = outDeg[giver]! - 1;
    inDeg[receiver] = inDeg[receiver]! - 1;
    queue.push(giver, receiver);
  };
  const others = (bits: Uint32Array, v: number, keep: number): number[] => {
    const out: number[] = [];
    for (let w = 0; w < words; w++) {
      for (let x = bits[v * words + w]!; x !== 0; x &= x - 1) {
        const u = (w << 5) + lowBit(x);
        if (u !== keep) out.push(u);
      }
    }
    return out;
  };
  while (queue.length > 0) {
    const v = queue.pop()!;
    if (inDeg[v] === 0 || outDeg[v] === 0) return null;
    if (inDeg[v] === 1) {
      const giver = only(cols, v);
      for (const r of others(rows, giver, v)) drop(giver, r);
    }
    if (outDeg[v] === 1) {
      const receiver = only(rows, v);
      for (const x of others(cols, receiver, v)) drop(x, receiver);
    }
  }
  return { ...g, rows, cols, outDeg, inDeg };
}
