import type { Context, MiddlewareHandler } from 'hono';

/**
 * A path or query that does not percent-decode to UTF-8 (`/%E0%A4%A`) is the client's mistake:
 * answer 400 here, before a route's own decoding throws and turns it into a 500 with a stack
 * trace in the log. Browsers never send such URLs; probes do.
 */
export function wellFormedUrl(bad: (c: Context) => Response): MiddlewareHandler {
  return async (c, next) => {
    const { pathname, search } = new URL(c.req.url);
    if (!decodes(pathname) || !decodes(search.replaceAll('+', ' '))) return bad(c);
    await next();
  };
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}
