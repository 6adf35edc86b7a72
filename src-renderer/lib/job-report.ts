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
      const missed = n('skipped') > 0 ? ` ${plural(n('skipped'), 'missed reminder was', 'missed reminders were')} skipped: ${n('skipped') === 1 ? 'it was' : 'they were'} due while the computer was off.` : '';
      return n('queued') > 0 ? `Sent ${plural(n('queued'), 'reminder', 'reminders')}.${missed}` : `No reminders were due.${missed}`;
    }
    case 'registration-close':
      return n('closed') > 0 ? `Closed registration of ${plural(n('closed'), 'exchange', 'exchanges')}.` : 'No registration was due to close.';
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

/** The answer to "Run now": a failure, "Nothing was due", or what the runs did. */
export function runNowReport(label: string, runs: ReadonlyArray<{ outcome: string; error: string | null; job: string; counts: Counts }>): RunNowReport {
  const failed = runs.find((r) => r.outcome === 'failed');
  if (failed) return { tone: 'error', text: `${label} failed: ${failed.error ?? 'see the history below'}` };
  if (runs.length === 0) return { tone: 'info', text: `${label}: nothing was due.` };
  const summary = runSummary(runs[0]!.job, totalCounts(runs));
  return { tone: 'success', text: `${label}: ${summary.charAt(0).toLowerCase()}${summary.slice(1)}` };
}
