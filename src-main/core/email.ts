import type { Text } from '../i18n';
import { english, invalidField } from './errors';

/** A refusal: its catalogue text, and its English (`message`, for callers that know no reader). */
const refused = (text: Text) => ({ ok: false as const, text, message: english(text) });

/**
 * Trim, NFKC, lower-case (one address, one spelling), then validate with linear-time checks only (no regex that can
 * backtrack). Returns the normalised address, or a sentence saying what is wrong.
 */
export function normaliseEmail(input: string): { ok: true; email: string } | { ok: false; message: string; text: Text } {
  const email = input.trim().normalize('NFKC').toLowerCase();
  if (email.length === 0) return refused({ key: 'error.email.missing' });
  if (email.length > 255) return refused({ key: 'error.email.tooLong' });
  const at = email.indexOf('@');
  if (at === -1 || at !== email.lastIndexOf('@')) {
    return refused({ key: 'error.email.oneAt' });
  }
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length === 0 || local.length > 64) return refused({ key: 'error.email.localPart' });
  if (!isValidDomain(domain)) return refused({ key: 'error.email.domain' });
  for (const ch of local) {
    const code = ch.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f || '()<>[]\\,;:"'.includes(ch)) {
      return refused({ key: 'error.email.characters' });
    }
  }
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return refused({ key: 'error.email.dots' });
  }
  return { ok: true, email };
}

function isValidDomain(domain: string): boolean {
  if (domain.length === 0 || domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-')) return false;
    for (const ch of label) {
      const code = ch.codePointAt(0) ?? 0;
      const ascii = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch === '-';
      if (!ascii && code < 0x80) return false;
    }
  }
  return true;
}

/** The normalised address, or a validation error naming the field (`path`). */
export function checkedEmail(raw: string, path = 'email'): string {
  const result = normaliseEmail(raw);
  if (!result.ok) throw invalidField(path, result.text);
  return result.email;
}
