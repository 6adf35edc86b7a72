import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in for the `cloudflared` program: prints its quick-tunnel address the way the real one
 * does, then stays up until it is stopped. Point SNEAKY_KLAUS_CLOUDFLARED at the returned path.
 */
export function fakeCloudflared(url = 'https://merry-fox-sleigh.trycloudflare.com'): string {
  const fake = join(mkdtempSync(join(tmpdir(), 'sk-cloudflared-')), 'cloudflared');
  writeFileSync(fake, `#!/bin/sh\necho "INF Requesting new quick Tunnel on trycloudflare.com..." >&2\necho "INF |  ${url}  |" >&2\nexec sleep 600\n`);
  chmodSync(fake, 0o755);
  return fake;
}

/** Rejects with `what()` when `promise` has not settled after `ms`: bounds a hang, never paces a test. */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(what())), ms)));
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
