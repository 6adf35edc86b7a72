import { plural, type JobName } from './format';

type Counts = Record<string, number>;

/** Adds up each count over several runs (one run per exchange for per-exchange jobs). */
export function totalCounts(runs: ReadonlyArray<{ counts: Counts }>): Counts {
  const total: Counts = {};
  for (const run of runs) for (const [key, n] of Object.entries(run.counts)) total[key] = (total[key] ?? 0) + n;
  return total;
}

const CLEANED: Partial<Record<JobName, [string, string]>> = {
  'token-cleanup': ['expired login link', 'expired login links'],
  'session-cleanup': ['expired sign-in', 'expired sign-ins'],
  'rate-limit-cleanup': ['old rate-limit record', 'old rate-limit records'],
};

/** What a job did, in words, from its counts: "Sent 3 reminders", "No reminders were due". */
export function runSummary(job: string, counts: Counts): string {
  const n = (key: string) => counts[key] ?? 0;
  switch (job) {
    case 'reminders': {
      const missed =
        n('skipped') > 0
          ? ` ${plural(n('skipped'), 'missed reminder was', 'missed reminders were')} skipped: ${n('skipped') === 1 ? 'it was' : 'they were'} due while the computer was off.`
          : '';
      const noEmail = n('noEmail') > 0 ? ` ${plural(n('noEmail'), 'person without email got', 'people without email got')} no reminder: there is no address to send it to.` : '';
      const otherWay =
        n('otherWay') > 0
          ? ` ${plural(n('otherWay'), 'person who learns their giftee', 'people who learn their giftee')} at the table, on a card or through someone else got no reminder, so the surprise stays.`
          : '';
      const sent =
        n('queued') > 0 ? `Sent ${plural(n('queued'), 'reminder', 'reminders')}.` : n('noEmail') + n('otherWay') > 0 ? 'No reminder was sent.' : 'No reminders were due.';
      return sent + missed + noEmail + otherWay;
    }
    case 'registration-close':
      return n('closed') > 0 ? `Closed registration of ${plural(n('closed'), 'exchange', 'exchanges')}.` : 'No registration was due to close.';
    case 'signup-digest':
      return n('digests') > 0 ? `Emailed you ${plural(n('signups'), 'new sign-up', 'new sign-ups')} in one digest.` : 'No new sign-ups to report.';
    case 'auto-complete':
      return n('completed') > 0 ? `Marked ${plural(n('completed'), 'exchange', 'exchanges')} as completed.` : 'No exchange was due to complete.';
    case 'data-purge': {
      const parts = [
        n('purged') > 0 ? `deleted ${plural(n('purged'), 'old exchange', 'old exchanges')}` : null,
        n('warned') > 0 ? `warned you about ${plural(n('warned'), 'exchange', 'exchanges')} due for deletion` : null,
        n('backupsDeleted') > 0 ? `removed ${plural(n('backupsDeleted'), 'old backup', 'old backups')}` : null,
        n('runsPruned') > 0 ? `tidied ${plural(n('runsPruned'), 'old history line', 'old history lines')}` : null,
      ].filter((p): p is string => p !== null);
      return parts.length > 0 ? `${capitalise(parts.join(', '))}.` : 'Nothing was old enough to delete.';
    }
    default: {
      const words = CLEANED[job as JobName];
      if (!words) return genericSummary(counts);
      return n('deleted') > 0 ? `Removed ${plural(n('deleted'), words[0], words[1])}.` : `No ${words[1]} to remove.`;
    }
  }
}

function genericSummary(counts: Counts): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${n} ${key.replace(/([A-Z])/g, ' $1').toLowerCase()}`);
  return parts.length > 0 ? capitalise(`${parts.join(', ')}.`) : 'Nothing to do.';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
): RunNowReport {
  const { runs } = report;
  const failed = runs.find((r) => r.outcome === 'failed');
  if (failed) return { tone: 'error', text: `${label} failed: ${failed.error ?? 'see the history below'}` };
  if (report.nothingDue || runs.length === 0) return { tone: 'info', text: `${label}: ${report.message ?? 'nothing was due.'}` };
  const summary = runSummary(runs[0]!.job, totalCounts(runs));
  return { tone: 'success', text: `${label}: ${summary.charAt(0).toLowerCase()}${summary.slice(1)}` };
}

/** A run this much after its due instant is late (the scheduler wakes every minute, so less is on time). */
const LATE_AFTER_MS = 5 * 60_000;

/** "3 hours", "2 days", "12 minutes": how late a run started. */
export function durationWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return plural(minutes, 'minute', 'minutes');
  const hours = Math.round(ms / 3_600_000);
  if (hours < 48) return plural(hours, 'hour', 'hours');
  return plural(Math.round(ms / 86_400_000), 'day', 'days');
}

/** "late by 3 hours" for a run that started well after it was due (the computer was off), else null. */
export function lateness(run: { scheduledFor: number | null; startedAt: number }): string | null {
  if (run.scheduledFor === null) return null;
  const late = run.startedAt - run.scheduledFor;
  return late >= LATE_AFTER_MS ? `late by ${durationWords(late)}` : null;
}

/** The result column: the error, and for a failure what was done before it; else what the run did. */
export function runResult(run: { job: string; outcome: string; error: string | null; counts: Counts }): string {
  if (run.outcome === 'running') return 'Running…';
  if (run.error === null) return runSummary(run.job, run.counts);
  const done = Object.values(run.counts).some((n) => n > 0) ? ` Done before the failure: ${runSummary(run.job, run.counts)}` : '';
  return `${run.error}${done}`;
}
