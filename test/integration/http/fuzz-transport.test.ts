import fc from 'fast-check';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findParticipant } from '../../../src-main/db/repos/participants';
import { createAdminApp } from '../../../src-main/http/admin/app';
import { listen, type Listener } from '../../../src-main/http/listen';
import { loopbackHosts } from '../../../src-main/http/security';
import type { Logger } from '../../../src-main/log';
import { hashPassword } from '../../../src-main/services/organizer/admin-auth';
import { createSession } from '../../../src-main/services/portal/sessions';
import { issueToken } from '../../../src-main/services/common/tokens';
import { LAN, participantWorld, type World } from '../../support/participant-world';
import { adminRequest, participantRequest, toRequest, type FuzzRequest, type Slot } from './fuzz-requests';
import { rawExchange } from './raw-socket';

/**
 * ≥ 10 000 generated requests (methods, odd paths and encodings, headers, bodies, content types)
 * to the participant and admin apps, a few over real sockets: never a 5xx, nothing logged as a
 * failure, and the database intact afterwards.
 */
const RUNS_PER_APP = 5_100;
const SOCKET_RUNS = 40;
const ADMIN_HOST = '127.0.0.1:4318';
const SECRET = 'fuzz-secret-0123456789abcdefghijklmnopqrstuvw';
const PASSWORD = 'correct horse battery';

const errors: string[] = [];
const recorder: Logger = { debug() {}, info() {}, warn() {}, error: (message, fields) => errors.push(`${message} ${JSON.stringify(fields)}`) };
let w: World;
let admin: Hono;
const slots = {} as Record<Slot, string>;
let sent = 0;

beforeAll(async () => {
  w = await participantWorld({ log: recorder });
  // Durability is not what is tested here; without an fsync per write the runs are ~10× faster.
  w.t.deps.db.sqlite.pragma('synchronous = OFF');
  const ids = await w.add(['Ann', 'Bob']);
  admin = createAdminApp(w.t.deps, { secret: SECRET, allowedHosts: () => new Set(loopbackHosts(4318)), passwordHash: hashPassword(PASSWORD, w.t.deps.random) });
  const signIn = await admin.request(`http://${ADMIN_HOST}/session`, {
    method: 'POST',
    headers: { host: ADMIN_HOST, 'content-type': 'application/json' },
    body: JSON.stringify({ password: PASSWORD }),
  });
  const adminCsrf = ((await signIn.json()) as { value: { csrfToken: string } }).value.csrfToken;
  Object.assign(slots, {
    code: w.code,
    token: issueToken(w.t.deps, ids.Ann!, 'login'),
    session: `sk_session=${createSession(w.t.deps, findParticipant(w.t.deps.db, ids.Ann!)!)}`,
    csrf: 'a'.repeat(64),
    secret: `Bearer ${SECRET}`,
    adminCookie: signIn.headers.get('set-cookie')!.split(';')[0]!,
    adminCsrf,
  });
});
afterAll(() => w.close());

/** Sends one generated request in process; fails the property on a 5xx or a logged failure. */
async function check(app: Hono, host: string, r: FuzzRequest): Promise<void> {
  w.t.deps.db.sqlite.prepare('delete from rate_limits').run(); // limits would stop the runs going deep
  const request = toRequest(r, `http://${host}`, (slot) => slots[slot]);
  if (!request) return;
  if (!request.headers.has('host')) request.headers.set('host', host);
  sent++;
  const response = await app.request(request);
  // Never read a body to its end: GET /events with the secret is an endless event stream.
  await response.body?.cancel();
  if (response.status >= 500 || errors.length > 0) throw new Error(`${response.status} for ${request.method} ${request.url}\n${errors.join('\n')}`);
}

/** The same request as raw bytes on a socket (the Node parser sees it as a client sends it). */
function raw(r: FuzzRequest, port: number, host: string): Buffer {
  const value = (v: string | { slot: Slot }) => (typeof v === 'string' ? v : slots[v.slot]);
  const body =
    r.body.kind === 'text'
      ? Buffer.from(r.body.text)
      : r.body.kind === 'bytes'
        ? Buffer.from(r.body.bytes)
        : r.body.kind === 'big'
          ? Buffer.alloc(r.body.size, 'a')
          : Buffer.alloc(0);
  const lines = [
    `${r.method} /${r.path.map(value).join('/')}${r.query} HTTP/1.1`,
    `Host: ${host}:${port}`,
    ...r.headers.filter(([n]) => n !== 'host').map(([n, v]) => `${n}: ${value(v)}`),
  ];
  if (body.length > 0) lines.push(`Content-Length: ${body.length}`);
  lines.push('Connection: close', '', '');
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'utf8'), body]);
}

describe('transport fuzz', () => {
  it(`participant app: ${RUNS_PER_APP} generated requests, never a 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(participantRequest, (r) => check(w.app, LAN, r)),
      { numRuns: RUNS_PER_APP },
    );
  });

  it(`admin app: ${RUNS_PER_APP} generated requests, never a 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(adminRequest, (r) => check(admin, ADMIN_HOST, r)),
      { numRuns: RUNS_PER_APP },
    );
  });

  it(`both over real sockets: ${SOCKET_RUNS} each, never a 5xx`, async () => {
    const listeners: Listener[] = [];
    try {
      for (const [app, arbitrary] of [
        [w.app, participantRequest],
        [admin, adminRequest],
      ] as const) {
        const l = await listen(app.fetch, { host: '127.0.0.1', port: 0 });
        listeners.push(l);
        await fc.assert(
          fc.asyncProperty(arbitrary, async (r) => {
            w.t.deps.db.sqlite.prepare('delete from rate_limits').run();
            const { reply } = await rawExchange({ port: l.port, data: raw(r, l.port, '127.0.0.1'), untilHead: true });
            sent++;
            const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0);
            if (status >= 500 || errors.length > 0) throw new Error(`${status} for ${raw(r, l.port, '127.0.0.1').toString('latin1').slice(0, 300)}\n${errors.join('\n')}`);
          }),
          { numRuns: SOCKET_RUNS },
        );
      }
    } finally {
      await Promise.all(listeners.map((l) => l.close()));
    }
  });

  it('sent at least 10 000 requests, and the database is intact', () => {
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(w.t.deps.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(errors).toEqual([]);
  });
});
