/**
 * Draw names from a JSON file: `npm run draw -- [--json] family.json`.
 * Prints "Giver → Receiver" lines (one per pair: k per giver with "giftsPerPerson": k; or, with
 * --json, one JSON object), or why no draw is possible
 * (exit 1). Bad input: one line on stderr, exit 2. The input format is in the README.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { checkFeasibility, describeReason, solve, type HistoryPair, type MatchingProblem, type MatchingRule, type MatchMode } from '../src-main/core/matching';
import { cryptoRandom } from '../src-main/core/random';

/** One normalisation for every name wherever it appears (people, pairs, lists, groups). */
const Name = z.string().transform((s) => s.normalize('NFC').trim());
const Pair = z.tuple([Name, Name]);
/** A row of the compact lists: person numbers (0-based positions in "people") or "base64:" + a bitmap (bit j = person j). */
const Row = z.union([z.array(z.number().int().nonnegative()), z.string().startsWith('base64:')]);
const Lists = z.union([z.record(Name, z.array(Name)), z.array(Row)]);
const Input = z.strictObject({
  mode: z.enum(['single-loop', 'no-mutual', 'any']).optional(),
  /** Giftees per person: everyone gives this many gifts, to different people (single-loop: this many loops). */
  giftsPerPerson: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 1, 2 or 3' }).optional(),
  people: z.array(z.union([Name, z.strictObject({ name: Name, household: Name.optional() })])).min(1),
  groups: z.array(z.array(Name)).optional(),
  exclusions: z.array(Pair).optional(),
  oneWay: z.array(Pair).optional(),
  mustDraw: z.array(Pair).optional(),
  avoid: z.array(Pair).optional(),
  forbidden: Lists.optional(),
  allowed: Lists.optional(),
});
type Input = z.infer<typeof Input>;

class InputError extends Error {}

/** Characters that would let a name fake or break a "Giver → Receiver" line. */
const AMBIGUOUS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|→|->/u;
/** A name in an error message, on one line whatever it contains. */
const quote = (name: string): string => JSON.stringify(name).replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const MODE_WORDS: Record<MatchMode, string> = { 'single-loop': '"single-loop"', 'no-mutual': '"no-mutual"', any: '"any"' };

function readInput(path: string): Input {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = Input.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}

interface People {
  names: string[];
  households: Map<string, number[]>;
  idOf(name: string): number;
}

function readPeople(input: Input): People {
  const names: string[] = [];
  const index = new Map<string, number>();
  const households = new Map<string, number[]>();
  input.people.forEach((p, i) => {
    const { name, household } = typeof p === 'string' ? { name: p, household: undefined } : p;
    const where = `person ${i + 1} (${quote(name)})`;
    if (name === '') throw new InputError(`${where}: the name is empty`);
    if (AMBIGUOUS.test(name)) throw new InputError(`${where}: a name cannot contain line breaks, control characters or arrows (→, ->)`);
    if (index.has(name)) throw new InputError(`${quote(name)} is listed twice; names must be unique`);
    index.set(name, i);
    names.push(name);
    if (household !== undefined) households.set(household, [...(households.get(household) ?? []), i]);
  });
  const idOf = (name: string): number => {
    const id = index.get(name);
    if (id === undefined) throw new InputError(`${quote(name)} is not in "people"`);
    return id;
  };
  return { names, households, idOf };
}

/** A list row as a bitmap over people; `key` names the row in error messages. */
function rowBits(row: z.infer<typeof Row>, n: number, key: string): Uint8Array {
  const bits = new Uint8Array((n + 7) >> 3);
  if (typeof row === 'string') {
    const raw = Buffer.from(row.slice('base64:'.length), 'base64');
    if (raw.length !== bits.length) throw new InputError(`${key}: the bitmap has ${raw.length} bytes, expected ${bits.length} for ${n} people`);
    bits.set(raw);
    return bits;
  }
  for (const j of row) {
    if (j >= n) throw new InputError(`${key}: person number ${j} is out of range (0–${n - 1})`);
    bits[j >> 3] = bits[j >> 3]! | (1 << (j & 7));
  }
  return bits;
}

/** "forbidden" / "allowed" lists as one bitmap of excluded receivers per giver. */
function listRules(lists: z.infer<typeof Lists>, allowedLists: boolean, people: People, key: string): MatchingRule[] {
  const n = people.names.length;
  const rows: Array<[number, Uint8Array]> = [];
  if (Array.isArray(lists)) {
    if (lists.length !== n) throw new InputError(`"${key}": ${lists.length} rows for ${n} people (one row per person, in order)`);
    lists.forEach((row, giver) => rows.push([giver, rowBits(row, n, `"${key}" row ${giver}`)]));
  } else {
    for (const [giver, receivers] of Object.entries(lists)) {
      rows.push([people.idOf(giver), rowBits(receivers.map(people.idOf), n, `"${key}".${giver}`)]);
    }
  }
  return rows.map(([giver, bits]) => {
    if (allowedLists) for (let b = 0; b < bits.length; b++) bits[b] = ~bits[b]! & 0xff;
    return { kind: 'exclude-bits', giver, bits };
  });
}

function toProblem(input: Input, people: People): MatchingProblem {
  const { idOf } = people;
  const rules: MatchingRule[] = [];
  for (const members of people.households.values()) rules.push({ kind: 'household', members });
  for (const group of input.groups ?? []) rules.push({ kind: 'household', members: group.map(idOf) });
  for (const [a, b] of input.exclusions ?? []) rules.push({ kind: 'exclude-pair', a: idOf(a), b: idOf(b) });
  for (const [a, b] of input.oneWay ?? []) rules.push({ kind: 'exclude', giver: idOf(a), receiver: idOf(b) });
  for (const [a, b] of input.mustDraw ?? []) rules.push({ kind: 'must-draw', giver: idOf(a), receiver: idOf(b) });
  if (input.forbidden !== undefined) rules.push(...listRules(input.forbidden, false, people, 'forbidden'));
  if (input.allowed !== undefined) rules.push(...listRules(input.allowed, true, people, 'allowed'));
  const history: HistoryPair[] = (input.avoid ?? []).map(([a, b]) => [idOf(a), idOf(b)]);
  return { participants: people.names.map((_, i) => i), rules, mode: input.mode ?? 'single-loop', giftsPerPerson: input.giftsPerPerson ?? 1, history };
}

function parseArgs(argv: string[]): { path: string; json: boolean } {
  const flags = argv.filter((a) => a.startsWith('--'));
  const files = argv.filter((a) => !a.startsWith('--'));
  const unknown = flags.find((f) => f !== '--json');
  if (unknown !== undefined) throw new InputError(`unknown option ${unknown}`);
  if (files.length !== 1) throw new InputError('usage: npm run draw -- [--json] <file.json>');
  return { path: files[0]!, json: flags.includes('--json') };
}

/** Where the command writes: the terminal in use, a buffer in tests. */
export interface DrawOutput {
  out(line: string): void;
  err(line: string): void;
}

/** The whole command, minus the process: returns the exit code (0 drawn, 1 impossible, 2 bad input). */
export function runDraw(argv: string[], io: DrawOutput): number {
  let args: { path: string; json: boolean };
  let people: People;
  let problem: MatchingProblem;
  try {
    args = parseArgs(argv);
    const input = readInput(args.path);
    people = readPeople(input);
    problem = toProblem(input, people);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.err(`draw: ${e.message}`);
    return 2;
  }
  const nameOf = (id: number): string => people.names[id] ?? `#${id}`;
  const named = (pairs: ReadonlyArray<[number, number]>): Array<{ giver: string; receiver: string }> => pairs.map(([g, r]) => ({ giver: nameOf(g), receiver: nameOf(r) }));
  const random = cryptoRandom();
  const result = solve(problem, { random });
  if (result.ok) {
    if (args.json) {
      const { method, assignment, overriddenHistory, slots } = result;
      // With several giftees each, every pair says its round (single-loop: which loop it belongs to).
      const pairs = named(assignment).map((pair, e) => (slots === undefined ? pair : { ...pair, round: slots[e]! + 1 }));
      const out = { ok: true, mode: problem.mode, giftsPerPerson: problem.giftsPerPerson, method, pairs, overriddenHistory: named(overriddenHistory) };
      io.out(JSON.stringify(out));
      return 0;
    }
    io.out(result.assignment.map(([g, r]) => `${nameOf(g)} → ${nameOf(r)}`).join('\n'));
    for (const [g, r] of result.overriddenHistory) {
      io.err(`note: ${nameOf(g)} → ${nameOf(r)} is in "avoid", but "mustDraw" asks for it, so it was drawn.`);
    }
    return 0;
  }
  const message = describeReason(result.reason, nameOf);
  const others = result.reason.kind === 'budget-exhausted' ? [] : checkFeasibility(problem, { random }).modes.filter((m) => m !== problem.mode);
  if (args.json) {
    io.out(JSON.stringify({ ok: false, mode: problem.mode, reason: result.reason.kind, message, possibleModes: others }));
    return 1;
  }
  io.out(message);
  if (others.length > 0) io.out(`A draw is possible with "mode": ${others.map((m) => MODE_WORDS[m]).join(' or ')}.`);
  return 1;
}

// Run as a command (npm run draw), not when a test imports runDraw.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = runDraw(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
}
