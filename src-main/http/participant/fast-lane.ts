import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCookies } from 'hono/utils/cookie';
import { pickLocale } from '../../i18n';
import type { Deps } from '../../services/common/deps';
import type { FastLane } from '../listen';
import { CSRF_COOKIE, factsOf, SESSION_COOKIE } from './guard';
import { inviteKey, type KeptPages, keptPageAnswer } from './kept-pages';

/** The participant pages kept once rendered (see KeptPages). */
export interface ParticipantKeptPages {
  /** `/me`, per session. */
  me: KeptPages;
  /** `/i/:code`, per invite code and browser language (inviteKey). */
  invite: KeptPages;
}

/** An invite path with a code of the shape we issue (base64url); anything else is the app's. */
const INVITE_PATH = /^\/i\/([A-Za-z0-9_-]{1,64})$/;

/**
 * Kept pages answered straight from node:http, before the app: building the framework's request,
 * context and middleware chain for a page that is already made cost more than the page itself
 * (issue #15, the pages goal). Only the plainest case is taken here: a GET of `/me` or `/i/<code>`
 * with no query and no body, whose Host the app serves, whose page is kept. It is answered with
 * the very headers and bytes the app's own route sends for a kept page (keptPageAnswer); every
 * other request, and any doubt, goes to the app, which refuses or renders as usual.
 */
export function keptPagesLane(deps: Deps, pages: ParticipantKeptPages, hostServed: (rawHost: string) => boolean): FastLane {
  const serve = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET') return false;
    const headers = req.headers;
    if (headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined) return false;
    const url = req.url ?? '';
    const code = url === '/me' ? null : INVITE_PATH.exec(url)?.[1];
    if (code === undefined) return false;
    // Read once, as the app reads them (hono's own parser).
    const cookies = headers.cookie === undefined ? {} : parseCookies(headers.cookie);
    const kept = code === null ? pages.me : pages.invite;
    const key = code === null ? cookies[SESSION_COOKIE] : inviteKey(pickLocale(headers['accept-language']), code);
    if (key === undefined || !hostServed(headers.host ?? '')) return false;
    const page = kept.get(key, deps.clock.now());
    if (page === null) return false;
    // Whether it came through an HTTPS tunnel; the client address (rate limits) is not needed here.
    const https = factsOf(deps, headers.host, req.socket.remoteAddress ?? null, () => null).https;
    const answer = keptPageAnswer(deps, page, { https, csrfCookie: cookies[CSRF_COOKIE] }, { noStore: kept === pages.me });
    res.writeHead(200, answer.headers);
    // The pieces go out in one write: node corks the socket until the end of this turn.
    for (let i = 0; i < answer.pieces.length - 1; i++) res.write(answer.pieces[i]);
    res.end(answer.pieces[answer.pieces.length - 1]);
    return true;
  };
  return (req, res) => {
    try {
      return serve(req, res);
    } catch {
      // Nothing was sent yet (everything above the write is reading): the app answers it, and
      // reports what failed if it fails there too.
      return false;
    }
  };
}
