import { BETWEEN_LIMITS } from '../../../contract/values';
import { LIMITS } from '../../../contract/values';
import type { Translator } from '../../../i18n';

/**
 * What a participant form says about a refused field, in the page's language. The checks
 * themselves stay where they are (normalisePersonName, normaliseEmail, checkMessage, …); once one
 * has refused, the input is looked at again here only to name what is wrong in the reader's words.
 */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/; // eslint-disable-line no-control-regex -- control characters are what this names
const LINE_BREAK = /[\n\r\u0085\u2028\u2029\v\f]/;

/** The name field, after normalisePersonName refused `raw`. */
export function nameError(t: Translator, raw: string): string {
  const trimmed = raw.normalize('NFC').trim();
  const name = trimmed.replace(/\s+/gu, ' ');
  if (raw.length > LIMITS.name * 4 || name.length > LIMITS.name) return t.t('page.error.nameTooLong', { max: String(LIMITS.name) });
  if (LINE_BREAK.test(trimmed)) return t.t('page.error.nameOneLine');
  if (name.length === 0) return t.t('page.error.nameEmpty');
  return t.t('page.error.nameControl');
}

/** The email field, after normaliseEmail refused `raw`. */
export function emailError(t: Translator, raw: string): string {
  const email = raw.trim();
  if (email === '') return t.t('page.error.emailEmpty');
  if (email.length > 255) return t.t('page.error.emailTooLong');
  if (email.split('@').length !== 2) return t.t('page.error.emailOneAt');
  return t.t('page.error.emailInvalid');
}

export function giftIdeasTooLong(t: Translator): string {
  return t.t('page.error.ideasTooLong', { max: String(LIMITS.giftIdeas) });
}

/** A message, after checkMessage refused `raw`. */
export function messageError(t: Translator, raw: string): string {
  const body = raw.replace(/\r\n?/g, '\n').trim();
  if (body === '') return t.t('page.error.messageEmpty');
  if (body.length > BETWEEN_LIMITS.message) return t.t('page.error.messageTooLong', { max: String(BETWEEN_LIMITS.message) });
  return t.t('page.error.messageControl');
}

/** A postal address, after checkAddress refused `raw`. */
export function addressError(t: Translator, raw: string): string {
  if (CONTROL.test(raw.replace(/[\r\n\t]/g, ''))) return t.t('page.error.addressControl');
  return t.t('page.error.addressTooLong', { max: String(BETWEEN_LIMITS.address) });
}
