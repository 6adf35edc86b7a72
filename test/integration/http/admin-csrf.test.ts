import * as crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminWorld, PASSWORD, type AdminWorld } from './admin-world';

// Watch every constant-time comparison the admin app makes (the real function still decides).
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

let w: AdminWorld;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  w = await adminWorld();
  const r = await w.request('/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: PASSWORD }), secret: false });
  expect(r.status).toBe(200);
  cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  csrf = ((await r.json()) as { value: { csrfToken: string } }).value.csrfToken;
});
afterAll(() => w.close());

const call = (token: string | undefined) =>
  w.request('/rpc/exchanges.list', { method: 'POST', secret: false, headers: { cookie, ...(token === undefined ? {} : { 'x-csrf-token': token }) } });

describe('the organizer CSRF header', () => {
  it('is compared in constant time on equal-length digests, whatever the length of what was sent', async () => {
    const compare = vi.mocked(crypto.timingSafeEqual);
    const flipped = `${csrf.slice(0, -1)}${csrf.endsWith('A') ? 'B' : 'A'}`;
    for (const [token, status] of [
      [csrf, 200],
      [flipped, 401],
      ['short', 401],
      [csrf + 'x', 401],
    ] as const) {
      compare.mockClear();
      expect((await call(token)).status, token).toBe(status);
      // The session token is looked up by hash; the CSRF value is never compared with ===.
      const sizes = compare.mock.calls.map(([a, b]) => [(a as Buffer).length, (b as Buffer).length]);
      expect(sizes, token).toContainEqual([32, 32]);
    }
  });

  it('a missing header is refused', async () => {
    expect((await call(undefined)).status).toBe(401);
  });
});
