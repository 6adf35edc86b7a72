import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runServe, startServe } from '../../support/serve-process';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'sk-serve-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run serve (child process)', () => {
  it('answers on both ports, guards the admin API, exits cleanly and keeps the data', async () => {
    const dataDir = join(dir, 'data');
    const first = await startServe(['--data-dir', dataDir, '--demo']);
    try {
      expect(first.output()).toContain('Added the demo exchange.');
      const health = await fetch(`${first.participantUrl}/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const missing = await fetch(`${first.participantUrl}/no-such-page`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('Page not found');

      const denied = await fetch(`${first.adminUrl}/rpc/exchanges.list`, { method: 'POST' });
      expect(denied.status).toBe(401);
      const wrong = await fetch(`${first.adminUrl}/rpc/exchanges.list`, { method: 'POST', headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);

      const list = await first.rpc('exchanges.list');
      expect(list.status).toBe(200);
      expect(list.body.value).toEqual([expect.objectContaining({ name: expect.stringMatching(/^Family Christmas \d{4}$/), participantCount: 6 })]);
      const created = await first.rpc('exchanges.create', { name: 'Office party', exchangeAt: '2030-12-18T17:00', timezone: 'UTC' });
      expect(created.status).toBe(200);
      const bad = await first.rpc('exchanges.create', { name: '' });
      expect(bad.status).toBe(400);
      expect(bad.body.error?.code).toBe('invalid_input');
    } finally {
      expect(await first.stop('SIGTERM')).toBe(0);
    }
    expect(first.output()).not.toMatch(/Error|at .*\.js:\d+/);

    const second = await startServe(['--data-dir', dataDir, '--demo']);
    try {
      expect(second.output()).toContain('already has exchanges');
      const names = ((await second.rpc('exchanges.list')).body.value as Array<{ name: string }>).map((e) => e.name);
      expect(names).toHaveLength(2);
      expect(names).toContain('Office party');
      // The secret is kept in the data folder: the printed address (and a bookmark of it) still works.
      expect(second.secret).toBe(first.secret);
      expect(second.output()).toContain('secrets/admin-secret');
    } finally {
      expect(await second.stop('SIGINT')).toBe(0);
    }
  });

  it('refuses a Host header it does not serve (DNS rebinding)', async () => {
    const server = await startServe(['--data-dir', join(dir, 'hosts'), '--host', '127.0.0.1']);
    try {
      const { request } = await import('node:http');
      const status = await new Promise<number>((resolve, reject) => {
        const url = new URL(`${server.participantUrl}/`);
        const req = request({ host: url.hostname, port: url.port, path: '/', headers: { host: 'evil.example:80' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(421);
    } finally {
      await server.stop();
    }
  });

  it('says what is wrong with a bad flag in one line, exit code 2', () => {
    const result = runServe(['--colour', 'red']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^sneaky-klaus: Unknown option '--colour'/);
  });

  it('says what is wrong with a bad port in one line, exit code 2', () => {
    const result = runServe(['--port', 'eighty']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('sneaky-klaus: --port must be a port number from 0 to 65535, not "eighty".');
  });

  it('a failure half-way through start closes what it opened and exits by itself with one line, exit code 2', () => {
    // The participants' listener is up when the admin listener fails (an address this machine lacks).
    const data = join(dir, 'half-way');
    const result = runServe(['--data-dir', data, '--port', '0', '--admin-host', '192.0.2.1'], { SNEAKY_KLAUS_ADMIN_PASSWORD: 'correct horse battery staple' });
    expect(result.status).toBe(2);
    const said = result.stderr
      .trim()
      .split('\n')
      .filter((line) => !/^\S+Z INFO /.test(line)); // the log's info lines aside
    expect(said).toEqual([expect.stringMatching(/^sneaky-klaus: Cannot listen: .*192\.0\.2\.1/)]);
    // The database was checkpointed and closed: its WAL was folded back (empty or gone).
    const wal = join(data, 'sneaky-klaus.sqlite3-wal');
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
  });

  it('says an unusable data folder is unusable, exit code 2', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const result = runServe(['--data-dir', file]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^sneaky-klaus: Cannot create the data folder .*a-file/);
  });
});
