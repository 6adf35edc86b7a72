import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import type { ErrorCode } from '../../contract/envelope';
import type { AppEvent } from '../../contract/events';
import { translator, type MessageKey, type MessageValues } from '../../i18n';
import { organizerTranslator } from '../../services/organizer/settings';
import type { Deps } from '../../services/common/deps';
import { dispatch } from '../../rpc/dispatch';
import { createOrganizerSession, organizerSessionCsrf, verifyPassword } from '../../services/organizer/admin-auth';
import { checkRateLimit, hitRateLimit, type RateLimitRule } from '../../services/common/rate-limit';
import { endSession } from '../../services/portal/sessions';
import { bodyLimitExceeded, requestBodyLimit } from '../body-limit';
import { socketPeer } from '../client-address';
import { wellFormedUrl } from '../request-shape';
import { hostAllowlist, hostChecker, sameSecret, securityHeaders } from '../security';
import { adminBodyLimit, statusOf } from './limits';
import { rendererDir, rendererFile } from './static';

export interface AdminAppOptions {
  /** Printed at start-up; every API call carries it as `Authorization: Bearer <secret>`. */
  secret: string;
  /** `Host` headers accepted (loopback, plus LAN names when listening beyond loopback). */
  allowedHosts: () => ReadonlySet<string>;
  /** Asked for a Host not in allowedHosts(): the list read afresh (a network that just came up). */
  refreshHosts?: () => ReadonlySet<string>;
  /** scrypt hash of the organizer password; set only when the listener is reachable beyond loopback. */
  passwordHash: string | null;
}

const ADMIN_COOKIE = 'sk_admin';
/** Wrong organizer passwords allowed per client address. */
const ADMIN_LOGIN_LIMIT: RateLimitRule = { limit: 10, windowMs: 15 * 60_000 };

const CSP = "default-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The organizer's screens and API in headless mode: `POST /rpc/<operation>` with a JSON body →
 * the same `dispatch` the desktop app uses over IPC. Loopback only unless explicitly opened, and
 * then only with the organizer password.
 */
export function createAdminApp(deps: Deps, options: AdminAppOptions): Hono {
  const app = new Hono();
  /** A refusal in the organizer's language (codes stay English); English when the settings cannot be read. */
  const refusal = (code: ErrorCode, key: MessageKey, values?: MessageValues) => {
    let t = translator('en');
    try {
      t = organizerTranslator(deps);
    } catch {
      // The database is unreadable: the refusal still goes out, in English.
    }
    return { ok: false as const, error: { code, message: t.t(key, values) } };
  };
  const tooLarge = (c: Context) => c.json(refusal('invalid_input', 'error.http.tooLarge'), 413);
  app.use(securityHeaders({ csp: CSP }));
  app.use(requestBodyLimit({ limitFor: adminBodyLimit, tooLarge }));
  app.use(hostAllowlist(hostChecker(options.allowedHosts, options.refreshHosts)));
  app.use(wellFormedUrl((c) => c.json(refusal('invalid_input', 'error.http.badAddress'), 400)));
  app.get('/health', (c) => c.json({ status: 'ok' }));

  const bySecret = (header: string | undefined): boolean => sameSecret(header, `Bearer ${options.secret}`);
  /** The secret, or (beyond loopback) an organizer session whose CSRF token a POST must repeat. */
  const authorized = (c: Context, header: string | undefined): boolean => {
    if (bySecret(header)) return true;
    if (!options.passwordHash) return false;
    const csrf = organizerSessionCsrf(deps, getCookie(c, ADMIN_COOKIE));
    if (csrf === null) return false;
    return c.req.method === 'GET' || sameSecret(c.req.header('x-csrf-token'), csrf);
  };
  const refuse = () => refusal('unauthorized', 'error.http.unauthorized');
  app.use('/rpc/*', async (c, next) => {
    if (!authorized(c, c.req.header('authorization'))) return c.json(refuse(), 401);
    await next();
  });

  // Password sign-in, offered only when the listener is reachable beyond loopback.
  app.get('/session', (c) => c.json({ passwordLogin: options.passwordHash !== null }));
  app.post('/session', async (c) => {
    if (!options.passwordHash) return c.json(refusal('not_found', 'error.http.passwordOff'), 404);
    const body = parseJson(await c.req.text()) as { password?: unknown } | null;
    // Only wrong passwords count (the organizer signing in often is no attack), and once ten have
    // been tried the right one is refused too until the window passes. Nothing is awaited from
    // here on, so parallel guesses cannot all pass the check before one is counted.
    const limitKey = `admin-login:${socketPeer(c) ?? 'local'}`;
    const limit = checkRateLimit(deps, limitKey, ADMIN_LOGIN_LIMIT);
    if (!limit.allowed) {
      return c.json(refusal('rate_limited', 'error.http.rateLimited', { minutes: Math.ceil(limit.retryAfterMs / 60_000) }), 429);
    }
    if (typeof body?.password !== 'string' || !verifyPassword(options.passwordHash, body.password)) {
      hitRateLimit(deps, limitKey, ADMIN_LOGIN_LIMIT);
      return c.json(refusal('unauthorized', 'error.http.wrongPassword'), 401);
    }
    const session = createOrganizerSession(deps);
    setCookie(c, ADMIN_COOKIE, session.token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: new URL(c.req.url).protocol === 'https:' });
    return c.json({ ok: true, value: { csrfToken: session.csrf } });
  });

  // Sign-out: ends the session on the server (a copied cookie is of no more use) and clears it.
  app.delete('/session', (c) => {
    const token = getCookie(c, ADMIN_COOKIE);
    if (!options.passwordHash || !token) return c.json({ ok: true, value: null });
    const csrf = organizerSessionCsrf(deps, token);
    // A cross-site page cannot sign the organizer out either: the CSRF token must come along.
    if (csrf !== null && !sameSecret(c.req.header('x-csrf-token'), csrf)) return c.json(refuse(), 401);
    endSession(deps, token);
    deleteCookie(c, ADMIN_COOKIE, { path: '/' });
    return c.json({ ok: true, value: null });
  });

  // Pushed changes for open screens. EventSource cannot send headers, so the secret may come as
  // a query parameter here (loopback only, and the response never echoes it).
  app.get('/events', (c) => {
    const fromQuery = c.req.query('secret');
    if (!authorized(c, c.req.header('authorization') ?? (fromQuery === undefined ? undefined : `Bearer ${fromQuery}`))) return c.json(refuse(), 401);
    c.header('Cache-Control', 'no-store');
    return streamSSE(c, async (stream) => {
      const queue: AppEvent[] = [];
      let wake: (() => void) | null = null;
      const unsubscribe = deps.events.subscribe((event) => {
        queue.push(event);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (!stream.aborted) {
        const event = queue.shift();
        if (event) {
          await stream.writeSSE({ data: JSON.stringify(event) });
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 25_000).unref();
        });
        wake = null;
        if (queue.length === 0 && !stream.aborted) await stream.write(': keep-alive\n\n');
      }
      unsubscribe();
    });
  });
  app.post('/rpc/:operation', async (c) => {
    const type = c.req.header('content-type') ?? '';
    let payload: unknown = {};
    const text = await c.req.text();
    if (text.length > 0) {
      if (!type.startsWith('application/json')) {
        return c.json(refusal('invalid_input', 'error.http.jsonOnly'), 415);
      }
      payload = parseJson(text);
      if (payload === null) return c.json(refusal('invalid_input', 'error.http.badJson'), 400);
    }
    const result = await dispatch(deps, c.req.param('operation'), payload);
    return c.json(result, result.ok ? 200 : statusOf(result.error.code));
  });
  // The organizer's screens: the same React build as the desktop window.
  const ui = rendererDir();
  app.get('*', (c) => {
    if (!ui) return c.text('The organizer screens are not built yet: run npm run build, then start again.', 503);
    const path = new URL(c.req.url).pathname;
    const file = rendererFile(ui, path) ?? (path.startsWith('/assets/') ? null : rendererFile(ui, '/'));
    if (!file) return c.notFound();
    c.header('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-store');
    return c.body(new Uint8Array(file.body), 200, { 'Content-Type': file.type });
  });
  app.notFound((c) => c.json(refusal('not_found', 'error.http.notFound'), 404));
  app.onError((error, c) => {
    if (bodyLimitExceeded(c)) return tooLarge(c);
    deps.log.error('admin request failed', { error });
    return c.json(refusal('internal', 'error.internal'), 500);
  });
  return app;
}

/** The parsed JSON, or null when it is not JSON (or is JSON null, which no route accepts either). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
