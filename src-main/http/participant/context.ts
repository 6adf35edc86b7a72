import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Exchange, Participant } from '../../core/types';
import { DEFAULT_LOCALE, pickLocale, translator, type Locale, type Translator } from '../../i18n';
import type { Deps } from '../../services/common/deps';
import { hitRateLimit, type RateLimitRule } from '../../services/common/rate-limit';
import { exchangeByInviteCode } from '../../services/portal/registration';
import { resumeSession } from '../../services/portal/sessions';
import { installationSecret } from '../../services/organizer/settings';
import { rateLimitedPage, requestRefusedPage, type ExchangeView } from './views';
import { csrfOk, csrfToken, readForm, requestFacts, SESSION_COOKIE, type RequestFacts } from './guard';

/** What every participant route needs, built once per request. */
export interface Page {
  deps: Deps;
  c: Context;
  facts: RequestFacts;
  /**
   * The reader's words: the browser's language (`Accept-Language`), else the exchange's the URL
   * names, until a route knows better (a signed-in person's own); the refusal pages a form can
   * answer (403, 413, 429) use it.
   */
  t: Translator;
  csrf(): string;
  participant(): Participant | null;
  /** Parses and checks a POSTed form: 413/415/403 pages are returned as a Response. */
  form(): Promise<URLSearchParams | Response>;
  /** null when allowed, else the "try again in N minutes" page (429). */
  limit(key: string, rule: RateLimitRule): Response | null;
}

/** `exchange`: the one the URL names, when known, whose language a browser naming none of ours reads. */
export function page(deps: Deps, c: Context, exchange?: Pick<Exchange, 'locale'> | null): Page {
  const facts = requestFacts(deps, c);
  const secret = installationSecret(deps);
  const p: Page = {
    deps,
    c,
    facts,
    t: visitorTranslator(c, exchange),
    csrf: () => csrfToken(deps, secret, c, facts),
    participant: () => resumeSession(deps, getCookie(c, SESSION_COOKIE)),
    async form() {
      const read = await readForm(c);
      if (!read.ok) {
        return c.text(p.t.t(read.status === 413 ? 'page.form.tooLarge' : 'page.form.notAForm'), read.status);
      }
      if (!csrfOk(secret, c, read.form.get('_csrf') ?? undefined)) return c.html(requestRefusedPage(p.t), 403);
      return read.form;
    },
    limit(key, rule) {
      const hit = hitRateLimit(deps, key, rule);
      if (hit.allowed) return null;
      c.header('Retry-After', String(Math.ceil(hit.retryAfterMs / 1000)));
      return c.html(rateLimitedPage(p.t, { retryAfterMinutes: Math.max(1, Math.ceil(hit.retryAfterMs / 60_000)) }), 429);
    },
  };
  return p;
}

/** The browser's choice among our languages, or null when it names none of them. */
export function browserLocale(c: Context): Locale | null {
  return pickLocale(c.req.header('accept-language'));
}

/** An invite code as it may stand in a URL; null for anything else. */
export const inviteCodeOf = (raw: string | null | undefined): string | null => (raw && /^[A-Za-z0-9_-]{1,64}$/.test(raw) ? raw : null);

/**
 * The exchange a visitor's URL names (its invite page `/i/:code`, or its login form
 * `/login?exchange=…`), read before the request is routed or its form parsed, so that even a
 * refusal (403, 413, 429) speaks its language.
 */
export function exchangeInUrl(deps: Deps, c: Context): Exchange | undefined {
  const path = new URL(c.req.url).pathname;
  const code = path === '/login' ? inviteCodeOf(c.req.query('exchange')) : inviteCodeOf(/^\/i\/([^/]+)$/.exec(path)?.[1]);
  return code === null ? undefined : exchangeByInviteCode(deps, code);
}

/** Before sign-in: the browser's language, else the exchange's (when the page belongs to one). */
export function visitorTranslator(c: Context, exchange?: Pick<Exchange, 'locale'> | null): Translator {
  return translator(browserLocale(c) ?? exchange?.locale ?? DEFAULT_LOCALE);
}

/** A signed-in person's language: their own choice, else their exchange's. */
export function participantLocale(participant: Pick<Participant, 'locale'>, exchange: Pick<Exchange, 'locale'>): Locale {
  return participant.locale ?? exchange.locale;
}

/** The facts of an exchange as participant pages show them. */
export function exchangeView(e: Exchange, spotsLeft: number | null): ExchangeView {
  return {
    name: e.name,
    description: e.description,
    exchangeAt: e.exchangeAt,
    timezone: e.timezone,
    location: e.location || null,
    budget: e.budget,
    registrationDeadlineAt: e.registrationDeadlineAt,
    spotsLeft,
  };
}
