import type { ErrorCode, FieldIssue } from '../contract/envelope';

/**
 * An expected failure with a message meant for the person using the app.
 * Anything else that is thrown is a bug and is reported as `internal` without its details.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: { issues?: FieldIssue[]; details?: unknown } = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.issues = options.issues;
    this.details = options.details;
  }
}

/** Shorthand for the most common refusal: one named field is wrong. */
export function invalidField(path: string, message: string): DomainError {
  return new DomainError('invalid_input', message, { issues: [{ path, message }] });
}

export function notFound(what: string): DomainError {
  return new DomainError('not_found', `${what} was not found.`);
}
