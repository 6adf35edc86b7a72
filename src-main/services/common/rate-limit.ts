import type { Deps } from './deps';

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

/**
 * Against floods and address probing: requests per client, and emailed links per address. The per-address rule never refuses
 * a request (that would let anyone lock a person out by typing their address): past it, mail is
 * held back quietly while the person still has a working link (services/portal/link-mail).
 */
export const RATE_LIMITS = {
  linkMailsPerAddress: { limit: 3, windowMs: 60 * 60_000 },
  loginPerClient: { limit: 20, windowMs: 60 * 60_000 },
  registerPerClient: { limit: 10, windowMs: 60 * 60_000 },
  continuePerClient: { limit: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitAnswer = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts one attempt under `key` (fixed window, stored in SQLite so it survives restarts).
 * Returns how long to wait when the limit is exceeded.
 */
export function hitRateLimit(deps: Deps, key: string, rule: RateLimitRule): RateLimitAnswer {
  const now = deps.clock.now();
  return deps.db.transaction(() => {
    const row = deps.db.first(deps.db.q.selectFrom('rate_limits').selectAll().where('key', '=', key));
    const usedUp = usedUpAt(row, rule, now);
    if (usedUp) return usedUp;
    if (!row || row.expires_at <= now) {
      deps.db.run(
        deps.db.q
          .insertInto('rate_limits')
          .values({ key, count: 1, window_started_at: now, expires_at: now + rule.windowMs })
          .onConflict((oc) => oc.column('key').doUpdateSet({ count: 1, window_started_at: now, expires_at: now + rule.windowMs })),
      );
      return { allowed: true as const };
    }
    deps.db.run(
      deps.db.q
        .updateTable('rate_limits')
        .set({ count: row.count + 1 })
        .where('key', '=', key),
    );
    return { allowed: true as const };
  });
}

/**
 * Whether `key` has used up its limit, without counting anything: for a limit on failures only
 * (check first, then count a failed attempt with hitRateLimit).
 */
export function checkRateLimit(deps: Deps, key: string, rule: RateLimitRule): RateLimitAnswer {
  const row = deps.db.first(deps.db.q.selectFrom('rate_limits').selectAll().where('key', '=', key));
  return usedUpAt(row, rule, deps.clock.now()) ?? { allowed: true };
}

/** The refusal when the window of `row` is still running and its count has reached the limit. */
function usedUpAt(row: { count: number; expires_at: number } | undefined, rule: RateLimitRule, now: number): { allowed: false; retryAfterMs: number } | null {
  return row && row.expires_at > now && row.count >= rule.limit ? { allowed: false, retryAfterMs: row.expires_at - now } : null;
}
