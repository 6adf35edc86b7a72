import { validateMulti } from './multi/validate';
import type { MatchingProblem } from './types';

/**
 * Independent check of an assignment against the problem: every violation as a short message (ids).
 * With several giftees each, `slots` (the result's round of each pair) lets it check single loops.
 */
export function validateAssignment(problem: MatchingProblem, assignment: Array<[number, number]>, slots?: readonly number[]): string[] {
  const k = problem.giftsPerPerson ?? 1;
  if (k !== 1) return validateMulti(problem, k, assignment, slots);
  const out: string[] = [];
  const people = new Set(problem.participants);
  const receiverOf = new Map<number, number>();
  const giverOf = new Map<number, number>();
  for (const [giver, receiver] of assignment) {
    if (!people.has(giver)) out.push(`${giver} is not a participant but gives`);
    if (!people.has(receiver)) out.push(`${receiver} is not a participant but receives`);
    if (receiverOf.has(giver)) out.push(`${giver} gives more than once`);
    if (giverOf.has(receiver)) out.push(`${receiver} receives more than once`);
    if (giver === receiver) out.push(`${giver} draws themselves`);
    receiverOf.set(giver, receiver);
    giverOf.set(receiver, giver);
  }
  for (const p of people) {
    if (!receiverOf.has(p)) out.push(`${p} gives to nobody`);
    if (!giverOf.has(p)) out.push(`nobody gives to ${p}`);
  }
  const forbid = (giver: number, receiver: number, why: string): void => {
    if (receiverOf.get(giver) === receiver && people.has(giver)) out.push(`${giver} draws ${receiver} (${why})`);
  };
  // A must-draw pair wins over history, so history never forbids exactly that pair.
  const mustPairs = new Set(problem.rules.flatMap((r) => (r.kind === 'must-draw' ? [`${r.giver}>${r.receiver}`] : [])));
  const drawnBefore = (giver: number, receiver: number): void => {
    if (!mustPairs.has(`${giver}>${receiver}`)) forbid(giver, receiver, 'drawn before');
  };
  for (const [giver, receiver] of problem.history ?? []) drawnBefore(giver, receiver);
  for (const rule of problem.rules) {
    switch (rule.kind) {
      case 'exclude':
        forbid(rule.giver, rule.receiver, 'excluded');
        break;
      case 'avoid-history':
        drawnBefore(rule.giver, rule.receiver);
        break;
      case 'exclude-bits': {
        const r = receiverOf.get(rule.giver);
        if (r !== undefined && Number.isInteger(r) && r >= 0 && ((rule.bits[r >> 3] ?? 0) >> (r & 7)) & 1) forbid(rule.giver, r, 'excluded');
        break;
      }
      case 'exclude-pair':
        forbid(rule.a, rule.b, 'excluded pair');
        forbid(rule.b, rule.a, 'excluded pair');
        break;
      case 'exclude-many': {
        const r = receiverOf.get(rule.giver);
        if (r === undefined) break;
        for (let k = 0; k < rule.receivers.length; k++) if (rule.receivers[k] === r) forbid(rule.giver, r, 'excluded');
        break;
      }
      case 'household': {
        const members = new Set(rule.members);
        for (const m of members) {
          const r = receiverOf.get(m);
          if (r !== undefined && r !== m && members.has(r) && people.has(m)) out.push(`${m} draws ${r} (same household)`);
        }
        break;
      }
      case 'must-draw':
        if (people.has(rule.giver) && people.has(rule.receiver) && receiverOf.get(rule.giver) !== rule.receiver) {
          out.push(`${rule.giver} must draw ${rule.receiver}`);
        }
        break;
      default: {
        const never: never = rule;
        out.push(`unknown rule ${JSON.stringify(never)}`);
      }
    }
  }
  if (out.length > 0) return out;
  if (problem.mode === 'no-mutual') {
    for (const [g, r] of receiverOf) if (g < r && receiverOf.get(r) === g) out.push(`${g} and ${r} draw each other`);
  }
  if (problem.mode === 'single-loop' && people.size > 0) {
    const start = problem.participants[0]!;
    let length = 1;
    for (let v = receiverOf.get(start)!; v !== start && length <= people.size; v = receiverOf.get(v)!) length++;
    if (length !== people.size) out.push(`not a single loop (the loop through ${start} has ${length} of ${people.size})`);
  }
  return out;
}
