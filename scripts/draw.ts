/**
 * Draw names from a JSON file: `npm run draw -- family.json`.
 * Prints "Giver → Receiver" lines, or why no draw is possible (exit 1). Bad input: exit 2.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  checkFeasibility,
  describeReason,
  solve,
  type MatchingRule,
  type MatchMode,
} from '../src-main/core/matching';
import { cryptoRandom } from '../src-main/core/random';

const Pair = z.tuple([z.string(), z.string()]);
const Input = z.strictObject({
  mode: z.enum(['single-loop', 'no-mutual', 'any']).optional(),
  people: z.array(z.strictObject({ name: z.string().trim().min(1), household: z.string().trim().min(1).optional() })).min(1),
  exclusions: z.array(Pair).optional(),
  oneWay: z.array(Pair).optional(),
  mustDraw: z.array(Pair).optional(),
  avoid: z.array(Pair).optional(),
});
type Input = z.infer<typeof Input>;

class InputError extends Error {}

const MODE_WORDS: Record<MatchMode, string> = { 'single-loop': '"single-loop"', 'no-mutual': '"no-mutual"', any: '"any"' };

function readInput(path: string | undefined): Input {
  if (path === undefined) throw new InputError('usage: npm run draw -- <file.json>');
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

function toRules(input: Input, idOf: (name: string) => number): MatchingRule[] {
  const rules: MatchingRule[] = [];
  const households = new Map<string, number[]>();
  input.people.forEach((p, i) => {
    if (p.household !== undefined) households.set(p.household, [...(households.get(p.household) ?? []), i]);
  });
  for (const members of households.values()) rules.push({ kind: 'household', members });
  for (const [a, b] of input.exclusions ?? []) rules.push({ kind: 'exclude-pair', a: idOf(a), b: idOf(b) });
  for (const [a, b] of input.oneWay ?? []) rules.push({ kind: 'exclude', giver: idOf(a), receiver: idOf(b) });
  for (const [a, b] of input.mustDraw ?? []) rules.push({ kind: 'must-draw', giver: idOf(a), receiver: idOf(b) });
  for (const [a, b] of input.avoid ?? []) rules.push({ kind: 'avoid-history', giver: idOf(a), receiver: idOf(b) });
  return rules;
}

function main(argv: string[]): number {
  let input: Input;
  try {
    input = readInput(argv[0]);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    console.error(`draw: ${e.message}`);
    return 2;
  }
  const names = input.people.map((p) => p.name);
  const index = new Map<string, number>();
  for (const [i, name] of names.entries()) {
    if (index.has(name)) {
      console.error(`draw: "${name}" is listed twice; names must be unique`);
      return 2;
    }
    index.set(name, i);
  }
  const unknown = [input.exclusions, input.oneWay, input.mustDraw, input.avoid]
    .flatMap((pairs) => pairs ?? [])
    .flat()
    .find((name) => !index.has(name));
  if (unknown !== undefined) {
    console.error(`draw: "${unknown}" is not in "people"`);
    return 2;
  }
  const mode = input.mode ?? 'single-loop';
  const problem = { participants: names.map((_, i) => i), rules: toRules(input, (n) => index.get(n)!), mode };
  const random = cryptoRandom();
  const nameOf = (id: number): string => names[id] ?? `#${id}`;
  const result = solve(problem, { random });
  if (result.ok) {
    for (const [giver, receiver] of result.assignment) console.log(`${nameOf(giver)} → ${nameOf(receiver)}`);
    return 0;
  }
  console.log(describeReason(result.reason, nameOf));
  const others = checkFeasibility(problem, { random }).modes.filter((m) => m !== mode);
  if (others.length > 0 && result.reason.kind !== 'budget-exhausted') {
    console.log(`A draw is possible with "mode": ${others.map((m) => MODE_WORDS[m]).join(' or ')}.`);
  }
  return 1;
}

process.exitCode = main(process.argv.slice(2));
