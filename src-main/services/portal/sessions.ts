import { DAY_MS, HOUR_MS } from '../../core/schedule';
import { randomToken, sha256Hex } from '../../core/tokens';
import type { Participant } from '../../core/types';
import { findExchange } from '../../db/repos/exchanges';
import { participantById, readTogether, sessionByHash } from '../../db/repos/page-reads';
import type { Deps } from '../common/deps';
import { getSettings } from '../organizer/settings';

const SESSION_MS = 30 * DAY_MS;
/** Sliding expiry is written at most this often, not on every page view. */
const TOUCH_EVERY_MS = HOUR_MS;

/** Sessions never outlive the exchange's data (a session must not outlive the deletion it promises): capped at its earliest purge. */
export function sessionCap(deps: Deps, participant: Participant): number {
  const exchange = findExchange(deps.db, participant.exchangeId);
  const end = exchange ? (exchange.completedAt ?? exchange.cancelledAt ?? exchange.exchangeAt) : deps.clock.now();
  return end + getSettings(deps).retentionDays * DAY_MS;
}

/** A brand-new session (never a promoted pre-login one); returns the cookie value. */
export function createSession(deps: Deps, participant: Participant): string {
  const now = deps.clock.now();
  const token = randomToken(deps.random, 32);
  const cap = sessionCap(deps, participant);
  deps.db.run(
    deps.db.q.insertInto('sessions').values({
      session_hash: sha256Hex(token),
      kind: 'participant',
      participant_id: participant.id,
      csrf_secret: randomToken(deps.random, 16),
      created_at: now,
      last_seen_at: now,
      expires_at: Math.min(now + SESSION_MS, cap),
      max_expires_at: cap,
    }),
  );
  return token;
}

/** The participant behind a session cookie, sliding its expiry; null when unknown or expired. */
export function resumeSession(deps: Deps, token: string | undefined): Participant | null {
  return resumeSessionAnd(deps, token, () => undefined)?.participant ?? null;
}

/**
 * resumeSession, plus the page's own reads (`alsoRead`) under the same read transaction: one
 * lock and one snapshot for the whole page instead of one per statement. `alsoRead` only reads.
 * `quietUntil`: until then the same token resumes the same session without writing anything
 * (no expiry, no sliding touch), unless the data changes: what a kept page may rely on.
 */
export function resumeSessionAnd<T>(
  deps: Deps,
  token: string | undefined,
  alsoRead: (participant: Participant) => T,
): { participant: Participant; read: T; quietUntil: number } | null {
  if (!token || token.length > 100) return null;
  const now = deps.clock.now();
  const hash = sha256Hex(token);
  const found = readTogether(deps.db, () => {
    const row = sessionByHash(deps.db, hash);
    if (!row || row.expires_at <= now || row.participant_id === null) return null;
    const participant = participantById(deps.db, row.participant_id);
    return participant ? { row, participant, read: alsoRead(participant) } : null;
  });
  if (!found) return null;
  const { row, participant, read } = found;
  let lastSeen = row.last_seen_at;
  let expires = row.expires_at;
  if (now - row.last_seen_at >= TOUCH_EVERY_MS) {
    lastSeen = now;
    expires = Math.min(now + SESSION_MS, row.max_expires_at);
    deps.db.run(deps.db.q.updateTable('sessions').set({ last_seen_at: lastSeen, expires_at: expires }).where('id', '=', row.id));
  }
  return { participant, read, quietUntil: Math.min(expires, lastSeen + TOUCH_EVERY_MS) };
}

export function endSession(deps: Deps, token: string | undefined): void {
  if (token) deps.db.run(deps.db.q.deleteFrom('sessions').where('session_hash', '=', sha256Hex(token)));
}

export function endParticipantSessions(deps: Deps, participantId: number): void {
  deps.db.run(deps.db.q.deleteFrom('sessions').where('participant_id', '=', participantId));
}
