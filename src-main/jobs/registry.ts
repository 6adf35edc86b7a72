import { reminderDueAt, type JobName, type RecurringJobName } from '../core/schedule';
import type { Deps } from '../services/common/deps';
import { cleanupRateLimits, cleanupSessions, cleanupTokens } from '../services/jobs/cleanup';
import { sendSignupDigest } from '../services/jobs/digest';
import { closeDueRegistrations, completeDueExchanges } from '../services/jobs/lifecycle';
import { runDataPurge } from '../services/jobs/purge';
import { dueReminders, sendReminder } from '../services/jobs/reminders';
import { exchangesForJobs } from '../services/jobs/job-log';

export type Counts = Record<string, number>;

/** One unit of due work: a recurring job, or a job for one exchange. */
export interface DueUnit {
  job: JobName;
  jobKey: string;
  exchangeId: number | null;
  scheduledFor: number | null;
  /** `skipped` when the unit only records missed reminders. */
  run(): Promise<{ counts: Counts; outcome: 'ok' | 'skipped' }>;
}

/**
 * A job that failed part-way: what it had done before the failure, so the log does not say
 * "nothing" about work (a purge, a warning) that did happen.
 */
export class PartialJobError extends Error {
  readonly counts: Counts;

  constructor(cause: unknown, counts: Counts) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.counts = counts;
  }
}

/**
 * The data purge warns and deletes inside the service, then takes the backup; when the backup
 * fails the service's own counts are lost with the exception. Compared with the exchanges before
 * the run, the rows tell what it had done: exchanges gone were purged, exchanges whose warning
 * instant became this run's were warned. (Pruned history lines and deleted backups are not
 * visible this way and are left out rather than guessed.)
 */
async function purgeRecordingProgress(deps: Deps, now: number): Promise<Counts> {
  const before = new Map(exchangesForJobs(deps).map((e) => [e.id, e.purgeWarnedAt]));
  try {
    return await runDataPurge(deps, now);
  } catch (error) {
    const after = new Map(exchangesForJobs(deps).map((e) => [e.id, e.purgeWarnedAt]));
    let purged = 0;
    let warned = 0;
    for (const [id, warnedAt] of before) {
      if (!after.has(id)) purged++;
      else if (warnedAt === null && after.get(id) === now) warned++;
    }
    throw new PartialJobError(error, { warned, purged });
  }
}

const ok = async (counts: Counts | Promise<Counts>) => ({ counts: await counts, outcome: 'ok' as const });

/** What each recurring job does: a service call "as of now", safe to repeat. */
export const RECURRING_WORK: Record<RecurringJobName, (deps: Deps, now: number) => Counts | Promise<Counts>> = {
  'token-cleanup': (deps, now) => cleanupTokens(deps, now),
  'auto-complete': (deps, now) => completeDueExchanges(deps, now),
  'data-purge': (deps, now) => purgeRecordingProgress(deps, now),
  'session-cleanup': (deps, now) => cleanupSessions(deps, now),
  'rate-limit-cleanup': (deps, now) => cleanupRateLimits(deps, now),
  'signup-digest': (deps, now) => sendSignupDigest(deps, now),
};

/**
 * Per-exchange work due now, in the order catch-up needs: registration closes, then reminders
 * (only the latest missed one, and none after the date), then exchanges whose date passed complete.
 */
export function exchangeUnits(deps: Deps, now: number): DueUnit[] {
  const units: DueUnit[] = [];
  for (const e of exchangesForJobs(deps)) {
    if (e.state === 'registration_open' && e.registrationDeadlineAt !== null && e.registrationDeadlineAt <= now) {
      units.push({
        job: 'registration-close',
        jobKey: `registration-close:${e.id}`,
        exchangeId: e.id,
        scheduledFor: e.registrationDeadlineAt,
        run: () => ok(closeDueRegistrations(deps, now, e.id)),
      });
    }
  }
  for (const work of dueReminders(deps, now)) {
    const days = work.send ?? work.skip[work.skip.length - 1]!;
    units.push({
      job: 'reminders',
      jobKey: `reminder:${work.exchange.id}:${days}`,
      exchangeId: work.exchange.id,
      // The reminder's own instant, so the log tells a late one (sent after downtime) from an on-time one.
      scheduledFor: reminderDueAt(work.exchange.exchangeAt, work.exchange.timezone, days),
      run: async () => {
        const result = await sendReminder(deps, work, now);
        return { counts: { ...result, daysBefore: days }, outcome: work.send === null ? 'skipped' : 'ok' };
      },
    });
  }
  for (const e of exchangesForJobs(deps)) {
    if (e.state === 'matched' && e.exchangeAt <= now) {
      units.push({
        job: 'auto-complete',
        jobKey: `auto-complete:${e.id}`,
        exchangeId: e.id,
        scheduledFor: e.exchangeAt,
        run: () => ok(completeDueExchanges(deps, now, e.id)),
      });
    }
  }
  return units;
}
