import type { ErrorBody, OperationInput, OperationName, OperationOutput } from '@contract';
import { call } from '../api/client';
import { formErrors, type FormErrors, type IssueMapping } from '../lib/issues';

/** What a store action hands back to a page: the value, or messages placed on the form's fields. */
export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: ErrorBody; errors: FormErrors };

/** Calls an operation and turns a refusal into form errors (by the field names of `mapping`). */
export async function attempt<N extends OperationName>(name: N, input: OperationInput<N>, mapping: IssueMapping = { fields: [] }): Promise<ActionResult<OperationOutput<N>>> {
  const result = await call(name, input);
  if (result.ok) return { ok: true, value: result.value };
  return { ok: false, error: result.error, errors: formErrors(result.error, mapping) };
}

/** The sentence to show for a failed load. */
export function loadError(error: ErrorBody): string {
  return error.message;
}
