import { sha256Hex } from '../../core/tokens';
import { markSignupsReported, unreportedSignups } from '../../db/repos/participants';
import type { Deps } from '../common/deps';
import { enqueueMail } from '../mail/outbox';
import { getSettings } from '../organizer/settings';

export const SIGNUP_DIGEST_KIND = 'organizer-signup-digest';

/**
 * The daily digest of sign-ups (the organizer's choice in Settings instead of one email each).
 * Derived from the database, not from memory: it lists every sign-up not yet told to the
 * organizer, and marks them told in the same transaction that queues it, so a crash or a restart
 * neither loses one nor lists one twice. A day without sign-ups sends nothing. The email is
 * rendered when sent (services/mail/render-organizer), from the people as they are then; the row
 * holds only their ids, so a purged exchange leaves no names behind in it.
 *
 * With "one email each" every sign-up is marked told when its own notice is queued, so this finds
 * nothing; sign-ups left over from a switch back to "each" still go out here.
 */
export function sendSignupDigest(deps: Deps, now: number): { signups: number; digests: number } {
  const organizer = getSettings(deps).organizer;
  return deps.db.transaction(() => {
    const signups = unreportedSignups(deps.db);
    if (signups.length === 0) return { signups: 0, digests: 0 };
    // Nobody to tell (no organizer yet), or the organizer signed up themselves: nothing to list.
    const listed = organizer === null ? [] : signups.filter((s) => s.email !== organizer.email);
    let digests = 0;
    if (organizer !== null && listed.length > 0) {
      const id = enqueueMail(deps, {
        key: `${SIGNUP_DIGEST_KIND}:${sha256Hex(listed.map((s) => s.id).join(','))}`,
        kind: SIGNUP_DIGEST_KIND,
        to: organizer.email,
        exchangeId: null,
        participantId: null,
        params: { signups: listed.map((s) => [s.id, s.registeredAt]) },
      });
      if (id !== null) digests = 1;
    }
    markSignupsReported(
      deps.db,
      signups.map((s) => s.id),
      now,
    );
    return { signups: listed.length, digests };
  });
}
