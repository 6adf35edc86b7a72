import type { Translator } from '../../../i18n';
import { html } from './html';
import { buttonLink, errorSummary, layout, loginHref, postForm, textField } from './layout';

export interface LoginPageModel {
  csrfToken: string;
  /** Invite code the person came from (in the form's URL, and a hidden field), or null. */
  exchangeCode: string | null;
  exchangeName: string | null;
  values?: { email: string };
  errors?: { email?: string };
}

export function loginPage(t: Translator, model: LoginPageModel): string {
  const error = model.errors?.email;
  const body = html`${model.exchangeName ? html`<p class="eyebrow">${model.exchangeName}</p>` : null}
<h1>${t.t('page.login.title')}</h1>
<p class="lead">${t.t('page.login.lead')}</p>
<section class="card">
${errorSummary(t, error ? [{ fieldId: 'email', message: error }] : [])}
${postForm(
  loginHref(model.exchangeCode),
  model.csrfToken,
  html`${model.exchangeCode ? html`<input type="hidden" name="exchange" value="${model.exchangeCode}">` : null}
${textField(t, {
  id: 'email',
  name: 'email',
  label: t.t('page.field.email.label'),
  type: 'email',
  value: model.values?.email ?? '',
  error,
  autocomplete: 'email',
  required: true,
  maxLength: 255,
})}
<button type="submit" class="button">${t.t('page.login.send')}</button>`,
)}
</section>`;
  return layout(t, { title: t.t('page.login.title'), exchangeName: model.exchangeName, body });
}

export interface CheckInboxModel {
  /** Which form was sent. Must depend only on that, never on whether the email is known. */
  reason: 'registered' | 'login-requested';
  /** How long the emailed link stays valid, from configuration (not from the outcome). */
  linkValidMinutes: number;
  exchangeName: string | null;
  exchangeCode: string | null;
}

/** "15 minutes", "24 hours", "2 days": the largest whole unit (a day only past one). */
function duration(minutes: number): { unit: 'day' | 'hour' | 'minute'; count: number } {
  const m = Math.max(1, Math.round(minutes));
  if (m % 1440 === 0 && m > 1440) return { unit: 'day', count: m / 1440 };
  if (m % 60 === 0) return { unit: 'hour', count: m / 60 };
  return { unit: 'minute', count: m };
}

export function checkInboxPage(t: Translator, model: CheckInboxModel): string {
  const intro = t.t(model.reason === 'registered' ? 'page.checkInbox.registered' : 'page.checkInbox.requested');
  const body = html`${model.exchangeName ? html`<p class="eyebrow">${model.exchangeName}</p>` : null}
<h1>${t.t('page.checkInbox.title')}</h1>
<p class="lead">${intro}</p>
<section class="card">
<ul class="tips">
<li>${t.t('page.checkInbox.expires', duration(model.linkValidMinutes))}</li>
<li>${t.t('page.checkInbox.spam')}</li>
<li>${t.t('page.checkInbox.still')}</li>
</ul>
<p>${buttonLink(loginHref(model.exchangeCode), t.t('page.checkInbox.again'), true)}</p>
</section>`;
  return layout(t, { title: t.t('page.checkInbox.title'), exchangeName: model.exchangeName, body });
}

export interface ContinuePageModel {
  /** The token from the URL; the form posts back to /auth/:token. */
  token: string;
  csrfToken: string;
  exchangeName: string | null;
}

/**
 * The magic-link landing page. Opening the link only shows this page; the POST spends the token,
 * so mail scanners that open links before the person does cannot use it up.
 */
export function continuePage(t: Translator, model: ContinuePageModel): string {
  const body = html`${model.exchangeName ? html`<p class="eyebrow">${model.exchangeName}</p>` : null}
<h1>${t.t('page.continue.heading')}</h1>
<section class="card">
<p>${t.t('page.continue.ready')}</p>
${postForm(`/auth/${encodeURIComponent(model.token)}`, model.csrfToken, html`<button type="submit" class="button">${t.t('page.continue.button')}</button>`)}
<p class="hint">${t.t('page.continue.why')}</p>
</section>`;
  return layout(t, { title: t.t('page.continue.title'), exchangeName: model.exchangeName, body });
}

export interface LinkInvalidModel {
  reason: 'expired' | 'used' | 'unknown';
  exchangeCode: string | null;
}

const LINK_TEXT = {
  expired: { title: 'page.link.expired.title', text: 'page.link.expired.text' },
  used: { title: 'page.link.used.title', text: 'page.link.used.text' },
  unknown: { title: 'page.link.unknown.title', text: 'page.link.unknown.text' },
} as const;

export function linkInvalidPage(t: Translator, model: LinkInvalidModel): string {
  const title = t.t(LINK_TEXT[model.reason].title);
  const body = html`<h1>${title}</h1>
<p class="lead">${t.t(LINK_TEXT[model.reason].text)}</p>
<p>${buttonLink(loginHref(model.exchangeCode), t.t('page.link.newLink'))}</p>`;
  return layout(t, { title, body });
}
