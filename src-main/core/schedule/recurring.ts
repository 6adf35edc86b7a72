import { DAY_MS, type RecurringJobName } from './job-names';
import { countOccurrences, nextOccurrence, previousOccurrence } from './occurrences';

export interface RecurringJob {
  readonly job: RecurringJobName;
  /** Five-part cron pattern, evaluated in UTC. */
  readonly pattern: string;
  /** Short English description for the Jobs page and the tray. */
  readonly summary: string;
}

/** The seed's recurring schedules (all UTC). Reminders and registration close are per exchange. */
export const RECURRING_JOBS: readonly RecurringJob[] = Object.freeze([
  { job: 'token-cleanup', pattern: '0 * * * *', summary: 'hourly' },
  { job: 'auto-complete', pattern: '0 0 * * *', summary: 'daily at 00:00 UTC' },
  { job: 'data-purge', pattern: '0 2 * * *', summary: 'daily at 02:00 UTC' },
  { job: 'session-cleanup', pattern: '0 3 * * *', summary: 'daily at 03:00 UTC' },
  { job: 'rate-limit-cleanup', pattern: '0 4 * * *', summary: 'daily at 04:00 UTC' },
  // New: the organizer's daily digest of sign-ups (when chosen in Settings instead of one email each).
  { job: 'signup-digest', pattern: '0 18 * * *', summary: 'daily at 18:00 UTC' },
]);

export function recurringJob(job: RecurringJobName): RecurringJob {
  const found = RECURRING_JOBS.find((entry) => entry.job === job);
  if (found === undefined) throw new RangeError(`No recurring schedule for job "${job}"`);
  return found;
}

/** How far ahead of the clock a recorded run may lie and still count (a clock put back a few days). */
export const FUTURE_RUN_FORGOTTEN_MS = 7 * DAY_MS;

/** `missed` saturates here; it only feeds the run log, and counting is linear in occurrences. */
export const MISSED_COUNT_CAP = 10_000;

export interface RecurringState {
  pattern: string;
  /** When the job last ran (or the occurrence it last covered); null when it never ran. */
  lastRunAt: number | null;
  /** When the job was first known; occurrences before it were never owed. */
  createdAt: number;
}

export interface RecurringPlan {
  /** True when at least one occurrence passed since the last run: run once now (coalesced). */
  due: boolean;
  /** The latest missed occurrence (for the run log), or null when not due. */
  scheduledFor: number | null;
  /** How many occurrences this single run stands for (0 when not due; capped). */
  missed: number;
  /** The next occurrence still owed after this decision (wake-up time). */
  nextDueAt: number;
}

/**
 * Catch-up for one recurring job. Occurrences in (lastRunAt ?? createdAt, now] are owed; all of
 * them are coalesced into one run. An occurrence at exactly lastRunAt counts as covered, so
 * recording either `now` or `scheduledFor` as the new lastRunAt makes the next call not due.
 */
export function planRecurring(job: RecurringState, now: number): RecurringPlan {
  const recorded = job.lastRunAt ?? job.createdAt;
  const latest = previousOccurrence(job.pattern, now);
  // A run recorded far ahead of now was dated by a clock set wrong, since corrected: trusted, it
  // would hold the job back until that date (a purge not run for a year). It runs once now instead.
  const since = recorded > now + FUTURE_RUN_FORGOTTEN_MS && latest !== null ? latest - 1 : recorded;
  const due = latest !== null && latest > since;
  // If the clock went backwards past lastRunAt, occurrences up to lastRunAt are already covered.
  const nextDueAt = nextOccurrence(job.pattern, Math.max(now, since));
  if (!due) return { due: false, scheduledFor: null, missed: 0, nextDueAt };
  return {
    due: true,
    scheduledFor: latest,
    missed: countOccurrences(job.pattern, since, now, MISSED_COUNT_CAP),
    nextDueAt,
  };
}
