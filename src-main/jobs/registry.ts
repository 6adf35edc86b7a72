import type { JobName, RecurringJobName } from '../core/schedule';
import type { Deps } from '../services/common/deps';
import { cleanupRateLimits, cleanupSessions, cleanupTokens } from '../services/jobs/cleanup';
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

const ok = async (counts: Counts | Promise<Counts>) => ({ counts: await counts, outcome: 'ok' as const });

/** What each recurring job does: a service call "as of now", safe to repeat. */
export const RECURRING_WORK: Record<RecurringJobName, (deps: Deps, now: number) => Counts | Promise<Counts>> = {
  'token-cleanup': (deps, now) => cleanupTokens(deps, now),
  'auto-complete': (deps, now) => completeDueExchanges(deps, now),
  'data-purge': (deps, now) => runDataPurge(deps, now),
  'session-cleanup': (deps, now) => cleanupSessions(deps, now),
  'rate-limit-cleanup': (deps, now) => cleanupRateLimits(deps, now),
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
      scheduledFor: null,
      run: async () => {
        const result = sendReminder(deps, work, now);
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
