import type { Hono } from 'hono';
import { isLocale, translator, type Locale } from '../../i18n';
import type { Deps } from '../../services/common/deps';
import { RATE_LIMITS } from '../../services/common/rate-limit';
import { inviteState, register, validateRegistration, type RegistrationErrors } from '../../services/portal/registration';
import { TOKEN_TTL_MS } from '../../services/common/tokens';
import { browserLocale, exchangeInUrl, exchangeView, page, visitorTranslator } from './context';
import { inviteKey, type KeptPages, sendKeptPage } from './kept-pages';
import { checkInboxPage, invitePage, inviteStatusPage, localDayEnd, type RegistrationValues } from './views';
import { emailError, giftIdeasTooLong, nameError } from './views/field-errors';
import type { Translator } from '../../i18n';

/** `/i/:code`: the invite page and registration, in the browser's language, else the exchange's. */
export function inviteRoutes(app: Hono, deps: Deps, kept: KeptPages): void {
  app.get('/i/:code', (c) => {
    const code = c.req.param('code');
    const now = deps.clock.now();
    const browser = browserLocale(c);
    const key = inviteKey(browser, code);
    const known = kept.get(key, now);
    if (known) return sendKeptPage(deps, c, known, { noStore: false });
    const version = deps.db.changeCount();
    const state = inviteState(deps, code);
    if (state.kind === 'open') {
      const ex = state.exchange;
      // "Registration closes in N days" counts local days, and at the deadline the page closes.
      const until = Math.min(localDayEnd(now, ex.timezone), ex.registrationDeadlineAt ?? Infinity);
      const html = invitePage(translator(browser ?? ex.locale), { code, exchange: exchangeView(ex, null), csrfToken: kept.slot, now });
      return sendKeptPage(deps, c, kept.keep(key, version, until, html), { noStore: false });
    }
    const exchange = state.kind === 'unknown' ? null : state.exchange;
    return c.html(inviteStatusPage(visitorTranslator(c, exchange), { reason: state.kind, exchangeName: exchange?.name ?? null, code }), state.kind === 'unknown' ? 404 : 200);
  });

  app.post('/i/:code', async (c) => {
    // A refused form (stale, too many) speaks the invite page's language.
    const p = page(deps, c, exchangeInUrl(deps, c));
    const form = await p.form();
    if (form instanceof Response) return form;
    const limited = p.limit(`register:${p.facts.client}`, RATE_LIMITS.registerPerClient);
    if (limited) return limited;
    const code = c.req.param('code');
    const state = inviteState(deps, code);
    if (state.kind !== 'open') {
      const exchange = state.kind === 'unknown' ? null : state.exchange;
      return c.html(inviteStatusPage(visitorTranslator(c, exchange), { reason: state.kind, exchangeName: exchange?.name ?? null, code }), state.kind === 'unknown' ? 404 : 409);
    }
    const ex = state.exchange;
    const browser = browserLocale(c);
    const picked = form.get('locale');
    const chosen: Locale | null = isLocale(picked) ? picked : null;
    const t = translator(chosen ?? browser ?? ex.locale);
    const values: RegistrationValues = {
      name: (form.get('name') ?? '').slice(0, 500),
      email: (form.get('email') ?? '').slice(0, 500),
      giftIdeas: (form.get('giftIdeas') ?? '').slice(0, 5000),
      reminders: form.get('reminders') === 'yes',
      ...(chosen && { locale: chosen }),
    };
    const { errors, email, name } = validateRegistration(values);
    // No choice (or an empty one) leaves the page's language; anything else must be one of ours.
    const unknownLocale = picked !== null && picked !== '' && chosen === null;
    if (Object.keys(errors).length > 0 || unknownLocale) {
      const refused = { ...worded(t, errors, values), ...(unknownLocale && { locale: t.t('page.language.invalid') }) };
      return c.html(invitePage(t, { code, exchange: exchangeView(ex, null), csrfToken: p.csrf(), now: deps.clock.now(), values, errors: refused }), 400);
    }
    // The select comes pre-filled with the page's language: left as the exchange's own for a browser
    // that names none of ours, the person keeps following the exchange's language (null).
    const locale = chosen !== null && (browser !== null || chosen !== ex.locale) ? chosen : browser;
    register(deps, ex, { name, email, giftIdeas: values.giftIdeas, reminders: values.reminders, locale });
    // Same page for new and known addresses: nobody learns who is registered.
    return c.html(checkInboxPage(t, { reason: 'registered', linkValidMinutes: TOKEN_TTL_MS.welcome / 60_000, exchangeName: ex.name, exchangeCode: code }));
  });
}

/** The refused fields, in the page's language. */
function worded(t: Translator, errors: RegistrationErrors, values: RegistrationValues): RegistrationErrors {
  return {
    ...(errors.name !== undefined && { name: nameError(t, values.name) }),
    ...(errors.email !== undefined && { email: emailError(t, values.email) }),
    ...(errors.giftIdeas !== undefined && { giftIdeas: giftIdeasTooLong(t) }),
  };
}
