import type { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { normaliseEmail } from '../../core/email';
import { exchangeByInviteCode } from '../../services/portal/registration';
import type { Deps } from '../../services/common/deps';
import { afterResponse } from '../../services/portal/after-response';
import { peekToken, redeemToken, sendLoginLinks, tokenLocale } from '../../services/portal/magic-links';
import { translator } from '../../i18n';
import { RATE_LIMITS } from '../../services/common/rate-limit';
import { endSession } from '../../services/portal/sessions';
import { TOKEN_TTL_MS } from '../../services/common/tokens';
import { browserLocale, exchangeInUrl, inviteCodeOf, page, visitorTranslator } from './context';
import { emailError } from './views/field-errors';
import { noStore, SESSION_COOKIE, setSessionCookie } from './guard';
import { checkInboxPage, continuePage, linkInvalidPage, loginPage } from './views';

/** Login links, the magic-link landing (GET shows Continue, POST spends the token), log out. */
export function authRoutes(app: Hono, deps: Deps): void {
  app.get('/login', (c) => {
    const p = page(deps, c);
    const code = inviteCodeOf(c.req.query('exchange'));
    const exchange = code ? exchangeByInviteCode(deps, code) : undefined;
    return c.html(loginPage(visitorTranslator(c, exchange), { csrfToken: p.csrf(), exchangeCode: exchange ? code : null, exchangeName: exchange?.name ?? null }));
  });

  app.post('/login', async (c) => {
    // The form posts to /login?exchange=…, so even a refused form (stale, too many) speaks the
    // exchange's language. The hidden field serves forms from before it did.
    const p = page(deps, c, exchangeInUrl(deps, c));
    const form = await p.form();
    if (form instanceof Response) return form;
    const code = inviteCodeOf(c.req.query('exchange')) ?? inviteCodeOf(form.get('exchange'));
    const t = visitorTranslator(c, code ? exchangeByInviteCode(deps, code) : undefined);
    const typed = (form.get('email') ?? '').slice(0, 500);
    const email = normaliseEmail(typed);
    if (!email.ok) {
      return c.html(
        loginPage(t, { csrfToken: p.csrf(), exchangeCode: code, exchangeName: null, values: { email: form.get('email') ?? '' }, errors: { email: emailError(t, typed) } }),
        400,
      );
    }
    // Only the client is limited here: a limit per address would let anyone lock its owner out.
    // Mail per address is capped quietly inside sendLoginLinks instead.
    const limited = p.limit(`login-client:${p.facts.client}`, RATE_LIMITS.loginPerClient);
    if (limited) return limited;
    // Looked up and queued after answering: the answer and its timing are the same for every address.
    afterResponse(deps, 'login-links', () => sendLoginLinks(deps, email.email, code));
    return c.html(checkInboxPage(t, { reason: 'login-requested', linkValidMinutes: TOKEN_TTL_MS.login / 60_000, exchangeName: null, exchangeCode: code }));
  });

  // Link scanners open links before people do: a GET (or HEAD) never spends the token.
  app.get('/auth/:token', (c) => {
    const p = page(deps, c);
    noStore(c);
    // The browser's language, else that of the person the link was mailed to.
    if (browserLocale(c) === null) p.t = translator(tokenLocale(deps, c.req.param('token')) ?? p.t.locale);
    const state = peekToken(deps, c.req.param('token'));
    if (state !== 'valid') return c.html(linkInvalidPage(p.t, { reason: state, exchangeCode: null }), state === 'unknown' ? 404 : 410);
    return c.html(continuePage(p.t, { token: c.req.param('token'), csrfToken: p.csrf(), exchangeName: null }));
  });

  app.post('/auth/:token', async (c) => {
    const p = page(deps, c);
    noStore(c);
    if (browserLocale(c) === null) p.t = translator(tokenLocale(deps, c.req.param('token')) ?? p.t.locale);
    const form = await p.form();
    if (form instanceof Response) return form;
    const limited = p.limit(`continue:${p.facts.client}`, RATE_LIMITS.continuePerClient);
    if (limited) return limited;
    const result = redeemToken(deps, c.req.param('token'));
    if (result.kind !== 'ok') return c.html(linkInvalidPage(p.t, { reason: result.kind, exchangeCode: null }), result.kind === 'unknown' ? 404 : 410);
    endSession(deps, getCookie(c, SESSION_COOKIE));
    setSessionCookie(c, result.sessionToken, p.facts);
    return c.redirect('/me', 303);
  });

  app.post('/logout', async (c) => {
    const p = page(deps, c);
    const form = await p.form();
    if (form instanceof Response) return form;
    endSession(deps, getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });
}
