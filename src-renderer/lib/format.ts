import type { JOB_NAME_LIST, MATCH_MODES, OperationOutput } from '@contract';

export type ExchangeState = OperationOutput<'exchanges.get'>['state'];
export type MatchModeName = (typeof MATCH_MODES)[number];

const STATE_LABELS: Record<ExchangeState, string> = {
  draft: 'Draft',
  registration_open: 'Registration open',
  registration_closed: 'Registration closed',
  matched: 'Names drawn',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export function stateLabel(state: ExchangeState): string {
  return STATE_LABELS[state];
}

/** A tone for the state badge's colour (class `badge--<tone>`). */
export function stateTone(state: ExchangeState): 'neutral' | 'open' | 'closed' | 'done' | 'muted' {
  switch (state) {
    case 'draft':
      return 'neutral';
    case 'registration_open':
      return 'open';
    case 'registration_closed':
      return 'closed';
    case 'matched':
      return 'done';
    case 'completed':
    case 'cancelled':
      return 'muted';
  }
}

const MODE_LABELS: Record<MatchModeName, { label: string; hint: string }> = {
  'single-loop': { label: 'One big circle', hint: 'Everyone is in one circle of presents, so no small groups close off early. The classic way.' },
  'no-mutual': { label: 'No swaps', hint: 'Small circles are fine, but no two people buy presents for each other.' },
  any: { label: 'Anything goes', hint: 'Any draw that respects the rules, small loops and swaps included.' },
};

export function modeLabel(mode: MatchModeName): string {
  return MODE_LABELS[mode].label;
}

export function modeHint(mode: MatchModeName): string {
  return MODE_LABELS[mode].hint;
}

export type JobName = (typeof JOB_NAME_LIST)[number];

const JOB_LABELS: Record<JobName, string> = {
  reminders: 'Reminder emails',
  'auto-complete': 'Complete past exchanges',
  'data-purge': 'Delete old data',
  'token-cleanup': 'Clean up login links',
  'session-cleanup': 'Clean up sessions',
  'rate-limit-cleanup': 'Clean up rate limits',
  'registration-close': 'Close registration',
  'signup-digest': 'Daily sign-up digest',
};

export const JOB_NAMES = Object.keys(JOB_LABELS) as JobName[];

export function jobLabel(job: string): string {
  return (JOB_LABELS as Record<string, string>)[job] ?? job;
}

/**
 * In the upcoming lists an exchange's own jobs are what happens to it: its date, the deletion of
 * its data; the same job names for housekeeping keep their job labels.
 */
export function upcomingLabel(job: { job: string; group: 'exchange' | 'maintenance' }): string {
  if (job.group === 'exchange' && job.job === 'auto-complete') return 'Exchange day';
  if (job.group === 'exchange' && job.job === 'data-purge') return 'Data deleted';
  return jobLabel(job.job);
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * A wall-clock local time as the core sends it (`2026-12-24T18:00`, already in the exchange's
 * zone), written out for people: "Thu 24 Dec 2026, 18:00". No zone conversion happens here.
 */
export function formatLocal(local: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return local;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const instant = Date.UTC(y, mo - 1, d, h, mi);
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(instant));
}

/** An instant (epoch ms) in the given zone, or the computer's: "24 Dec 2026, 18:00". */
export function formatInstant(ms: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone && { timeZone }),
  }).format(new Date(ms));
}

const DAY = 86_400_000;
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number, number]> = [
  ['year', 365 * DAY, 730 * DAY],
  ['month', 30 * DAY, 60 * DAY],
  ['day', DAY, DAY],
  ['hour', 3_600_000, 3_600_000],
  ['minute', 60_000, 60_000],
];

/** "in 3 days", "2 hours ago", "now": for due times and run times. */
export function relativeTime(ms: number, now: number): string {
  const diff = ms - now;
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size, from] of UNITS) {
    if (Math.abs(diff) >= from) return format.format(Math.round(diff / size), unit);
  }
  return diff > 0 ? 'in less than a minute' : 'just now';
}

export function formatBudget(budget: { amount: string; currency: string } | null): string {
  return budget ? `${budget.amount} ${budget.currency}` : 'No budget';
}
