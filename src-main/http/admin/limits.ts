import type { Context } from 'hono';
import { ImportInput } from '../../contract/tools';

/** Every organizer operation but the CSV import takes small JSON. */
export const RPC_BODY_LIMIT = 1024 * 1024;

/**
 * The import's own maximum is counted in characters; JSON may spell one character as up to six
 * bytes (`\u0001`), and the envelope needs a little room. Derived from the schema so the two
 * limits cannot drift apart again (a 1.25 MiB file used to be refused here at 1 MiB).
 */
export const IMPORT_BODY_LIMIT = (ImportInput.shape.csv.maxLength ?? 0) * 6 + 64 * 1024;

/** `{"password": "…"}`: passwords are short. */
export const SESSION_BODY_LIMIT = 4 * 1024;

/** The byte limit of a request to the admin listener; routes that take no body get none. */
export function adminBodyLimit(c: Context): number {
  const path = c.req.path;
  if (c.req.method !== 'POST') return 0;
  if (path === '/rpc/participants.import') return IMPORT_BODY_LIMIT;
  if (path.startsWith('/rpc/')) return RPC_BODY_LIMIT;
  if (path === '/session') return SESSION_BODY_LIMIT;
  return 0;
}

/** The HTTP status for an error code of the operation envelope. */
export function statusOf(code: string): 400 | 401 | 404 | 409 | 429 | 500 | 503 {
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
