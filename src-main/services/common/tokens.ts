import { randomToken, sha256Hex } from '../../core/tokens';
import type { Deps } from './deps';

export type TokenPurpose = 'login' | 'welcome' | 'match' | 'personal';

/** SPEC §7: 30 min for a requested login link, 24 h for links inside welcome and match emails. */
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  login: 30 * 60_000,
  welcome: 24 * 3_600_000,
  match: 24 * 3_600_000,
  personal: 24 * 3_600_000,
};

/**
 * A fresh single-use link token (256 bits) for a participant; only its hash is stored. Older
 * unused tokens of the same participant and purpose stop working.
 */
export function issueToken(deps: Deps, participantId: number, purpose: TokenPurpose): string {
  const now = deps.clock.now();
  const token = randomToken(deps.random, 32);
  deps.db.transaction(() => {
    deps.db.run(
      deps.db.q
        .deleteFrom('magic_tokens')
        .where('participant_id', '=', participantId)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null),
    );
    deps.db.run(
      deps.db.q.insertInto('magic_tokens').values({
        token_hash: sha256Hex(token),
        participant_id: participantId,
        purpose,
        created_at: now,
        expires_at: now + TOKEN_TTL_MS[purpose],
      }),
    );
  });
  return token;
}
