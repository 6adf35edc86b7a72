import type { z } from 'zod';
import type { ErrorBody, Result } from '../contract/envelope';
import { isOperationName, operations, type OperationName, type OperationOutput } from '../contract/operations';
import { DomainError, localise } from '../core/errors';
import { wordIssues } from '../core/issues';
import { translator, type Translator } from '../i18n';
import type { Deps } from '../services/common/deps';
import { organizerTranslator } from '../services/organizer/settings';
import { handlers } from './handlers';

/**
 * The one entrance to the organizer's operations, behind IPC, the admin HTTP API and tests:
 * validates the payload, runs the handler, and turns every failure into data, worded in the
 * organizer's language (codes, paths and details stay as they are).
 */
export async function dispatch(deps: Deps, name: string, payload: unknown): Promise<Result<unknown>> {
  if (!isOperationName(name)) {
    return { ok: false, error: { code: 'not_found', message: readerOf(deps).t('error.input.unknownOperation', { name }) } };
  }
  const parsed = operations[name].input.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: fromZod(parsed.error, readerOf(deps)) };
  try {
    const handler = handlers[name] as (deps: Deps, input: unknown) => unknown;
    return { ok: true, value: await handler(deps, parsed.data) };
  } catch (error) {
    if (error instanceof DomainError) {
      const { message, issues } = localise(error, readerOf(deps));
      return {
        ok: false,
        error: {
          code: error.code,
          message,
          ...(issues && { issues }),
          ...(error.details !== undefined && { details: error.details }),
        },
      };
    }
    deps.log.error('operation failed', { operation: name, error });
    return { ok: false, error: { code: 'internal', message: readerOf(deps).t('error.internalLogged') } };
  }
}

/** The typed face of dispatch, for callers inside the process (tests, the desktop shell). */
export async function call<N extends OperationName>(deps: Deps, name: N, payload: z.input<(typeof operations)[N]['input']>): Promise<Result<OperationOutput<N>>> {
  return (await dispatch(deps, name, payload)) as Result<OperationOutput<N>>;
}

/** The organizer's language; English if the settings cannot be read (the failure is reported anyway). */
function readerOf(deps: Deps): Translator {
  try {
    return organizerTranslator(deps);
  } catch {
    return translator('en');
  }
}

function fromZod(error: z.ZodError, t: Translator): ErrorBody {
  const issues = wordIssues(error, t);
  const first = issues[0];
  return {
    code: 'invalid_input',
    message: first ? t.t('error.input.summary', { path: first.path, message: first.message, more: issues.length - 1 }) : t.t('error.input.notUnderstood'),
    issues,
  };
}
