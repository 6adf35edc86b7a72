import type { Exchange } from '../../core/types';
import { listExchanges } from '../../db/repos/exchanges';
import * as repo from '../../db/repos/jobs';
import type { Deps } from '../common/deps';

/**
 * The scheduler's memory, as services: when each job is next due, what it last did, and the run
 * log the Jobs screen shows. The scheduler (src-main/jobs) decides when; these read and record.
 */
export type JobRun = repo.JobRun;
export type JobState = repo.JobState;

export const exchangesForJobs = (deps: Deps): Exchange[] => listExchanges(deps.db);
export const jobStates = (deps: Deps): Map<string, JobState> => repo.getJobStates(deps.db);
export const saveJobState = (deps: Deps, state: JobState): void => repo.upsertJobState(deps.db, state);
export const handledReminderDays = (deps: Deps): Map<number, number[]> => repo.handledReminderDays(deps.db);
export const listJobRuns = (deps: Deps, filter: { limit: number; job?: string }): JobRun[] => repo.listJobRuns(deps.db, filter);

/** Runs left "running" by a process that died are closed as interrupted. */
export const closeInterruptedRuns = (deps: Deps): number => repo.closeInterruptedRuns(deps.db, deps.clock.now());

/**
 * The run log's rows commit without waiting for the disk (`syncLater`): they are the Jobs screen's
 * record, not what decides whether a job runs again (that is the job state, and the job's own
 * writes, committed in full), and the next full commit syncs them anyway. A catch-up writes two
 * per unit, and two fsyncs per unit on the event loop were most of its longest pause.
 */
export function recordJobStart(deps: Deps, run: { job: string; jobKey: string; exchangeId: number | null; scheduledFor: number | null; startedAt: number }): number {
  return deps.db.transaction(() => repo.startJobRun(deps.db, run), { syncLater: true });
}

export function recordJobEnd(deps: Deps, id: number, result: { finishedAt: number; outcome: JobRun['outcome']; counts: Record<string, number>; error: string | null }): void {
  deps.db.transaction(() => repo.finishJobRun(deps.db, id, result), { syncLater: true });
}

/** Why "Run now" ran nothing, in words; the per-exchange jobs are the only ones that can be "not due". */
const NOTHING_DUE: Partial<Record<string, string>> = {
  reminders: 'No reminder is due right now: each goes out on its day before the exchange date. "Send reminder now" on the Jobs page sends one early.',
  'registration-close': 'No registration is due to close: no open exchange has a deadline that has passed.',
};

/** The answer of "Run now" / "Run due jobs now": the runs, and a sentence when there were none. */
export function runReport(runs: JobRun[], job: string | null): { runs: JobRun[]; nothingDue: boolean; message: string | null } {
  if (runs.length > 0) return { runs, nothingDue: false, message: null };
  return { runs, nothingDue: true, message: (job && NOTHING_DUE[job]) ?? 'Nothing was due: every job is up to date.' };
}
