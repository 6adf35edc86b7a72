import type { MessageKey, MessageValues, Translator } from '../../i18n';
import { escapeHtml, formatBudget, isHttpUrl, multiLine, multiLineHtml, oneLine } from './format';
import type { ExchangeInfo, RenderedEmail } from './types';

/** A run of text inside a paragraph; user text is passed raw and escaped here, once. */
export type Inline = string | { strong: string };

/**
 * Templates describe an email as blocks; this file is the only place that turns them into
 * HTML, so escaping cannot be forgotten in one template and the two parts never drift apart.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'para'; parts: Inline[] }
  | { kind: 'small'; parts: Inline[] }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'highlight'; label: string; value: string }
  | { kind: 'multiline'; label: string; value: string; empty: string }
  | { kind: 'details'; rows: Array<{ label: string; value: string }> }
  | { kind: 'list'; items: string[] };

export interface EmailDraft {
  subject: string;
  /** Inbox preview line; must never give away a secret (shown on lock screens). */
  preheader: string;
  blocks: Block[];
  footer: string;
  attachments?: RenderedEmail['attachments'];
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const INK = '#2b2622';
const MUTED = '#6f665e';
const ACCENT = '#b3261e';

function inlineHtml(parts: Inline[]): string {
  return parts.map((p) => (typeof p === 'string' ? escapeHtml(p) : `<strong>${escapeHtml(p.strong)}</strong>`)).join('');
}

function inlineText(parts: Inline[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.strong)).join('');
}

function safeHref(url: string): string {
  return isHttpUrl(url) ? escapeHtml(url) : '#';
}

function blockHtml(block: Block, t: Translator): string {
  switch (block.kind) {
    case 'heading':
      return `<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:${INK};">${escapeHtml(block.text)}</h1>`;
    case 'para':
      return `<p style="margin:0 0 16px;">${inlineHtml(block.parts)}</p>`;
    case 'small':
      return `<p style="margin:0 0 12px;font-size:14px;color:${MUTED};">${inlineHtml(block.parts)}</p>`;
    case 'button': {
      const href = safeHref(block.url);
      return (
        `<p style="margin:24px 0 8px;"><a href="${href}" style="display:inline-block;background:${ACCENT};color:#ffffff;` +
        `text-decoration:none;font-weight:600;font-size:16px;padding:12px 22px;border-radius:8px;` +
        `mso-padding-alt:0;">${escapeHtml(block.label)}</a></p>` +
        `<p style="margin:0 0 20px;font-size:13px;color:${MUTED};">${escapeHtml(t.t('mail.layout.buttonFallback'))}<br>` +
        `<a href="${href}" style="color:#1f6f8b;word-break:break-all;">${escapeHtml(block.url)}</a></p>`
      );
    }
    case 'highlight':
      return (
        `<div style="margin:0 0 20px;padding:14px 18px;background:#fbf5e9;border-left:4px solid #1f7a4d;border-radius:6px;">` +
        `<div style="font-size:13px;color:${MUTED};text-transform:uppercase;letter-spacing:0.04em;">${escapeHtml(block.label)}</div>` +
        `<div style="font-size:24px;font-weight:700;color:${INK};margin-top:4px;word-wrap:break-word;">${escapeHtml(block.value)}</div></div>`
      );
    case 'multiline': {
      const body = multiLine(block.value).length ? multiLineHtml(block.value) : `<span style="color:${MUTED};font-style:italic;">${escapeHtml(block.empty)}</span>`;
      return (
        `<div style="margin:0 0 20px;"><div style="font-weight:600;margin-bottom:6px;">${escapeHtml(block.label)}</div>` +
        `<div style="padding:12px 16px;background:#f6f4f1;border-radius:6px;word-wrap:break-word;">${body}</div></div>`
      );
    }
    case 'details':
      return (
        `<div style="margin:0 0 20px;">` +
        block.rows
          .map(
            (r) =>
              `<p style="margin:0 0 10px;"><span style="font-size:13px;color:${MUTED};">${escapeHtml(r.label)}</span><br>` +
              `<span style="font-weight:600;word-wrap:break-word;">${multiLineHtml(r.value)}</span></p>`,
          )
          .join('') +
        `</div>`
      );
    case 'list':
      return (
        `<ul style="margin:0 0 16px;padding-left:20px;">` + block.items.map((i) => `<li style="margin:0 0 6px;word-wrap:break-word;">${escapeHtml(i)}</li>`).join('') + `</ul>`
      );
  }
}

function indent(value: string): string {
  return multiLine(value)
    .map((l) => `  ${l}`)
    .join('\n');
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return block.text;
    case 'para':
    case 'small':
      return inlineText(block.parts);
    case 'button':
      return `${block.label}:\n${block.url}`;
    case 'highlight':
      return `${block.label}:\n  ${block.value}`;
    case 'multiline':
      return `${block.label}\n${multiLine(block.value).length ? indent(block.value) : `  (${block.empty})`}`;
    case 'details':
      return block.rows.map((r) => `${r.label}: ${multiLine(r.value).join('\n  ')}`).join('\n');
    case 'list':
      return block.items.map((i) => `- ${i}`).join('\n');
  }
}

function htmlDocument(draft: EmailDraft, t: Translator): string {
  const body = draft.blocks.map((b) => blockHtml(b, t)).join('\n');
  return `<!DOCTYPE html>
<html lang="${t.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(draft.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4efe6;">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(draft.preheader)}</div>
<!--[if mso]><table role="presentation" width="560" align="center"><tr><td><![endif]-->
<div style="max-width:560px;margin:0 auto;padding:24px 12px;font-family:${FONT};font-size:16px;line-height:1.5;color:${INK};">
<div style="padding:0 8px 12px;font-size:14px;font-weight:700;letter-spacing:0.06em;color:${ACCENT};">SNEAKY KLAUS</div>
<div style="background:#ffffff;border:1px solid #e6dccb;border-radius:12px;padding:28px 22px;">
${body}
</div>
<p style="margin:16px 8px 0;font-size:12px;line-height:1.5;color:${MUTED};">${escapeHtml(draft.footer)}</p>
</div>
<!--[if mso]></td></tr></table><![endif]-->
</body>
</html>
`;
}

function textDocument(draft: EmailDraft): string {
  return `${draft.blocks.map(blockText).join('\n\n')}\n\n-- \n${draft.footer}\n`;
}

/** Renders a draft into the subject, plain-text and HTML parts, in the reader's language. */
export function renderEmail(draft: EmailDraft, t: Translator): RenderedEmail {
  const email: RenderedEmail = { subject: draft.subject, text: textDocument(draft), html: htmlDocument(draft, t) };
  if (draft.attachments && draft.attachments.length > 0) email.attachments = draft.attachments;
  return email;
}

/** When / where / budget rows shared by the participant emails; empty fields are left out. */
export function exchangeDetails(exchange: ExchangeInfo, t: Translator): Block {
  const rows = [{ label: t.t('mail.details.when'), value: t.dateTime(exchange.exchangeAt, exchange.timezone) }];
  if (exchange.location.trim()) rows.push({ label: t.t('mail.details.where'), value: exchange.location });
  const budget = formatBudget(t, exchange.budget);
  if (budget) rows.push({ label: t.t('mail.details.budget'), value: t.t('mail.details.budgetPerGift', { budget }) });
  return { kind: 'details', rows };
}

/** Footer of the participant emails: who sent this and why, and in which language they get them. */
export function participantFooter(exchange: ExchangeInfo, t: Translator): string {
  return `${t.t('mail.footer.participant', { exchange: oneLine(exchange.name) })} ${t.t('mail.footer.language')}`;
}

/**
 * A whole sentence from the catalogue as paragraph parts: `<b>…</b>` in the message marks what is
 * bold (the exchange's name, a person's), so each language places the bold words where they fall.
 */
export function richParts(t: Translator, key: MessageKey, values: MessageValues = {}): Inline[] {
  const out = t.intl.formatMessage({ id: key }, { ...values, b: (chunks: unknown[]) => ({ strong: chunks.join('') }) } as unknown as Record<string, string>) as unknown;
  const list = Array.isArray(out) ? (out as Array<string | { strong: string }>) : [String(out)];
  return list.filter((p) => p !== '');
}

/** "Hi Ann," or, without a name, "Hello,". */
export function greeting(t: Translator, name: string): Block {
  const clean = oneLine(name);
  return { kind: 'heading', text: clean ? t.t('mail.hi', { name: clean }) : t.t('mail.hello') };
}
