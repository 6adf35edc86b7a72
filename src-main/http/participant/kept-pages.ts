import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { randomToken } from '../../core/tokens';
import type { Deps } from '../../services/common/deps';
import { installationSecret } from '../../services/organizer/settings';
import { completeResponse, securityHeaderRecord } from '../security';
import { CSRF_COOKIE, csrfForCookie, requestFacts } from './guard';

/** What participant pages may load and do (no scripts at all). */
export const PARTICIPANT_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** A kept page (see KeptPages). */
export interface KeptPage {
  /** `db.changeCount()` before the page's data was read. */
  readonly version: number;
  /** The page is about time too (a day count, a deadline): it is remade at this instant. */
  readonly until: number;
  /** The page cut where the CSRF token goes, as UTF-8 bytes (see `keep`). */
  readonly parts: readonly Buffer<ArrayBuffer>[];
  /** The page last made whole, for the token it carries: the same browser reloading gets these bytes again. */
  made: { token: string; body: Buffer<ArrayBuffer> } | null;
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
  readonly #pages = new Map<string, KeptPage>();

  constructor(
    private readonly deps: Deps,
    private readonly limit = 1000,
  ) {
    this.slot = `csrf${randomToken(deps.random, 12).replace(/[^A-Za-z0-9]/g, 'x')}`;
  }

  /** The page kept under `key`, if nothing was written since and its time has not run out. */
  get(key: string, now: number): KeptPage | null {
    const kept = this.#pages.get(key);
    if (!kept) return null;
    if (now < kept.until && kept.version === this.deps.db.changeCount()) return kept;
    this.#pages.delete(key);
    return null;
  }

  /**
   * Keeps a page rendered with `slot` for its token, and returns it. Kept as bytes: a page with
   * one "—" or "€" is a two-byte string that every answer would otherwise measure and encode again.
   */
  keep(key: string, version: number, until: number, html: string): KeptPage {
    const page: KeptPage = { version, until, parts: html.split(this.slot).map((part) => Buffer.from(part, 'utf8')), made: null };
    if (this.#pages.size >= this.limit) this.#pages.clear();
    this.#pages.set(key, page);
    return page;
  }
}

/**
 * The key of a kept invite page: one per invite and language choice ('-': the browser names none
 * of ours, so the exchange's own language), so a German browser never gets an English page or
 * the reverse.
 */
export function inviteKey(browserLocale: string | null, code: string): string {
  return `${browserLocale ?? '-'}|${code}`;
}

/** What the browser asking for a kept page brings that changes the answer. */
export interface KeptPageVisitor {
  /** Whether it came through an HTTPS tunnel (HSTS, a Secure cookie). */
  https: boolean;
  /** The value of its CSRF cookie, if it sent one. */
  csrfCookie: string | undefined;
}

/** A kept page made for one browser: its headers, Content-Length included, and its bytes in pieces. */
export interface KeptPageAnswer {
  headers: Record<string, string>;
  /** The body, in order: one piece for a browser that has been here before, the page's parts around the token for a first visit. */
  pieces: readonly Buffer<ArrayBuffer>[];
}

/**
 * A kept page made whole for one browser: its CSRF token put in, every header (Content-Length too)
 * in one plain record, the CSRF cookie set when the browser has none yet. The page last made is
 * kept with it, so a browser reloading gets the same bytes without them being assembled again.
 * A first visit's token is new every time, so its page is handed over as the kept parts with the
 * token between them: written as they are, no page-sized buffer is made and dropped per visit.
 */
export function keptPageAnswer(deps: Deps, page: KeptPage, visitor: KeptPageVisitor, options: { noStore: boolean }): KeptPageAnswer {
  const { token, cookie } = csrfForCookie(deps, installationSecret(deps), visitor.csrfCookie, visitor.https);
  const headers = securityHeaderRecord(PARTICIPANT_CSP, visitor.https);
  headers['Content-Type'] = 'text/html; charset=UTF-8';
  if (options.noStore) headers['Cache-Control'] = 'no-store';
  if (cookie !== null) headers['Set-Cookie'] = cookie;
  let pieces: readonly Buffer<ArrayBuffer>[];
  if (page.made?.token === token) pieces = [page.made.body];
  else {
    const tokenBytes = Buffer.from(token, 'latin1'); // hex
    const parts: Buffer<ArrayBuffer>[] = [page.parts[0]!];
    for (let i = 1; i < page.parts.length; i++) parts.push(tokenBytes, page.parts[i]!);
    pieces = parts;
    // Only a returning browser's page is worth keeping whole: it will ask again with this token.
    if (cookie === null) {
      const body = Buffer.concat(parts);
      page.made = { token, body };
      pieces = [body];
    }
  }
  let length = 0;
  for (const piece of pieces) length += piece.byteLength;
  headers['Content-Length'] = String(length);
  return { headers, pieces };
}

/** Answers with a kept page through the app (see keptPageAnswer and completeResponse). */
export function sendKeptPage(deps: Deps, c: Context, page: KeptPage, options: { noStore: boolean }): Response {
  const visitor = { https: requestFacts(deps, c).https, csrfCookie: getCookie(c, CSRF_COOKIE) };
  const { headers, pieces } = keptPageAnswer(deps, page, visitor, options);
  return completeResponse(pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces), 200, headers);
}
