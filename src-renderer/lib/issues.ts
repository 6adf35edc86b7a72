import type { ErrorBody } from '@contract';
import type { Translator } from '@i18n';
import { currentT } from './i18n';

/** What a form shows after a refused operation: messages next to fields, and one general line. */
export interface FormErrors {
  general: string | null;
  fields: Record<string, string>;
  /** The general line only points at the field messages (it goes once they are all fixed). */
  summary?: boolean;
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
export function formErrors(error: ErrorBody, mapping: IssueMapping, t: Translator = currentT()): FormErrors {
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
  return { general: t.t('parts.form.checkFields'), fields, summary: true };
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

/**
 * The errors still worth showing while the person edits: a field changed since the form was sent
 * loses its message (its error keys come from `keysOf`), and a summary line goes with the last one.
 */
export function currentErrors<V extends object>(errors: FormErrors, sent: V | null, values: V, keysOf: (field: keyof V & string) => readonly string[] = (f) => [f]): FormErrors {
  if (sent === null) return errors;
  const fields = { ...errors.fields };
  for (const field of Object.keys(values) as Array<keyof V & string>) {
    if (sent[field] === values[field]) continue;
    for (const key of keysOf(field)) delete fields[key];
  }
  const hadFields = Object.keys(errors.fields).length > 0;
  const general = errors.summary && hadFields && Object.keys(fields).length === 0 ? null : errors.general;
  return { ...errors, general, fields };
}
