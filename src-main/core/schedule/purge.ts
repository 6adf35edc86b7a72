import { DAY_MS } from './job-names';

/** The organizer is warned this long before a purge, and a purge waits this long after the warning. */
export const PURGE_WARNING_LEAD_MS = 7 * DAY_MS;

export interface PurgeState {
  completedAt: number;
  /** Whole days of retention after completion (30 by default). */
  retentionDays: number;
  /** When the purge warning went out, or null if it has not. */
  warningSentAt: number | null;
}

/**
 * - 'nothing': not warned, and the warning is not due yet;
 * - 'warn':    send the warning now (it is due, and it is sent exactly once);
 * - 'wait':    warned, but the purge is not allowed yet (retention not over, or the warning is
 *              less than 7 days old);
 * - 'purge':   delete the exchange now.
 */
export type PurgeDecision = 'nothing' | 'warn' | 'wait' | 'purge';

function retentionEndsAt(state: PurgeState): number {
  if (!Number.isFinite(state.completedAt)) throw new RangeError('completedAt must be a finite instant');
  if (!Number.isFinite(state.retentionDays) || state.retentionDays < 0) {
    throw new RangeError(`retentionDays must be ≥ 0, got ${state.retentionDays}`);
  }
  return state.completedAt + state.retentionDays * DAY_MS;
}

/**
 * What the data-purge job should do with one completed exchange as of `now`. A purge never
 * happens without a warning sent at least 7 days earlier: downtime delays it, never skips it.
 */
export function purgePlan(state: PurgeState, now: number): PurgeDecision {
  const purgeDue = retentionEndsAt(state);
  if (state.warningSentAt === null) return now >= purgeDue - PURGE_WARNING_LEAD_MS ? 'warn' : 'nothing';
  return now >= Math.max(purgeDue, state.warningSentAt + PURGE_WARNING_LEAD_MS) ? 'purge' : 'wait';
}

/** When the warning is (or was) due: 7 days before the end of retention. */
export function purgeWarningDueAt(state: PurgeState): number {
  return retentionEndsAt(state) - PURGE_WARNING_LEAD_MS;
}

/**
 * The earliest instant the purge can happen given the current state, for display (admin UI,
 * participant page countdown). Not yet warned and the warning already overdue → it goes out now
 * at the earliest, so the purge is at least 7 days from now. The data-purge job runs daily, so
 * the actual deletion happens at its first run at or after this instant.
 */
export function purgeDueAt(state: PurgeState, now: number): number {
  const purgeDue = retentionEndsAt(state);
  const warnedAt = state.warningSentAt ?? Math.max(now, purgeDue - PURGE_WARNING_LEAD_MS);
  return Math.max(purgeDue, warnedAt + PURGE_WARNING_LEAD_MS);
}
