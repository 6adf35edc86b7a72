import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import type { Deps } from '../../services/common/deps';
import { resourcesDir } from '../resources';
import { bodyLimitExceeded, requestBodyLimit } from '../body-limit';
import { hostAllowlist, hostChecker, securityHeaders } from '../security';
import type { FastLane } from '../listen';
import { keptPagesLane, type ParticipantKeptPages } from './fast-lane';
import { exchangeInUrl, visitorTranslator } from './context';
import { FORM_LIMIT_BYTES, requestFacts } from './guard';
import { authRoutes } from './routes-auth';
import { inviteRoutes } from './routes-invite';
import { KeptPages, PARTICIPANT_CSP } from './kept-pages';
import { meRoutes } from './routes-me';
import { betweenRoutes } from './routes-between';
import { tableRoutes } from './routes-table';
import { notFoundPage, serverErrorPage } from './views';

export interface ParticipantAppOptions {
  /** Host headers accepted (kept by the caller, see participantHostCache). */
  allowedHosts: () => ReadonlySet<string>;
  /** Asked for a Host not in allowedHosts(): the list read afresh (a network that just came up). */
  refreshHosts?: () => ReadonlySet<string>;
}

/** The participant site as a listener serves it: the app, and the lane that answers kept pages before it. */
export interface ParticipantSite {
  app: Hono;
  fastLane: FastLane;
}

/** The participant app alone, without its fast lane (for callers that run it in-process). */
export function createParticipantApp(deps: Deps, options: ParticipantAppOptions): Hono {
  return createParticipantSite(deps, options).app;
}

/** The public site: the only thing reachable from the LAN or a tunnel. The kept pages are shared by the app's routes and the lane. */
export function createParticipantSite(deps: Deps, options: ParticipantAppOptions): ParticipantSite {
  const kept: ParticipantKeptPages = { me: new KeptPages(deps), invite: new KeptPages(deps) };
  const css = readFileSync(join(resourcesDir(), 'participant.css'), 'utf8');
  const app = new Hono();
  const tooLarge = (c: Context) => c.text(visitorTranslator(c, exchangeInUrl(deps, c)).t('page.form.tooLarge'), 413);
  app.use(securityHeaders({ csp: PARTICIPANT_CSP, isHttps: (c) => requestFacts(deps, c).https }));
  // Every route, not only the forms: only POSTs carry a body here, and never one larger than a form.
  app.use(requestBodyLimit({ limitFor: (c) => (c.req.method === 'POST' ? FORM_LIMIT_BYTES : 0), tooLarge }));
  app.get('/health', (c) => c.json({ status: 'ok' }));
  const hostServed = hostChecker(options.allowedHosts, options.refreshHosts);
  app.use(hostAllowlist(hostServed));
  app.get('/assets/participant.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/', (c) => c.redirect('/login', 303));
  inviteRoutes(app, deps, kept.invite);
  authRoutes(app, deps);
  meRoutes(app, deps, kept.me);
  betweenRoutes(app, deps);
  tableRoutes(app, deps);
  app.notFound((c) => c.html(notFoundPage(visitorTranslator(c)), 404));
  app.onError((error, c) => {
    if (bodyLimitExceeded(c)) return tooLarge(c);
    deps.log.error('participant request failed', { path: new URL(c.req.url).pathname.replace(/\/auth\/[^/]+/, '/auth/…'), error });
    return c.html(serverErrorPage(visitorTranslator(c)), 500);
  });
  return { app, fastLane: keptPagesLane(deps, kept, hostServed) };
}
