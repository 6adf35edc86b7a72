import { scryptSync, timingSafeEqual } from 'node:crypto';
import { DAY_MS } from '../../core/schedule';
import { keyedHash, randomToken, sha256Hex } from '../../core/tokens';
import type { Random } from '../../core/random';
import { readSetting, writeSetting } from '../../db/repos/settings';
import type { Deps } from '../common/deps';
import { installationSecret } from './settings';

const SCRYPT = { N: 1 << 15, r: 8, p: 1, keylen: 32, maxmem: 64 * 1024 * 1024 };
const ORGANIZER_SESSION_MS = 7 * DAY_MS;

/** `scrypt$<salt>$<hash>`: the organizer password is never kept in plain text. */
export function hashPassword(password: string, random: Random): string {
  const salt = Buffer.from(random.bytes(16));
  const hash = scryptSync(password.normalize('NFKC'), salt, SCRYPT.keylen, SCRYPT);
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export function verifyPassword(stored: string, candidate: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = scryptSync(candidate.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, SCRYPT);
  return timingSafeEqual(actual, expected);
}

/** Where the fingerprint of the password the organizer sessions were opened with is kept. */
const PASSWORD_FINGERPRINT = 'organizerPasswordFingerprint';

/**
 * At start: organizer sessions last only as long as the password and the admin secret they were
 * opened under. Replacing a leaked password (or running without one) or making a new admin secret
 * ends every one of them, so whoever signed in with the old one is out. The scrypt hash is salted
 * afresh at each start and cannot tell; a keyed fingerprint (HMAC with the installation secret,
 * useless without the database) is kept instead, never the password.
 */
export function endSessionsOfReplacedCredentials(deps: Deps, password: string | null, newAdminSecret: boolean): void {
  const fingerprint = password === null ? null : keyedHash(installationSecret(deps), `organizer-password:${password.normalize('NFKC')}`);
  if (!newAdminSecret && readSetting(deps.db, PASSWORD_FINGERPRINT) === fingerprint) return;
  deps.db.transaction(() => {
    const ended = deps.db.run(deps.db.q.deleteFrom('sessions').where('kind', '=', 'organizer')).changes;
    writeSetting(deps.db, PASSWORD_FINGERPRINT, fingerprint, deps.clock.now());
    if (ended > 0) deps.log.info('organizer sessions ended: the password or the admin secret changed', { ended });
  });
}

/** A new organizer browser session (only when the admin listener is reachable beyond loopback). */
export function createOrganizerSession(deps: Deps): { token: string; csrf: string } {
  const now = deps.clock.now();
  const token = randomToken(deps.random, 32);
  const csrf = randomToken(deps.random, 24);
  deps.db.run(
    deps.db.q.insertInto('sessions').values({
      session_hash: sha256Hex(token),
      kind: 'organizer',
      participant_id: null,
      csrf_secret: csrf,
      created_at: now,
      last_seen_at: now,
      expires_at: now + ORGANIZER_SESSION_MS,
      max_expires_at: now + ORGANIZER_SESSION_MS,
    }),
  );
  return { token, csrf };
}

/** The CSRF secret of a live organizer session, or null. */
export function organizerSessionCsrf(deps: Deps, token: string | undefined): string | null {
  if (!token || token.length > 100) return null;
  const row = deps.db.first(deps.db.q.selectFrom('sessions').select(['csrf_secret', 'expires_at']).where('session_hash', '=', sha256Hex(token)).where('kind', '=', 'organizer'));
  return row && row.expires_at > deps.clock.now() ? row.csrf_secret : null;
}
