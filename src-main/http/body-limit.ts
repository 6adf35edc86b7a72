import type { Context, MiddlewareHandler } from 'hono';

/** Requests whose body went past their limit while a route was reading it. */
const exceeded = new WeakSet<Context>();

/** Whether this request's body was cut off at its limit (the app's error handler answers 413). */
export function bodyLimitExceeded(c: Context): boolean {
  return exceeded.has(c);
}

/**
 * A byte limit on every request body, in front of every route, before anything is parsed: a
 * declared Content-Length beyond the limit is refused at once, unread; a streamed body is counted
 * as a route reads it, and the read fails at the limit (nothing is buffered here). Whatever the
 * route then did, the answer is the 413, and it closes the connection so the rest of an oversized
 * upload is never read.
 */
export function requestBodyLimit(options: { limitFor: (c: Context) => number; tooLarge: (c: Context) => Response }): MiddlewareHandler {
  const refuse = (c: Context): Response => {
    const response = options.tooLarge(c);
    response.headers.set('Connection', 'close');
    return response;
  };
  return async (c, next) => {
    // A GET or HEAD request never has a body here (the Request is built without one), and asking
    // for it would build the full Request object the node adapter otherwise never needs.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const body = c.req.raw.body;
    if (!body) return next();
    const max = options.limitFor(c);
    const declared = c.req.header('content-length');
    // Node's parser refuses a request with both headers; a declared length is then exact.
    const exact = declared !== undefined && !c.req.raw.headers.has('transfer-encoding');
    if (exact ? Number(declared) > max : max === 0) return refuse(c);
    let seen = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > max) {
            exceeded.add(c);
            controller.error(new RangeError(`request body over ${max} bytes`));
          } else controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
    await next();
    if (!exceeded.has(c)) return;
    // A route that swallowed the failed read answered something else: replace it whole (setting
    // c.res over a response would carry that response's headers, cookies included, across).
    c.res = undefined;
    c.res = refuse(c);
  };
}
