import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../../support/serve-process';

const SERVE = fileURLToPath(new URL('../../../scripts/serve.mjs', import.meta.url));
let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'sk-ipv6-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the headless server and resolves with its start-up text once it says it is running. */
function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ out: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [SERVE, '--port', '0', '--admin-port', '0', '--data-dir', join(dir, String(args.length)), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Press Ctrl+C to stop.')) resolve({ out, stop: () => (child.kill('SIGTERM'), exited) });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
}

const adminUrl = (out: string) => /Organizer API:\s+(\S+)\/rpc\/<operation>/.exec(out)?.[1] ?? '';

describe('headless server on IPv6 addresses', () => {
  it('--admin-host ::1 prints a bracketed URL that works, Host [::1]:port included', async () => {
    const server = await serve(['--admin-host', '::1']);
    try {
      const url = adminUrl(server.out);
      expect(url).toMatch(/^http:\/\/\[::1\]:\d+$/);
      expect(server.out).not.toMatch(/http:\/\/::/);
      const response = await fetch(`${url}/health`);
      expect(response.status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('--admin-host :: (with a password) prints a URL a browser can open, and answers it', async () => {
    const server = await serve(['--admin-host', '::'], { SNEAKY_KLAUS_ADMIN_PASSWORD: 'correct horse battery' });
    try {
      const url = adminUrl(server.out);
      expect(URL.canParse(url)).toBe(true);
      expect(server.out).not.toMatch(/http:\/\/::/);
      expect((await fetch(`${url}/session`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
