import { formatDuration } from './format';
import { html } from './html';
import { buttonLink, errorSummary, layout, loginHref, postForm, textField } from './layout';

export interface LoginPageModel {
  csrfToken: string;
  /** Invite code the person came from (kept in a hidden field), or null. */
  exchangeCode: string | null;
  exchangeName: string | null;
  values?: { email: string };
  errors?: { email?: string };
}

export function loginPage(model: LoginPageModel): string {
  const error = model.errors?.email;
  const body = html`${model.exchangeName ? html`<p class="eyebrow">${model.exchangeName}</p>` : null}
<h1>Email me a login link</h1>
<p class="lead">Enter the email address you registered with. We’ll send you a link that opens your page — no password needed.</p>
<section class="card">
${errorSummary(error ? [{ fieldId: 'email', message: error }] : [])}
${postForm(
  '/login',
  model.csrfToken,
  html`${model.exchangeCode ? html`<input type="hidden" name="exchange" value="${model.exchangeCode}">` : null}
${textField({
  id: 'email',
  name: 'email',
  label: 'Your email',
  type: 'email',
  value: model.values?.email ?? '',
  error,
  autocomplete: 'email',
  required: true,
  maxLength: 255,
})}
<button type="submit" class="button">Send me a link</button>`,
)}
</section>`;
  return layout({ title: 'Email me a login link', exchangeName: model.exchangeName, body });
}

export interface CheckInboxModel {
  /** Which form was sent. Must depend only on that, never on whether the email is known. */
  reason: 'registered' | 'login-requested';
  /** How long the emailed link stays valid, from configuration (not from the outcome). */
  linkValidMinutes: number;
  exchangeName: string | null;
  exchangeCode: string | null;
}

export function checkInboxPage(model: CheckInboxModel): string {
  const intro =
    model.reason === 'registered'
      ? 'Thanks! We’ve sent an email to the address you entered. Open the link in it to see your page and confirm your email.'
      : 'If that address is registered, we’ve sent it an email with a link to your page.';
  const body = html`${model.exchangeName ? html`<p class="eyebrow">${model.exchangeName}</p>` : null}
<h1>Check your inbox</h1>
<p class="lead">${intro}</p>
<section class="card">
<ul class="tips">
<li>The link works once and expires after ${formatDuration(model.linkValidMinutes)}.</li>
<li>Nothing there after a few minutes? Look in your spam or junk folder.</li>
<li>Still nothing? Check the address and ask for a new link.</li>
</ul>
<p>${buttonLink(loginHref(model.exchangeCode), 'Send a new link', true)}</p>
</section>`;
  return layout({ title: 'Check your inbox', exchangeName: model.exchangeName, body });
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
export function continuePage(model: ContinuePageModel): string {
  const body = html`${model.exchangeName ? html`<p class="eyebrow">${model.exchangeName}</p>` : null}
<h1>Open your page</h1>
<section class="card">
<p>Your link is ready. Press the button to continue.</p>
${postForm(`/auth/${encodeURIComponent(model.token)}`, model.csrfToken, html`<button type="submit" class="button">Continue to my page</button>`)}
<p class="hint">Why this extra step? Some email programs open links by themselves to check them. This button makes sure it is really you who opens your page.</p>
</section>`;
  return layout({ title: 'Continue', exchangeName: model.exchangeName, body });
}

export interface LinkInvalidModel {
  reason: 'expired' | 'used' | 'unknown';
  exchangeCode: string | null;
}

const LINK_TEXT: Record<LinkInvalidModel['reason'], { title: string; text: string }> = {
  expired: { title: 'This link has expired', text: 'Login links only work for a limited time, to keep your page private.' },
  used: { title: 'This link was already used', text: 'Each login link works once, to keep your page private.' },
  unknown: { title: 'This link doesn’t work', text: 'It may be incomplete, or a newer link has replaced it.' },
};

export function linkInvalidPage(model: LinkInvalidModel): string {
  const { title, text } = LINK_TEXT[model.reason];
  const body = html`<h1>${title}</h1>
<p class="lead">${text} You can get a fresh one by email right away.</p>
<p>${buttonLink(loginHref(model.exchangeCode), 'Email me a new link')}</p>`;
  return layout({ title, body });
}
