import type { Translator } from '../../../i18n';
import { html } from './html';
import { buttonLink, layout } from './layout';

export interface RateLimitedModel {
  /** Whole minutes until another attempt is allowed (rounded up by the caller; at least 1). */
  retryAfterMinutes: number;
}

export function rateLimitedPage(t: Translator, model: RateLimitedModel): string {
  const minutes = Math.max(1, Math.ceil(model.retryAfterMinutes));
  const body = html`<h1>${t.t('page.rateLimited.heading')}</h1>
<p class="lead">${t.t('page.rateLimited.lead', { minutes })}</p>
<p>${t.t('page.rateLimited.why')}</p>`;
  return layout(t, { title: t.t('page.rateLimited.title'), body });
}

export function notFoundPage(t: Translator): string {
  const body = html`<h1>${t.t('page.notFound.title')}</h1>
<p class="lead">${t.t('page.notFound.lead')}</p>
<p>${buttonLink('/login', t.t('page.login.title'), true)}</p>`;
  return layout(t, { title: t.t('page.notFound.title'), body });
}

/** Deliberately without details: those go to the organizer's log, never to the page. */
export function serverErrorPage(t: Translator): string {
  const body = html`<h1>${t.t('page.serverError.title')}</h1>
<p class="lead">${t.t('page.serverError.lead')}</p>
<p>${t.t('page.serverError.tell')}</p>`;
  return layout(t, { title: t.t('page.serverError.title'), body });
}

/** For refused requests (403), typically an expired or missing CSRF token. */
export function requestRefusedPage(t: Translator): string {
  const body = html`<h1>${t.t('page.refused.title')}</h1>
<p class="lead">${t.t('page.refused.lead')}</p>
<p>${t.t('page.refused.why')}</p>`;
  return layout(t, { title: t.t('page.refused.title'), body });
}
