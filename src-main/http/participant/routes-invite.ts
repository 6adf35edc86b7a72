import type { Hono } from 'hono';
import type { Deps } from '../../services/common/deps';
import { RATE_LIMITS } from '../../services/common/rate-limit';
import { inviteState, register, validateRegistration } from '../../services/portal/registration';
import { TOKEN_TTL_MS } from '../../services/common/tokens';
import { exchangeView, page } from './context';
import { KeptPages, sendKeptPage } from './kept-pages';
import { checkInboxPage, invitePage, inviteStatusPage, localDayEnd } from './views';

/** `/i/:code`: the invite page and registration. */
export function inviteRoutes(app: Hono, deps: Deps): void {
  const kept = new KeptPages(deps);
  app.get('/i/:code', (c) => {
    const code = c.req.param('code');
    const now = deps.clock.now();
    const known = kept.get(code, now);
    if (known) return sendKeptPage(deps, c, known, { noStore: false });
    const version = deps.db.changeCount();
    const state = inviteState(deps, code);
    if (state.kind === 'open') {
      const ex = state.exchange;
      // "Registration closes in N days" counts local days, and at the deadline the page closes.
      const until = Math.min(localDayEnd(now, ex.timezone), ex.registrationDeadlineAt ?? Infinity);
      const html = invitePage({ code, exchange: exchangeView(ex, null), csrfToken: kept.slot, now });
      return sendKeptPage(deps, c, kept.keep(code, version, until, html), { noStore: false });
    }
    const name = state.kind === 'unknown' ? null : state.exchange.name;
    return c.html(inviteStatusPage({ reason: state.kind, exchangeName: name, code }), state.kind === 'unknown' ? 404 : 200);
  });

  app.post('/i/:code', async (c) => {
    const p = page(deps, c);
    const form = await p.form();
    if (form instanceof Response) return form;
    const limited = p.limit(`register:${p.facts.client}`, RATE_LIMITS.registerPerClient);
    if (limited) return limited;
    const code = c.req.param('code');
    const state = inviteState(deps, code);
    if (state.kind !== 'open') {
      const name = state.kind === 'unknown' ? null : state.exchange.name;
      return c.html(inviteStatusPage({ reason: state.kind, exchangeName: name, code }), state.kind === 'unknown' ? 404 : 409);
    }
    const values = {
      name: (form.get('name') ?? '').slice(0, 500),
      email: (form.get('email') ?? '').slice(0, 500),
      giftIdeas: (form.get('giftIdeas') ?? '').slice(0, 5000),
      reminders: form.get('reminders') === 'yes',
    };
    const { errors, email, name } = validateRegistration(values);
    if (Object.keys(errors).length > 0) {
      return c.html(invitePage({ code, exchange: exchangeView(state.exchange, null), csrfToken: p.csrf(), now: deps.clock.now(), values, errors }), 400);
    }
    register(deps, state.exchange, { ...values, name, email });
    // Same page for new and known addresses: nobody learns who is registered.
    return c.html(checkInboxPage({ reason: 'registered', linkValidMinutes: TOKEN_TTL_MS.welcome / 60_000, exchangeName: state.exchange.name, exchangeCode: code }));
  });
}
