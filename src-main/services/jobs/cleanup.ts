import { DAY_MS } from '../../core/schedule';
import type { Deps } from '../common/deps';

/** Expired login links, and used ones older than a day (a used link is kept a day so its page can say it was used). */
export function cleanupTokens(deps: Deps, now: number): { deleted: number } {
  const deleted = deps.db.run(
    deps.db.q.deleteFrom('magic_tokens').where((eb) => eb.or([eb('expires_at', '<=', now), eb.and([eb('used_at', 'is not', null), eb('used_at', '<=', now - DAY_MS)])])),
  ).changes;
  return { deleted };
}

export function cleanupSessions(deps: Deps, now: number): { deleted: number } {
  return { deleted: deps.db.run(deps.db.q.deleteFrom('sessions').where('expires_at', '<=', now)).changes };
}

export function cleanupRateLimits(deps: Deps, now: number): { deleted: number } {
  return { deleted: deps.db.run(deps.db.q.deleteFrom('rate_limits').where('expires_at', '<=', now)).changes };
}
