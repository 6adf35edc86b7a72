import { Hono } from 'hono';
import { hostAllowlist, securityHeaders } from '../security';
import { simplePage } from './simple-page';

export interface ParticipantAppOptions {
  /** Host headers accepted; recomputed when the public address changes. */
  allowedHosts: () => ReadonlySet<string>;
}

const CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The public app: the only thing reachable from the LAN or a tunnel. */
export function createParticipantApp(options: ParticipantAppOptions): Hono {
  const app = new Hono();
  app.use(securityHeaders({ csp: CSP }));
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.use(hostAllowlist(options.allowedHosts));
  app.notFound((c) =>
    c.html(
      simplePage('Page not found', 'This page does not exist. Check the link in your email, or ask the organizer for a new one.'),
      404,
    ),
  );
  app.onError((_error, c) => c.html(simplePage('Something went wrong', 'Please try again in a moment.'), 500));
  return app;
}
