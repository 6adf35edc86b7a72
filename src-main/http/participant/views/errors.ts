import { plural } from './format';
import { html } from './html';
import { buttonLink, layout } from './layout';

export interface RateLimitedModel {
  /** Whole minutes until another attempt is allowed (rounded up by the caller; at least 1). */
  retryAfterMinutes: number;
}

export function rateLimitedPage(model: RateLimitedModel): string {
  const minutes = plural(Math.max(1, Math.ceil(model.retryAfterMinutes)), 'minute');
  const body = html`<h1>Please try again later</h1>
<p class="lead">Too many attempts — try again in ${minutes}.</p>
<p>This limit protects everyone’s email addresses from being guessed. If you already asked for a link, it may be waiting in your inbox or spam folder.</p>`;
  return layout({ title: 'Too many attempts', body });
}

export function notFoundPage(): string {
  const body = html`<h1>Page not found</h1>
<p class="lead">There is nothing at this address. If you followed a link from an email, check that you opened all of it.</p>
<p>${buttonLink('/login', 'Email me a login link', true)}</p>`;
  return layout({ title: 'Page not found', body });
}

/** Deliberately without details: those go to the organizer's log, never to the page. */
export function serverErrorPage(): string {
  const body = html`<h1>Something went wrong</h1>
<p class="lead">Sorry, the page couldn’t be shown. Please try again in a moment.</p>
<p>If it keeps happening, let the organizer know.</p>`;
  return layout({ title: 'Something went wrong', body });
}

/** For refused requests (403), typically an expired or missing CSRF token. */
export function requestRefusedPage(): string {
  const body = html`<h1>Request refused</h1>
<p class="lead">This form expired — go back, reload the page and try again.</p>
<p>This can happen when a page was left open for a long time or opened from another site.</p>`;
  return layout({ title: 'Request refused', body });
}
