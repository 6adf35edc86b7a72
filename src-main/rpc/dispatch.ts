import type { z } from 'zod';
import type { ErrorBody, Result } from '../contract/envelope';
import { isOperationName, operations, type OperationName, type OperationOutput } from '../contract/operations';
import { DomainError } from '../core/errors';
import type { Deps } from '../services/common/deps';
import { handlers } from './handlers';

/**
 * The one entrance to the organizer's operations, behind IPC, the admin HTTP API and tests:
 * validates the payload, runs the handler, and turns every failure into data.
 */
export async function dispatch(deps: Deps, name: string, payload: unknown): Promise<Result<unknown>> {
  if (!isOperationName(name)) {
    return { ok: false, error: { code: 'not_found', message: `There is no operation called "${name}".` } };
  }
  const parsed = operations[name].input.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: fromZod(parsed.error) };
  try {
    const handler = handlers[name] as (deps: Deps, input: unknown) => unknown;
    return { ok: true, value: await handler(deps, parsed.data) };
  } catch (error) {
    if (error instanceof DomainError) {
      return {
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          ...(error.issues && { issues: error.issues }),
          ...(error.details !== undefined && { details: error.details }),
        },
      };
    }
    deps.log.error('operation failed', { operation: name, error });
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong on our side. The details were written to the log.' },
    };
  }
}

/** The typed face of dispatch, for callers inside the process (tests, the desktop shell). */
export async function call<N extends OperationName>(deps: Deps, name: N, payload: z.input<(typeof operations)[N]['input']>): Promise<Result<OperationOutput<N>>> {
  return (await dispatch(deps, name, payload)) as Result<OperationOutput<N>>;
}

function fromZod(error: z.ZodError): ErrorBody {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return {
    code: 'invalid_input',
    message: first ? `${first.path}: ${first.message}${more}` : 'The request was not understood.',
    issues,
  };
}
