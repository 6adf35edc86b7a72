import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findParticipant } from '../../../src-main/db/repos/participants';
import type { Logger } from '../../../src-main/log';
import { createSession } from '../../../src-main/services/portal/sessions';
import { issueToken } from '../../../src-main/services/common/tokens';
import { participantWorld, type World } from '../../support/participant-world';

/**
 * Arbitrary form bodies (keys, values, encodings, content types, Origins, path parameters) to
 * every POST route: the answer is never a 5xx and nothing is logged as a failed request.
 */
const RUNS = 300;
const FIELDS = ['_csrf', 'email', 'name', 'giftIdeas', 'reminders', 'confirm', 'exchange'];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom('yes', 'no', 'ann@example.com', ' ANN@EXAMPLE.COM ', 'a@b', '@', '', 'x'.repeat(5001), '%', '%zz', '%ff%fe', '+', '&', '=', '\r\n', '\u0000', '\ud800'),
);
const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FIELDS) }, { weight: 1, arbitrary: text });
const pairs = fc.array(fc.tuple(key, text), { maxLength: 8 });

/** How the pairs become bytes: properly encoded, raw, or arbitrary bytes. */
const body = fc.oneof(
  { weight: 4, arbitrary: pairs.map((p) => ({ kind: 'encoded' as const, pairs: p })) },
  { weight: 2, arbitrary: pairs.map((p) => ({ kind: 'raw' as const, pairs: p })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ kind: 'bytes' as const, bytes })) },
);
/** What may legally stand in a header value (anything else fails in the client, not the server). */
const headerText = fc.stringMatching(/^[\x20-\x7e]{0,30}$/);
const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=utf-8', 'APPLICATION/X-WWW-FORM-URLENCODED ;') },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', '', 'multipart/form-data; boundary=x', 'application/json', ';;;') },
  { weight: 1, arbitrary: headerText },
);
const request = fc.record({
  body,
  contentType,
  csrf: fc.constantFrom('valid', 'valid', 'valid', 'none', 'wrong', 'twice'),
  origin: fc.oneof(fc.constantFrom('own', 'own', 'none'), headerText),
  param: fc.oneof(fc.constant('real'), fc.string({ unit: 'binary', maxLength: 120 })),
});

let w: World;
let participantId: number;
const errors: string[] = [];
const recorder: Logger = { debug() {}, info() {}, warn() {}, error: (message, fields) => errors.push(`${message} ${JSON.stringify(fields)}`) };

beforeAll(async () => {
  w = await participantWorld({ log: recorder });
  // Durability is not what is tested here; without an fsync per write the runs are ~10× faster.
  w.t.deps.db.sqlite.pragma('synchronous = OFF');
  await w.add(['Ann', 'Bob']);
  participantId = (await w.t.ok('participants.list', { exchangeId: w.exchangeId }))[0]!.id;
});
afterAll(() => w.close());

const ROUTES: Array<[string, (param: string) => string]> = [
  ['/login', () => '/login'],
  ['/i/:code', (param) => `/i/${param}`],
  ['/auth/:token', (param) => `/auth/${param}`],
  ['/me/ideas', () => '/me/ideas'],
  ['/me/reminders', () => '/me/reminders'],
  ['/me/withdraw', () => '/me/withdraw'],
  ['/me/messages', () => '/me/messages'],
  ['/me/address', () => '/me/address'],
  ['/logout', () => '/logout'],
];

describe('arbitrary form bodies never give a 5xx', () => {
  for (const [label, path] of ROUTES) {
    it(`POST ${label} (${RUNS} runs)`, async () => {
      const sql = w.t.deps.db.sqlite;
      const client = w.client();
      await client.get('/login');
      const needsSession = label.startsWith('/me') || label === '/logout';
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          // A signed-in, registered participant each time, with no rate limit in the way.
          sql.prepare('delete from rate_limits').run();
          sql.prepare('update participants set withdrawn_at = null').run();
          if (needsSession) client.cookies.set('sk_session', createSession(w.t.deps, findParticipant(w.t.deps.db, participantId)!));
          const real = label === '/auth/:token' ? issueToken(w.t.deps, participantId, 'login') : w.code;
          const param = r.param === 'real' ? real : encodeURIComponent(r.param);
          const csrf = r.csrf === 'valid' || r.csrf === 'twice' ? client.csrf! : r.csrf === 'wrong' ? 'a'.repeat(64) : null;
          let payload: string | Uint8Array<ArrayBuffer>;
          if (r.body.kind === 'bytes') payload = new Uint8Array(r.body.bytes);
          else {
            const all = csrf === null ? r.body.pairs : [...r.body.pairs, ['_csrf', csrf] as [string, string]];
            if (r.csrf === 'twice') all.unshift(['_csrf', 'b'.repeat(64)]);
            payload = r.body.kind === 'encoded' ? new URLSearchParams(all).toString() : all.map(([k, v]) => `${k}=${v}`).join('&');
          }
          const origin = r.origin === 'own' ? undefined : r.origin === 'none' ? null : r.origin;
          const response = await client.post(path(param), {}, { body: payload, contentType: r.contentType, origin });
          if (response.status >= 500 || errors.length > 0) {
            throw new Error(`${response.status} for ${JSON.stringify(r)}:\n${errors.join('\n')}\n${response.text.slice(0, 500)}`);
          }
        }),
        { numRuns: RUNS },
      );
      expect(errors).toEqual([]);
    });
  }
});
