import { LOCALE_NAMES, LOCALES, type Locale, type Translator } from '../../../i18n';
import { html, raw, type SafeHtml } from './html';
import { postForm } from './layout';

/**
 * The language select: each language named in itself (a German reader looks for "Deutsch"), with
 * its `lang` so screen readers say it right.
 */
export function languageSelect(t: Translator, selected: Locale, error?: string): SafeHtml {
  const options = LOCALES.map((locale) => html`<option value="${locale}" lang="${locale}"${locale === selected ? raw(' selected') : null}>${LOCALE_NAMES[locale]}</option>`);
  return html`<div class="field${error ? ' field-invalid' : ''}">
<label for="language">${t.t('page.language.label')}</label>
${error ? html`<p class="error" id="language-error"><span class="visually-hidden">${t.t('page.field.errorPrefix')} </span>${error}</p>` : null}
<select id="language" name="locale"${error ? raw(' aria-invalid="true" aria-describedby="language-error"') : null}>${options}</select>
</div>`;
}

/** /me's small form: the page and every later email follow the choice. */
export function languageSection(t: Translator, csrfToken: string, selected: Locale, error: string | undefined): SafeHtml {
  return html`<section class="card" id="language-section" aria-labelledby="language-title">
<h2 id="language-title">${t.t('page.language.title')}</h2>
${postForm(
  '/me/language',
  csrfToken,
  html`${languageSelect(t, selected, error)}
<button type="submit" class="button button-secondary">${t.t('page.language.save')}</button>`,
)}
</section>`;
}
