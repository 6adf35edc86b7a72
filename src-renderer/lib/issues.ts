import type { ErrorBody } from '@contract';

/** What a form shows after a refused operation: messages next to fields, and one general line. */
export interface FormErrors {
  general: string | null;
  fields: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { general: null, fields: {} };

export interface IssueMapping {
  /** Removed from the front of every issue path (`patch.` for `*.update` operations). */
  prefix?: string;
  /** The form's field names; an issue on `budget.amount` lands on `budget.amount`, else on `budget`. */
  fields: readonly string[];
}

/**
 * Maps `issues` by path to the form's fields. Issues that name no field of this form, and errors
 * without issues, become the general message, so nothing the core says is lost.
 */
export function formErrors(error: ErrorBody, mapping: IssueMapping): FormErrors {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of error.issues ?? []) {
    const path = mapping.prefix && issue.path.startsWith(mapping.prefix) ? issue.path.slice(mapping.prefix.length) : issue.path;
    const field = fieldFor(path, mapping.fields);
    if (field === null) unplaced.push(issue.message);
    else fields[field] ??= issue.message;
  }
  if (!error.issues || error.issues.length === 0) return { general: error.message, fields };
  if (unplaced.length > 0) return { general: unplaced.join(' '), fields };
  return { general: 'Please check the fields marked below.', fields };
}

function fieldFor(path: string, fields: readonly string[]): string | null {
  if (fields.includes(path)) return path;
  const parts = path.split('.');
  for (let length = parts.length - 1; length > 0; length--) {
    const candidate = parts.slice(0, length).join('.');
    if (fields.includes(candidate)) return candidate;
  }
  return null;
}

/** The message for one field, if any (for `aria-invalid` and the error line). */
export function fieldError(errors: FormErrors, field: string): string | undefined {
  return errors.fields[field];
}
