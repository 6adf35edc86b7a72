import type { Hono } from 'hono';
import type { Deps } from '../../services/common/deps';
import { RATE_LIMITS } from '../../services/common/rate-limit';
import { inviteState, register, validateRegistration } from '../../services/portal/registration';
import { TOKEN_TTL_MS } from '../../services/common/tokens';
import { exchangeView, page } from './context';
import { checkInboxPage, invitePage, inviteStatusPage } from './views';

/** `/i/:code`: the invite page and registration. */
export function inviteRoutes(app: Hono, deps: Deps): void {
  app.get('/i/:code', (c) => {
    const p = page(deps, c);
    const code = c.req.param('code');
    const state = inviteState(deps, code);
    if (state.kind === 'open') {
      return c.html(invitePage({ code, exchange: exchangeView(state.exchange, null), csrfToken: p.csrf(), now: deps.clock.now() }));
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
