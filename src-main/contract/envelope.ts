/** What every operation returns across IPC and HTTP: errors are data, never thrown across the boundary. */
export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'invalid_state' | 'infeasible' | 'unauthorized' | 'rate_limited' | 'unavailable' | 'internal';

/** One problem with one field of an input; `path` is dotted (`budget.currency`, `rows.3.email`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  /** A sentence a person can act on. */
  message: string;
  issues?: FieldIssue[];
  /** Machine-readable extras, e.g. the participant ids behind an infeasible draw. */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };
