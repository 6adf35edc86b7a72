import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runServe, startServe } from '../../support/serve-process';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'sk-admin-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('organizer listener', () => {
  it('serves the organizer screens and pushes changes as server-sent events', async () => {
    const server = await startServe(['--data-dir', join(dir, 'ui')]);
    try {
      expect(server.output()).toMatch(/Organizer screens:\s+http:\/\/127\.0\.0\.1:\d+\/#secret=\S+/);
      const page = await fetch(`${server.adminUrl}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect((await fetch(`${server.adminUrl}/events`)).status).toBe(401);

      const controller = new AbortController();
      const events = await fetch(`${server.adminUrl}/events?secret=${server.secret}`, { signal: controller.signal });
      expect(events.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = events.body!.getReader();
      let text = '';
      const created = server.rpc('exchanges.create', { name: 'Pushed', exchangeAt: '2030-12-18T17:00', timezone: 'UTC' });
      while (!text.includes('exchange.changed')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      await created;
      controller.abort();
      expect(text).toMatch(/data: \{"type":"exchange\.changed","exchangeId":1\}/);
    } finally {
      await server.stop();
    }
  });

  it('refuses to open the organizer screens to the network without a password', () => {
    const result = runServe(['--data-dir', join(dir, 'open'), '--admin-host', '0.0.0.0']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^sneaky-klaus: --admin-host 0\.0\.0\.0 would open .* SNEAKY_KLAUS_ADMIN_PASSWORD first\.$/);
  });

  it('beyond loopback, asks for the organizer password and then a CSRF token on every call', async () => {
    const server = await startServe(['--data-dir', join(dir, 'pw'), '--admin-host', '0.0.0.0'], { SNEAKY_KLAUS_ADMIN_PASSWORD: 'correct horse battery' });
    try {
      const base = server.adminUrl.replace('0.0.0.0', '127.0.0.1');
      expect(await (await fetch(`${base}/session`)).json()).toEqual({ passwordLogin: true });
      expect((await fetch(`${base}/rpc/exchanges.list`, { method: 'POST' })).status).toBe(401);
      const login = (password: string) => fetch(`${base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password }) });
      expect((await login('wrong password!!')).status).toBe(401);
      const ok = await login('correct horse battery');
      expect(ok.status).toBe(200);
      const cookie = ok.headers.get('set-cookie')!;
      expect(cookie).toMatch(/sk_admin=[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
      const { value } = (await ok.json()) as { value: { csrfToken: string } };
      const session = cookie.split(';')[0]!;
      expect((await fetch(`${base}/rpc/exchanges.list`, { method: 'POST', headers: { cookie: session } })).status).toBe(401);
      const listed = await fetch(`${base}/rpc/exchanges.list`, { method: 'POST', headers: { cookie: session, 'x-csrf-token': value.csrfToken } });
      expect(listed.status).toBe(200);
      expect(await listed.json()).toEqual({ ok: true, value: [] });
    } finally {
      await server.stop();
    }
  });

  it('a new password, or a new admin secret, signs out everyone who signed in before the restart', async () => {
    const data = join(dir, 'replaced');
    /** Starts serve on `data` reachable beyond loopback with this password, runs `use`, stops it. */
    const served = async (password: string, use: (api: Organizer) => Promise<void>, args: string[] = []) => {
      const server = await startServe(['--data-dir', data, '--admin-host', '0.0.0.0', ...args], { SNEAKY_KLAUS_ADMIN_PASSWORD: password });
      try {
        await use(organizer(server.adminUrl.replace('0.0.0.0', '127.0.0.1')));
      } finally {
        await server.stop();
      }
    };
    let leaked = { cookie: '', csrf: '' };
    await served('old password that leaked', async (api) => {
      leaked = await api.signIn('old password that leaked');
      expect(await api.list(leaked)).toBe(200);
    });
    // The organizer learns the password leaked, sets a new one and restarts.
    let own = { cookie: '', csrf: '' };
    await served('brand new password 2026', async (api) => {
      expect(await api.list(leaked)).toBe(401);
      own = await api.signIn('brand new password 2026');
    });
    // A restart with the same password keeps the organizer signed in; a new admin secret does not.
    await served('brand new password 2026', async (api) => expect(await api.list(own)).toBe(200));
    await served('brand new password 2026', async (api) => expect(await api.list(own)).toBe(401), ['--new-admin-secret']);
  });
});

interface Organizer {
  signIn(password: string): Promise<{ cookie: string; csrf: string }>;
  /** The status of `exchanges.list` called with this session. */
  list(session: { cookie: string; csrf: string }): Promise<number>;
}

function organizer(base: string): Organizer {
  return {
    async signIn(password) {
      const r = await fetch(`${base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password }) });
      expect(r.status).toBe(200);
      const { value } = (await r.json()) as { value: { csrfToken: string } };
      return { cookie: r.headers.get('set-cookie')!.split(';')[0]!, csrf: value.csrfToken };
    },
    async list({ cookie, csrf }) {
      return (await fetch(`${base}/rpc/exchanges.list`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } })).status;
    },
  };
}
