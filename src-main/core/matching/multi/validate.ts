import type { MatchingProblem } from '../types';
import { compileMulti } from './graph';

/**
 * Independent check of a draw with k giftees each: every violation as a short message (ids).
 * `slots` (the round of each pair) is needed to check 'single-loop': each round must be one loop.
 */
export function validateMulti(problem: MatchingProblem, k: number, assignment: ReadonlyArray<readonly [number, number]>, slots?: readonly number[]): string[] {
  const out: string[] = [];
  const g = compileMulti(problem, k);
  const { n, ids, index, allowed } = g;
  const outCount = new Int32Array(n);
  const inCount = new Int32Array(n);
  const drawn = new Set<string>();
  for (const [giver, receiver] of assignment) {
    const a = index.get(giver);
    const b = index.get(receiver);
    if (a === undefined || b === undefined) {
      out.push(`${giver} → ${receiver}: not a participant`);
      continue;
    }
    if (a === b) out.push(`${giver} draws themselves`);
    else if (allowed[a * n + b] !== 1) out.push(`${giver} draws ${receiver} (not allowed)`);
    const key = `${a}>${b}`;
    if (drawn.has(key)) out.push(`${giver} draws ${receiver} twice`);
    drawn.add(key);
    outCount[a] = outCount[a]! + 1;
    inCount[b] = inCount[b]! + 1;
  }
  for (let v = 0; v < n; v++) {
    if (outCount[v] !== k) out.push(`${ids[v]} gives ${outCount[v]} gifts, not ${k}`);
    if (inCount[v] !== k) out.push(`${ids[v]} receives ${inCount[v]} gifts, not ${k}`);
  }
  for (const [a, b] of g.requiredPairs) if (!drawn.has(`${a}>${b}`)) out.push(`${ids[a]} must draw ${ids[b]}`);
  if (g.excludedMust !== null) out.push(`a must-draw pair cannot be drawn (${g.excludedMust.detail})`);
  if (out.length > 0) return out;
  if (problem.mode === 'no-mutual') {
    for (const key of drawn) {
      const [a, b] = key.split('>').map(Number) as [number, number];
      if (a < b && drawn.has(`${b}>${a}`)) out.push(`${ids[a]} and ${ids[b]} draw each other`);
    }
  }
  if (problem.mode === 'single-loop') {
    if (slots === undefined || slots.length !== assignment.length) return [...out, 'single-loop needs the loop of each pair'];
    for (let j = 0; j < k; j++) {
      const next = new Map<number, number>();
      assignment.forEach(([giver, receiver], e) => {
        if (slots[e] !== j) return;
        if (next.has(giver)) out.push(`${giver} gives twice in loop ${j}`);
        next.set(giver, receiver);
      });
      if (next.size !== n) {
        out.push(`loop ${j} has ${next.size} givers of ${n}`);
        continue;
      }
      let length = 1;
      for (let v = next.get(ids[0]!)!; v !== ids[0] && length <= n; v = next.get(v)!) length++;
      if (length !== n) out.push(`loop ${j} is not one loop through everyone (${length} of ${n})`);
    }
  }
  return out;
}
