import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listen, type Listener } from '../../../src-main/http/listen';
import { adminWorld, PASSWORD, type AdminWorld } from './admin-world';

let w: AdminWorld;
let listener: Listener;

beforeEach(async () => {
  w = await adminWorld();
  listener = await listen(w.app.fetch, { host: '127.0.0.1', port: 0 });
  w.allowPort(listener.port);
});
afterEach(async () => {
  await listener.close();
  w.close();
});

/** `POST /session` over real HTTP (the lockout is per socket address): the status and the refusal. */
async function signIn(password: string): Promise<{ status: number; message: string | undefined }> {
  const r = await fetch(`${listener.url}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password }) });
  const body = (await r.json()) as { error?: { message: string } };
  return { status: r.status, message: body.error?.message };
}

describe('organizer password sign-in lockout', () => {
  it('counts only wrong passwords: the organizer may sign in as often as they like', async () => {
    // A script that signs in for each run, or the organizer's phone and laptop behind one router.
    for (let i = 0; i < 11; i++) expect((await signIn(PASSWORD)).status, `sign-in ${i + 1}`).toBe(200);
  });

  it('ten wrong passwords within 15 minutes are refused, the right one too, until the window passes', async () => {
    for (let i = 0; i < 10; i++) expect((await signIn(`wrong password ${i}`)).status).toBe(401);
    expect(await signIn('wrong password 10')).toEqual({ status: 429, message: 'Too many attempts. Try again in 15 minutes.' });
    expect((await signIn(PASSWORD)).status).toBe(429);
    w.t.clock.advance(15 * 60_000);
    expect((await signIn(PASSWORD)).status).toBe(200);
  });
});
