import { clearBit, fullRow, hasBit, rowCount, setBit, transpose, wordsFor } from './bitset';
import { applyHousehold, excludeBits, excludeMany, idLookup } from './compile-rules';
import type { Graph } from './graph';
import type { MatchingProblem, MustDrawConflict } from './types';

/** Turns participants and rules into bit rows; rules naming non-participants are ignored. */
export function compile(problem: MatchingProblem): Graph {
  const ids = [...problem.participants];
  const n = ids.length;
  const index = new Map<number, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw new RangeError(`matching: participant ${id} listed twice`);
    index.set(id, i);
  });
  const lookup = idLookup(ids, index);
  const words = wordsFor(n);
  const rows = new Uint32Array(n * words);
  const full = fullRow(n, true);
  for (let g = 0; g < n; g++) {
    rows.set(full, g * words);
    clearBit(rows, g * words, g);
  }
  const must: Array<[number, number]> = [];
  // History is applied after the must-draws: an explicit must-draw pair wins over history.
  const history: Array<[number, number]> = [];
  const remember = (giver: number, receiver: number): void => {
    const a = lookup(giver);
    const b = lookup(receiver);
    if (a !== undefined && b !== undefined) history.push([a, b]);
  };
  for (const [giver, receiver] of problem.history ?? []) remember(giver, receiver);
  const exclude = (a: number | undefined, b: number | undefined): void => {
    if (a !== undefined && b !== undefined) clearBit(rows, a * words, b);
  };
  for (const rule of problem.rules) {
    switch (rule.kind) {
      case 'exclude':
        exclude(lookup(rule.giver), lookup(rule.receiver));
        break;
      case 'avoid-history':
        remember(rule.giver, rule.receiver);
        break;
      case 'exclude-pair': {
        const a = lookup(rule.a);
        const b = lookup(rule.b);
        exclude(a, b);
        exclude(b, a);
        break;
      }
      case 'exclude-many': {
        const gi = lookup(rule.giver);
        if (gi !== undefined) excludeMany(rows, gi * words, rule.receivers, lookup);
        break;
      }
      case 'exclude-bits': {
        const gi = lookup(rule.giver);
        if (gi !== undefined) excludeBits(rows, gi * words, rule.bits, lookup, n);
        break;
      }
      case 'household':
        applyHousehold(rows, words, n, rule.members, lookup);
        break;
      case 'must-draw': {
        const a = lookup(rule.giver);
        const b = lookup(rule.receiver);
        if (a !== undefined && b !== undefined) must.push([a, b]);
        break;
      }
      default: {
        const never: never = rule;
        throw new TypeError(`matching: unknown rule ${JSON.stringify(never)}`);
      }
    }
  }
  // The options the rules alone give, kept to explain someone left with nobody by must-draws or history
  // (the same array when neither applies: nothing below changes it then).
  const ruleRows = must.length > 0 || history.length > 0 ? rows.slice() : rows;
  const fixedTo = new Int32Array(n).fill(-1);
  const fixedFrom = new Int32Array(n).fill(-1);
  const conflict = applyMustDraw(rows, words, n, must, fixedTo, fixedFrom);
  const overridden = new Set<number>();
  const avoided: Array<[number, number]> = [];
  for (const [a, b] of history) {
    if (fixedTo[a] === b) overridden.add(a * n + b);
    else {
      exclude(a, b);
      avoided.push([a, b]);
    }
  }
  const overriddenHistory = [...overridden].sort((x, y) => x - y).map((k): [number, number] => [ids[Math.floor(k / n)]!, ids[k % n]!]);
  const cols = transpose(rows, n);
  const outDeg = new Int32Array(n);
  const inDeg = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    outDeg[v] = rowCount(rows, v * words, words);
    inDeg[v] = rowCount(cols, v * words, words);
  }
  return { n, words, ids, index, rows, cols, outDeg, inDeg, fixedTo, fixedFrom, conflict, overriddenHistory, ruleRows, avoided };
}

function applyMustDraw(rows: Uint32Array, words: number, n: number, must: ReadonlyArray<[number, number]>, fixedTo: Int32Array, fixedFrom: Int32Array): Graph['conflict'] {
  let conflict: Graph['conflict'] = null;
  const report = (members: number[], detail: MustDrawConflict): void => {
    conflict ??= { members, detail };
  };
  for (const [g, r] of must) {
    if (g === r) {
      report([g], 'self');
      continue;
    }
    const prevTo = fixedTo[g]!;
    const prevFrom = fixedFrom[r]!;
    if (prevTo === r) continue;
    if (prevTo !== -1) report([g, prevTo, r], 'two-receivers');
    else if (prevFrom !== -1) report([prevFrom, g, r], 'two-givers');
    else if (!hasBit(rows, g * words, r)) report([g, r], 'excluded');
    else {
      fixedTo[g] = r;
      fixedFrom[r] = g;
    }
  }
  const taken = fullRow(n, false);
  for (let g = 0; g < n; g++) if (fixedTo[g]! >= 0) setBit(taken, 0, fixedTo[g]!);
  for (let g = 0; g < n; g++) {
    const base = g * words;
    const r = fixedTo[g]!;
    if (r >= 0) {
      rows.fill(0, base, base + words);
      setBit(rows, base, r);
    } else {
      for (let w = 0; w < words; w++) rows[base + w] = rows[base + w]! & ~taken[w]!;
    }
  }
  return conflict;
}
