import type { MessageKey, MessageValues, Translator } from '../../i18n';
import type { ExchangeInfo } from './types';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for both element content and double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** C0/C1 controls and the Unicode line/paragraph separators (no regex: lint bans control ranges). */
function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/** Collapses control characters and line breaks (CR, LF, NEL, LS, PS) so user text stays on one line. */
export function oneLine(value: string): string {
  let out = '';
  for (const ch of value) out += isControl(ch.charCodeAt(0)) ? ' ' : ch;
  return out.replace(/\s+/g, ' ').trim();
}

const SUBJECT_NAME_MAX = 100;

/** The exchange's name for a subject line: one line, cut short; "Sneaky Klaus" when there is none. */
export function subjectName(exchangeName: string): string {
  let name = oneLine(exchangeName);
  if (name.length > SUBJECT_NAME_MAX) name = `${name.slice(0, SUBJECT_NAME_MAX - 1).trimEnd()}…`;
  return name || 'Sneaky Klaus';
}

/**
 * A subject in the reader's language, whose message places the exchange's name (`{exchange}`):
 * one line whatever the user typed (header injection and folding).
 */
export function subjectFor(t: Translator, exchangeName: string, key: MessageKey, values: MessageValues = {}): string {
  return oneLine(t.t(key, { ...values, exchange: subjectName(exchangeName) }));
}

/** "25 €" / "$25.50" in the reader's language; null without a budget. */
export function formatBudget(t: Translator, budget: ExchangeInfo['budget']): string | null {
  return budget ? oneLine(t.money(budget)) : null;
}

/** Only http(s) URLs may become links; anything else (javascript:, data:) stays inert. */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(value);
}

// Linear: one character class, no nested quantifiers.
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/gi;

/** Drops sentence punctuation glued to the end of a URL, and an unbalanced closing bracket. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last === undefined) break;
    if ('.,;:!?*'.includes(last)) {
      end -= 1;
      continue;
    }
    if (last === ')') {
      const body = url.slice(0, end);
      if (body.split('(').length < body.split(')').length) {
        end -= 1;
        continue;
      }
    }
    break;
  }
  return url.slice(0, end);
}

/** Escapes one line of user text, turning http(s) URLs in it into (escaped) links. */
export function linkifyLine(line: string): string {
  let out = '';
  let pos = 0;
  for (const match of line.matchAll(URL_IN_TEXT)) {
    const start = match.index;
    const url = trimUrl(match[0]);
    if (url.length <= 'https://'.length) continue;
    out += escapeHtml(line.slice(pos, start));
    const href = escapeHtml(url);
    out += `<a href="${href}" style="color:#1f6f8b;word-break:break-all;">${href}</a>`;
    pos = start + url.length;
  }
  return out + escapeHtml(line.slice(pos));
}

/** Normalises line endings and trims blank lines at both ends; keeps the inner layout. */
export function multiLine(value: string): string[] {
  const lines = value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029\u0085]/g, '\n')
    .split('\n');
  const cleaned = lines.map((line) => {
    let out = '';
    for (const ch of line) if (ch === '\t' || !isControl(ch.charCodeAt(0))) out += ch;
    return out.trimEnd();
  });
  while (cleaned.length > 0 && cleaned[0] === '') cleaned.shift();
  while (cleaned.length > 0 && cleaned[cleaned.length - 1] === '') cleaned.pop();
  return cleaned;
}

/** Multi-line user text as HTML: escaped, line breaks kept, http(s) URLs linked. */
export function multiLineHtml(value: string): string {
  return multiLine(value).map(linkifyLine).join('<br>\n');
}
