import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the headless organizer secret is kept, next to the SMTP password file. */
export function adminSecretFile(dataDir: string): string {
  return join(dataDir, 'secrets', 'admin-secret');
}

/** 32 random bytes in base64url: 43 characters of [A-Za-z0-9_-]. */
const SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The secret of the organizer screens, stable across restarts so that a bookmark of the printed
 * address keeps working on an always-on home server. Created on first start (or when `rotate` is
 * set, which invalidates every old address at once); a file that was tampered with or truncated
 * is replaced rather than trusted. Readable only by this user, like the SMTP password file.
 */
export function loadAdminSecret(file: string, fresh: () => string, rotate: boolean): { secret: string; created: boolean } {
  if (!rotate) {
    const existing = readSecret(file);
    if (existing !== null) return { secret: existing, created: false };
  }
  const secret = fresh();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  // writeFileSync keeps the mode of a file that already exists: make sure it is 0600.
  chmodSync(file, 0o600);
  return { secret, created: true };
}

function readSecret(file: string): string | null {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return SHAPE.test(text) ? text : null;
  } catch {
    return null;
  }
}
