import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import type { AppEvent } from '../../contract/events';
import type { Deps } from '../../services/deps';
import { dispatch } from '../../rpc/dispatch';
import { hostAllowlist, loopbackHosts, securityHeaders } from '../security';
import { rendererDir, rendererFile } from './static';

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

  const authorized = (header: string | undefined): boolean => {
    const given = Buffer.from(header ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const refuse = { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong admin secret.' } } as const;
  app.use('/rpc/*', async (c, next) => {
    if (!authorized(c.req.header('authorization'))) return c.json(refuse, 401);
    await next();
  });

  // Pushed changes for open screens. EventSource cannot send headers, so the secret may come as
  // a query parameter here (loopback only, and the response never echoes it).
  app.get('/events', (c) => {
    const fromQuery = c.req.query('secret');
    if (!authorized(c.req.header('authorization') ?? (fromQuery === undefined ? undefined : `Bearer ${fromQuery}`))) return c.json(refuse, 401);
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
