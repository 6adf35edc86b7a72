import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVE = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));

export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  participantUrl: string;
  adminUrl: string;
  secret: string;
  output: () => string;
  /** POST /rpc/<name> with the secret. */
  rpc(name: string, input?: unknown): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }>;
  /** `rpc`'s value, or an error naming the operation, the status and the refusal. */
  ok<T>(name: string, input?: unknown): Promise<T>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const DAY_MS = 86_400_000;

/** `days` from now on the wall clock (the served app runs on the real clock), as `YYYY-MM-DDTHH:mm` in UTC. */
export function localInDays(days: number): string {
  return new Date(performance.timeOrigin + performance.now() + days * DAY_MS).toISOString().slice(0, 16);
}

/** Builds the bundles if the sources changed (as `npm run serve` does), once per test file. */
export function ensureBuilt(): void {
  const result = spawnSync(process.execPath, [SERVE, '--version'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
}

/** Runs `npm run serve`'s script as a child process on free ports and waits until it listens. */
export function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [SERVE, '--port', '0', '--admin-port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 60_000);
    const check = () => {
      const participant = /Participants' pages: (http:\/\/127\.0\.0\.1:\d+)|Participants' pages:.*?(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      const admin = /Organizer API:\s+(http:\/\/[\d.]+:\d+)/.exec(out);
      const secret = /Admin secret:\s+(\S+)/.exec(out);
      if (!participant || !admin || !secret) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      const adminUrl = admin[1]!;
      const rpc: ServeProcess['rpc'] = async (name, input) => {
        const response = await fetch(`${adminUrl}/rpc/${name}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${secret[1]}`, 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        return { status: response.status, body: (await response.json()) as never };
      };
      resolve({
        child,
        participantUrl: (participant[1] ?? participant[2])!,
        adminUrl,
        secret: secret[1]!,
        output: () => out,
        rpc,
        async ok(name, input) {
          const { status, body } = await rpc(name, input);
          if (!body.ok) throw new Error(`${name} → ${status}: ${JSON.stringify(body.error)}`);
          return body.value as never;
        },
        async stop(signal = 'SIGTERM') {
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening:\n${out}`));
    });
  });
}

/** Runs serve to completion (for flags that make it exit at once). */
export function runServe(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  // The timeout only bounds a hang (a process that never exits fails the test with status null).
  const result = spawnSync(process.execPath, [SERVE, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
