import { html, raw, type SafeHtml } from './html';

// Linear-time: one character class, no nested quantifiers (no catastrophic backtracking).
const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/gi;
// Trailing punctuation usually ends the sentence, not the URL ("see https://x.example/a.").
const TRAILING = /[.,;:!?)\]}]+$/;

/** Only absolute http(s) URLs become links; anything else (javascript:, data:, …) stays text. */
export function safeHttpUrl(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href;
}

function linkifyLine(line: string): SafeHtml {
  const parts: SafeHtml[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const start = match.index;
    const text = match[0].replace(TRAILING, '');
    const href = safeHttpUrl(text);
    if (href === null || text === '') continue;
    parts.push(html`${line.slice(last, start)}`);
    parts.push(html`<a href="${href}" rel="noopener noreferrer nofollow">${text}</a>`);
    last = start + text.length;
  }
  parts.push(html`${line.slice(last)}`);
  return html`${parts}`;
}

/**
 * Free text (gift ideas, descriptions) as HTML: every character escaped, line breaks kept,
 * http(s) URLs linked. Returns null for blank text so callers can say "nothing yet" their way.
 */
export function renderUserText(text: string, className = 'user-text'): SafeHtml | null {
  const trimmed = text.replace(/\r\n?/g, '\n').trim();
  if (trimmed === '') return null;
  const lines = trimmed.split('\n').map((line) => linkifyLine(line));
  return html`<p class="${className}">${lines.map((line, i) => (i === 0 ? line : html`${raw('<br>')}${line}`))}</p>`;
}

export function renderGiftIdeas(text: string): SafeHtml | null {
  return renderUserText(text, 'user-text gift-ideas');
}
