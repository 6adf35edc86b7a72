import type { MessageKey, Translator } from '@i18n';
import type { JobName } from './format';
import { currentT } from './i18n';

type Counts = Record<string, number>;

/** Adds up each count over several runs (one run per exchange for per-exchange jobs). */
export function totalCounts(runs: ReadonlyArray<{ counts: Counts }>): Counts {
  const total: Counts = {};
  for (const run of runs) for (const [key, n] of Object.entries(run.counts)) total[key] = (total[key] ?? 0) + n;
  return total;
}

const CLEANED: Partial<Record<JobName, { removed: MessageKey; none: MessageKey }>> = {
  'token-cleanup': { removed: 'parts.jobReport.removedLinks', none: 'parts.jobReport.noLinks' },
  'session-cleanup': { removed: 'parts.jobReport.removedSignIns', none: 'parts.jobReport.noSignIns' },
  'rate-limit-cleanup': { removed: 'parts.jobReport.removedRateLimits', none: 'parts.jobReport.noRateLimits' },
};

/** What a job did, in words, from its counts: "Sent 3 reminders.", "No reminders were due." */
export function runSummary(job: string, counts: Counts, t: Translator = currentT()): string {
  const n = (key: string) => counts[key] ?? 0;
  switch (job) {
    case 'reminders': {
      const sent =
        n('queued') > 0
          ? t.t('parts.jobReport.remindersSent', { count: n('queued') })
          : n('noEmail') + n('otherWay') > 0
            ? t.t('parts.jobReport.noReminderSent')
            : t.t('parts.jobReport.noRemindersDue');
      const more = [
        n('skipped') > 0 ? t.t('parts.jobReport.remindersSkipped', { count: n('skipped') }) : null,
        n('noEmail') > 0 ? t.t('parts.jobReport.remindersNoEmail', { count: n('noEmail') }) : null,
        n('otherWay') > 0 ? t.t('parts.jobReport.remindersOtherWay', { count: n('otherWay') }) : null,
      ].filter((s): s is string => s !== null);
      return [sent, ...more].join(' ');
    }
    case 'registration-close':
      return n('closed') > 0 ? t.t('parts.jobReport.closed', { count: n('closed') }) : t.t('parts.jobReport.noneToClose');
    case 'signup-digest':
      return n('digests') > 0 ? t.t('parts.jobReport.digest', { count: n('signups') }) : t.t('parts.jobReport.noSignups');
    case 'auto-complete':
      return n('completed') > 0 ? t.t('parts.jobReport.completed', { count: n('completed') }) : t.t('parts.jobReport.noneToComplete');
    case 'data-purge': {
      const parts = [
        n('purged') > 0 ? t.t('parts.jobReport.purged', { count: n('purged') }) : null,
        n('warned') > 0 ? t.t('parts.jobReport.warned', { count: n('warned') }) : null,
        n('backupsDeleted') > 0 ? t.t('parts.jobReport.backupsDeleted', { count: n('backupsDeleted') }) : null,
        n('runsPruned') > 0 ? t.t('parts.jobReport.runsPruned', { count: n('runsPruned') }) : null,
      ].filter((p): p is string => p !== null);
      return parts.length > 0 ? parts.join(' ') : t.t('parts.jobReport.nothingOld');
    }
    default: {
      const keys = CLEANED[job as JobName];
      if (!keys) return genericSummary(counts, t);
      return n('deleted') > 0 ? t.t(keys.removed, { count: n('deleted') }) : t.t(keys.none);
    }
  }
}

/** A job this screen has no words for yet: its raw counts ("3 rows done"), as its code names them. */
function genericSummary(counts: Counts, t: Translator): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => t.t('parts.jobReport.genericCount', { count: n, what: key.replace(/([A-Z])/g, ' $1').toLowerCase() }));
  return parts.length > 0 ? t.list(parts) : t.t('parts.jobReport.nothingToDo');
}

export interface RunNowReport {
  tone: 'success' | 'error' | 'info';
  text: string;
}

/**
 * The answer to "Run now": a failure, the server's reason why nothing was due (its `message`), or
 * what the runs did.
 */
export function runNowReport(
  label: string,
  report: { runs: ReadonlyArray<{ outcome: string; error: string | null; job: string; counts: Counts }>; nothingDue: boolean; message: string | null },
  t: Translator = currentT(),
): RunNowReport {
  const { runs } = report;
  const failed = runs.find((r) => r.outcome === 'failed');
  if (failed) return { tone: 'error', text: t.t('parts.jobReport.runFailed', { job: label, error: failed.error ?? t.t('parts.jobReport.seeHistory') }) };
  if (report.nothingDue || runs.length === 0)
    return { tone: 'info', text: t.t('parts.jobReport.runNothingDue', { job: label, message: report.message ?? t.t('parts.jobReport.nothingDue') }) };
  const summary = runSummary(runs[0]!.job, totalCounts(runs), t);
  return { tone: 'success', text: t.t('parts.jobReport.runDone', { job: label, summary }) };
}

/** A run this much after its due instant is late (the scheduler wakes every minute, so less is on time). */
const LATE_AFTER_MS = 5 * 60_000;

/** "late by 3 hours" for a run that started well after it was due (the computer was off), else null. */
export function lateness(run: { scheduledFor: number | null; startedAt: number }, t: Translator = currentT()): string | null {
  if (run.scheduledFor === null) return null;
  const late = run.startedAt - run.scheduledFor;
  if (late < LATE_AFTER_MS) return null;
  const minutes = Math.round(late / 60_000);
  if (minutes < 60) return t.t('parts.jobReport.lateMinutes', { count: minutes });
  const hours = Math.round(late / 3_600_000);
  if (hours < 48) return t.t('parts.jobReport.lateHours', { count: hours });
  return t.t('parts.jobReport.lateDays', { count: Math.round(late / 86_400_000) });
}

/** The result column: the error, and for a failure what was done before it; else what the run did. */
export function runResult(run: { job: string; outcome: string; error: string | null; counts: Counts }, t: Translator = currentT()): string {
  if (run.outcome === 'running') return t.t('parts.jobReport.running');
  if (run.error === null) return runSummary(run.job, run.counts, t);
  if (!Object.values(run.counts).some((n) => n > 0)) return run.error;
  return t.t('parts.jobReport.failedAfter', { error: run.error, summary: runSummary(run.job, run.counts, t) });
}
