import { invalidField } from './errors';

/**
 * Trim, NFKC, lower-case (one address, one spelling), then validate with linear-time checks only (no regex that can
 * backtrack). Returns the normalised address, or a sentence saying what is wrong.
 */
export function normaliseEmail(input: string): { ok: true; email: string } | { ok: false; message: string } {
  const email = input.trim().normalize('NFKC').toLowerCase();
  if (email.length === 0) return { ok: false, message: 'Enter an email address.' };
  if (email.length > 255) return { ok: false, message: 'That email address is too long (255 characters at most).' };
  const at = email.indexOf('@');
  if (at === -1 || at !== email.lastIndexOf('@')) {
    return { ok: false, message: 'An email address has exactly one @, like name@example.com.' };
  }
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length === 0 || local.length > 64) return { ok: false, message: 'The part before the @ is missing or too long.' };
  if (!isValidDomain(domain)) return { ok: false, message: 'The part after the @ should be a domain like example.com.' };
  for (const ch of local) {
    const code = ch.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f || '()<>[]\\,;:"'.includes(ch)) {
      return { ok: false, message: 'An email address cannot contain spaces or any of ( ) < > [ ] \\ , ; : "' };
    }
  }
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return { ok: false, message: 'The part before the @ cannot start or end with a dot, or have two dots in a row.' };
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
  if (!result.ok) throw invalidField(path, result.message);
  return result.email;
}
