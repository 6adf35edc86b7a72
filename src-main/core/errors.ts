import type { ErrorCode, FieldIssue } from '../contract/envelope';
import { translator, type Text, type Translator } from '../i18n';

/** A refusal's words: a catalogue text (preferred: it is shown in the reader's language) or English. */
export type Wording = string | Text;

/** One field's problem, as a service words it. */
export interface IssueWording {
  path: string;
  message: Wording;
}

/** The English of a wording (logs, callers without a reader). */
export function english(wording: Wording): string {
  return typeof wording === 'string' ? wording : translator('en').text(wording);
}

/**
 * An expected failure with a message meant for the person using the app.
 * Anything else that is thrown is a bug and is reported as `internal` without its details.
 *
 * The words are kept as catalogue texts (`text`, `issueTexts`) and put in the reader's language at
 * the boundary (`localise`: the organizer's for the API, the participant's on their pages);
 * `message` and `issues` hold the English, for logs and for callers that know no reader.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  readonly details: unknown;
  readonly text: Wording;
  readonly issueTexts: IssueWording[] | undefined;

  constructor(code: ErrorCode, message: Wording, options: { issues?: IssueWording[]; details?: unknown } = {}) {
    super(english(message));
    this.name = 'DomainError';
    this.code = code;
    this.text = message;
    this.issueTexts = options.issues;
    this.issues = options.issues?.map((issue) => ({ path: issue.path, message: english(issue.message) }));
    this.details = options.details;
  }
}

/** The refusal in the reader's language: its message and each field's. */
export function localise(error: DomainError, t: Translator): { message: string; issues: FieldIssue[] | undefined } {
  const say = (wording: Wording) => (typeof wording === 'string' ? wording : t.text(wording));
  return { message: say(error.text), issues: error.issueTexts?.map((issue) => ({ path: issue.path, message: say(issue.message) })) };
}

/** Shorthand for the most common refusal: one named field is wrong. */
export function invalidField(path: string, message: Wording): DomainError {
  return new DomainError('invalid_input', message, { issues: [{ path, message }] });
}

/** Things the organizer or a participant can refer to that may be gone. */
export type Missing = 'exchange' | 'participant' | 'message' | 'exclusion' | 'mustDraw' | 'household' | 'backup' | 'operation';

export function notFound(what: Missing): DomainError {
  return new DomainError('not_found', { key: `error.notFound.${what}` });
}
