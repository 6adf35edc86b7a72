import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Exchange, Participant } from '../../core/types';
import type { Deps } from '../../services/common/deps';
import { hitRateLimit, type RateLimitRule } from '../../services/common/rate-limit';
import { resumeSession } from '../../services/portal/sessions';
import { installationSecret } from '../../services/organizer/settings';
import { rateLimitedPage, requestRefusedPage, type ExchangeView } from './views';
import { csrfOk, csrfToken, readForm, requestFacts, SESSION_COOKIE, type RequestFacts } from './guard';

/** What every participant route needs, built once per request. */
export interface Page {
  deps: Deps;
  c: Context;
  facts: RequestFacts;
  csrf(): string;
  participant(): Participant | null;
  /** Parses and checks a POSTed form: 413/415/403 pages are returned as a Response. */
  form(): Promise<URLSearchParams | Response>;
  /** null when allowed, else the "try again in N minutes" page (429). */
  limit(key: string, rule: RateLimitRule): Response | null;
}

export function page(deps: Deps, c: Context): Page {
  const facts = requestFacts(deps, c);
  const secret = installationSecret(deps);
  return {
    deps,
    c,
    facts,
    csrf: () => csrfToken(deps, secret, c, facts),
    participant: () => resumeSession(deps, getCookie(c, SESSION_COOKIE)),
    async form() {
      const read = await readForm(c);
      if (!read.ok) {
        const message = read.status === 413 ? 'That form is too large.' : 'Send the form as a normal web form.';
        return c.text(message, read.status);
      }
      if (!csrfOk(secret, c, read.form.get('_csrf') ?? undefined)) return c.html(requestRefusedPage(), 403);
      return read.form;
    },
    limit(key, rule) {
      const hit = hitRateLimit(deps, key, rule);
      if (hit.allowed) return null;
      c.header('Retry-After', String(Math.ceil(hit.retryAfterMs / 1000)));
      return c.html(rateLimitedPage({ retryAfterMinutes: Math.max(1, Math.ceil(hit.retryAfterMs / 60_000)) }), 429);
    },
  };
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
