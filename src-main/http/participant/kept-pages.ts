import type { Context } from 'hono';
import { randomToken } from '../../core/tokens';
import type { Deps } from '../../services/common/deps';
import { installationSecret } from '../../services/organizer/settings';
import { completeResponse, securityHeaderRecord } from '../security';
import { csrfFor, requestFacts } from './guard';

/** What participant pages may load and do (no scripts at all). */
export const PARTICIPANT_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

interface Kept {
  /** `db.changeCount()` before the page's data was read. */
  version: number;
  /** The page is about time too (a day count, a deadline): it is remade at this instant. */
  until: number;
  /** The page cut where the CSRF token goes, as UTF-8 bytes (see `keep`). */
  parts: Buffer[];
}

/**
 * Rendered participant pages, kept until the data under them changes: the page of one session
 * (`/me`) or one invite code. Reading and rendering cost a page far more than serving it, and the
 * same page is asked for again and again between two writes. A kept page is served only while
 * the database's change count is the one read before its data was read (so any write at all, in
 * this process, makes every kept page stale) and only until its `until` (the end of the local
 * day it counts from, a deadline, a session's next touch). The CSRF token is per browser, so pages
 * are rendered with `slot` in its place and the token goes in when served.
 *
 * A page that shows anything else that changes without a write (a relative time finer than a
 * day, a value from outside the database) must shorten `until` accordingly, or not be kept.
 */
export class KeptPages {
  /** Rendered in place of the CSRF token. Random per process: nobody can type it into a page. */
  readonly slot: string;
  readonly #pages = new Map<string, Kept>();

  constructor(
    private readonly deps: Deps,
    private readonly limit = 1000,
  ) {
    this.slot = `csrf${randomToken(deps.random, 12).replace(/[^A-Za-z0-9]/g, 'x')}`;
  }

  /** The page kept under `key`, if nothing was written since and its time has not run out. */
  get(key: string, now: number): Buffer[] | null {
    const kept = this.#pages.get(key);
    if (!kept) return null;
    if (now < kept.until && kept.version === this.deps.db.changeCount()) return kept.parts;
    this.#pages.delete(key);
    return null;
  }

  /**
   * Keeps a page rendered with `slot` for its token; returns it cut for `send`. Kept as bytes: a
   * page with one "—" or "€" is a two-byte string that every answer would otherwise measure and
   * encode again.
   */
  keep(key: string, version: number, until: number, html: string): Buffer[] {
    const parts = html.split(this.slot).map((part) => Buffer.from(part, 'utf8'));
    if (this.#pages.size >= this.limit) this.#pages.clear();
    this.#pages.set(key, { version, until, parts });
    return parts;
  }
}

/**
 * Answers with a page cut by KeptPages: this browser's CSRF token put in, every header in one
 * plain record (see completeResponse), the CSRF cookie set when the browser has none yet.
 */
export function sendKeptPage(deps: Deps, c: Context, parts: readonly Buffer[], options: { noStore: boolean }): Response {
  const facts = requestFacts(deps, c);
  const { token, cookie } = csrfFor(deps, installationSecret(deps), c, facts);
  const headers = securityHeaderRecord(PARTICIPANT_CSP, facts.https);
  headers['Content-Type'] = 'text/html; charset=UTF-8';
  if (options.noStore) headers['Cache-Control'] = 'no-store';
  if (cookie !== null) headers['Set-Cookie'] = cookie;
  const tokenBytes = Buffer.from(token, 'latin1'); // hex
  const pieces: Buffer[] = [parts[0]!];
  for (let i = 1; i < parts.length; i++) pieces.push(tokenBytes, parts[i]!);
  return completeResponse(Buffer.concat(pieces), 200, headers);
}
