import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Deps } from '../../services/deps';
import { dispatch } from '../../rpc/dispatch';
import { hostAllowlist, loopbackHosts, securityHeaders } from '../security';

export interface AdminAppOptions {
  /** Printed at start-up; every API call carries it as `Authorization: Bearer <secret>`. */
  secret: string;
  port: () => number;
}

const CSP = "default-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The organizer's API in headless mode, on loopback only: `POST /rpc/<operation>` with a JSON
 * body → the same `dispatch` the desktop app uses over IPC.
 */
export function createAdminApp(deps: Deps, options: AdminAppOptions): Hono {
  const app = new Hono();
  const expected = Buffer.from(`Bearer ${options.secret}`);
  app.use(securityHeaders({ csp: CSP }));
  app.use(hostAllowlist(() => new Set(loopbackHosts(options.port()))));
  app.get('/health', (c) => c.json({ status: 'ok' }));

  app.use('/rpc/*', async (c, next) => {
    const given = Buffer.from(c.req.header('authorization') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return c.json({ ok: false, error: { code: 'unauthorized', message: 'Missing or wrong admin secret.' } }, 401);
    }
    await next();
  });
  app.post(
    '/rpc/:operation',
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: (c) => c.json({ ok: false, error: { code: 'invalid_input', message: 'The request is larger than 1 MiB.' } }, 413),
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      let payload: unknown = {};
      const text = await c.req.text();
      if (text.length > 0) {
        if (!type.startsWith('application/json')) {
          return c.json({ ok: false, error: { code: 'invalid_input', message: 'Send the input as application/json.' } }, 415);
        }
        try {
          payload = JSON.parse(text);
        } catch {
          return c.json({ ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } }, 400);
        }
      }
      const result = await dispatch(deps, c.req.param('operation'), payload);
      return c.json(result, result.ok ? 200 : statusOf(result.error.code));
    },
  );
  app.notFound((c) => c.json({ ok: false, error: { code: 'not_found', message: 'Not found.' } }, 404));
  app.onError((error, c) => {
    deps.log.error('admin request failed', { error });
    return c.json({ ok: false, error: { code: 'internal', message: 'Something went wrong on our side.' } }, 500);
  });
  return app;
}

function statusOf(code: string): 400 | 401 | 404 | 409 | 429 | 500 | 503 {
  switch (code) {
    case 'invalid_input':
      return 400;
    case 'unauthorized':
      return 401;
    case 'not_found':
      return 404;
    case 'conflict':
    case 'invalid_state':
    case 'infeasible':
      return 409;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
    default:
      return 500;
  }
}
