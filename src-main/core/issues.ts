import type { z } from 'zod';
import type { FieldIssue } from '../contract/envelope';
import { isMessageKey, type MessageKey, type MessageValues, type Text, type Translator } from '../i18n';

/** The dotted path of an issue, as the API names fields ("(input)" for the whole payload). */
export const issuePath = (issue: z.core.$ZodIssue): string => issue.path.map(String).join('.') || '(input)';

const isKey = (message: string): message is MessageKey => message.startsWith('error.') && isMessageKey(message);

/** A limit as the reader reads it: numbers stay numbers (ICU formats them), dates and big ints become text. */
const limit = (value: unknown): string | number => (typeof value === 'number' ? value : String(value));

/**
 * One zod issue as a catalogue text: the contract's own message (a key, with the issue's limits as
 * `{min}`/`{max}` and a custom issue's params), or, for zod's defaults, a generic sentence per
 * issue code, never zod's English.
 */
export function issueText(issue: z.core.$ZodIssue): Text {
  const values: Record<string, string | number> = {};
  if (issue.code === 'too_small') values.min = limit(issue.minimum);
  if (issue.code === 'too_big') values.max = limit(issue.maximum);
  if (issue.code === 'custom' && issue.params) {
    for (const [name, value] of Object.entries(issue.params)) if (typeof value === 'string' || typeof value === 'number') values[name] = value;
  }
  if (isKey(issue.message)) return { key: issue.message, values: values as MessageValues };
  switch (issue.code) {
    case 'invalid_type':
      return { key: 'error.input.type', values: { expected: issue.expected } };
    case 'too_small':
      return { key: 'error.input.tooSmall', values: { origin: issue.origin, min: values.min } };
    case 'too_big':
      return { key: 'error.input.tooBig', values: { origin: issue.origin, max: values.max } };
    case 'invalid_format':
      return { key: 'error.input.format' };
    case 'invalid_value':
      return { key: 'error.input.value', values: { allowed: issue.values.map(String).join(', ') } };
    case 'unrecognized_keys':
      return { key: 'error.input.unknownKeys', values: { keys: issue.keys.join(', '), count: issue.keys.length } };
    case 'not_multiple_of':
      return { key: 'error.input.multipleOf', values: { divisor: limit(issue.divisor) } };
    default:
      return { key: 'error.input.invalid' };
  }
}

/** Every issue of a failed parse, worded for the reader: the API's `issues`. */
export function wordIssues(error: z.ZodError, t: Translator): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issuePath(issue), message: t.text(issueText(issue)) }));
}
