import type { Translator } from '../../../i18n';
import { html, raw, type HtmlValue, type SafeHtml } from './html';

/** Where the stylesheet is served; the only asset the pages load (no fonts, images or scripts). */
export const STYLESHEET_URL = '/assets/participant.css';

export interface Flash {
  kind: 'success' | 'error';
  message: string;
}

export interface LayoutOptions {
  /** What the page is about, e.g. "Join". */
  title: string;
  /** Added to <title> so a tab or bookmark says which exchange it belongs to. */
  exchangeName?: string | null;
  body: SafeHtml;
  flash?: Flash | null;
}

/** The page in the reader's language: `<html lang>`, the footer and every text inside come from `t`. */
export function layout(t: Translator, options: LayoutOptions): string {
  const titleParts = [options.title, options.exchangeName, 'Sneaky Klaus'].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  const doc = html`<!doctype html>
<html lang="${t.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${titleParts.join(' — ')}</title>
<link rel="stylesheet" href="${STYLESHEET_URL}">
</head>
<body>
<header class="site-header"><p class="brand">Sneaky Klaus</p></header>
<main id="main" class="page">
${options.flash ? flashMessage(options.flash) : null}
${options.body}
</main>
<footer class="site-footer"><p>${t.t('page.layout.footer')}</p></footer>
</body>
</html>
`;
  return doc.value;
}

function flashMessage(flash: Flash): SafeHtml {
  // role=status is read out politely; errors use role=alert so they are not missed.
  const role = flash.kind === 'error' ? 'alert' : 'status';
  return html`<p class="flash flash-${flash.kind}" role="${role}">${flash.message}</p>`;
}

/** The hidden CSRF field every state-changing form carries: plain-HTTP LANs have no SameSite guarantees to lean on. */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/** A POST form with its CSRF field; `action` is a path built by the caller (escaped here). */
export function postForm(action: string, csrfToken: string, content: HtmlValue, className = 'stack'): SafeHtml {
  return html`<form method="post" action="${action}" class="${className}">
${csrfField(csrfToken)}
${content}
</form>`;
}

export interface TextFieldOptions {
  id: string;
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'email';
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  multiline?: boolean;
  /** Mark non-required fields "(optional)"; on by default. */
  showOptional?: boolean;
}

/** A labelled input or textarea with optional hint and error wired up through aria-describedby. */
export function textField(t: Translator, o: TextFieldOptions): SafeHtml {
  const hintId = o.hint ? `${o.id}-hint` : null;
  const errorId = o.error ? `${o.id}-error` : null;
  const describedBy = [hintId, errorId].filter((x): x is string => x !== null).join(' ');
  const attrs = html`id="${o.id}" name="${o.name}"${o.required ? raw(' required') : null}${
    o.maxLength ? html` maxlength="${o.maxLength}"` : null
  }${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : null}${
    describedBy ? html` aria-describedby="${describedBy}"` : null
  }${o.error ? raw(' aria-invalid="true"') : null}`;
  // The parser drops one newline right after <textarea>, so a value's own leading newline survives.
  const control = o.multiline
    ? html`<textarea ${attrs} rows="5">\n${o.value}</textarea>`
    : html`<input type="${o.type ?? 'text'}" ${attrs} value="${o.value}"${o.type === 'email' ? raw(' inputmode="email" autocapitalize="off" spellcheck="false"') : null}>`;
  return html`<div class="field${o.error ? ' field-invalid' : ''}">
<label for="${o.id}">${o.label}${o.required || o.showOptional === false ? null : html` <span class="optional">${t.t('page.field.optional')}</span>`}</label>
${o.hint ? html`<p class="hint" id="${hintId}">${o.hint}</p>` : null}
${o.error ? html`<p class="error" id="${errorId}"><span class="visually-hidden">${t.t('page.field.errorPrefix')} </span>${o.error}</p>` : null}
${control}
</div>`;
}

export interface CheckboxOptions {
  id: string;
  name: string;
  label: string;
  checked: boolean;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
}

export function checkboxField(t: Translator, o: CheckboxOptions): SafeHtml {
  const hintId = o.hint ? `${o.id}-hint` : null;
  const errorId = o.error ? `${o.id}-error` : null;
  const describedBy = [hintId, errorId].filter((x): x is string => x !== null).join(' ');
  return html`<div class="field field-check${o.error ? ' field-invalid' : ''}">
${o.error ? html`<p class="error" id="${errorId}"><span class="visually-hidden">${t.t('page.field.errorPrefix')} </span>${o.error}</p>` : null}
<div class="check">
<input type="checkbox" id="${o.id}" name="${o.name}" value="yes"${o.checked ? raw(' checked') : null}${
    o.required ? raw(' required') : null
  }${describedBy ? html` aria-describedby="${describedBy}"` : null}${o.error ? raw(' aria-invalid="true"') : null}>
<label for="${o.id}">${o.label}</label>
</div>
${o.hint ? html`<p class="hint" id="${hintId}">${o.hint}</p>` : null}
</div>`;
}

/** A list of errors at the top of a form, linking to each field (works without JavaScript). */
export function errorSummary(t: Translator, errors: readonly { fieldId: string; message: string }[]): SafeHtml | null {
  if (errors.length === 0) return null;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${t.t('page.form.errorSummary')}</h2>
<ul>${errors.map((e) => html`<li><a href="#${e.fieldId}">${e.message}</a></li>`)}</ul>
</div>`;
}

/** A link styled as the page's main next step. */
export function buttonLink(href: string, label: string, secondary = false): SafeHtml {
  return html`<a class="button${secondary ? ' button-secondary' : ''}" href="${href}">${label}</a>`;
}

/** "/login" or "/login?exchange=CODE" (the code is URL-encoded; html escapes the rest). */
export function loginHref(exchangeCode: string | null | undefined): string {
  return exchangeCode ? `/login?exchange=${encodeURIComponent(exchangeCode)}` : '/login';
}
