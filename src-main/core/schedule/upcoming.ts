import type { JobName } from './job-names';
import { purgeDueAt } from './purge';
import { RECURRING_JOBS } from './recurring';
import { normalizeReminderDays, planReminders, reminderDueAt } from './reminders';

export interface UpcomingExchange {
  id: number;
  name: string;
  /** Exchange state name ('matched', 'registration_open', …). */
  state: string;
  exchangeAt: number;
  timezone: string;
  reminderDays: readonly number[];
  registrationDeadlineAt: number | null;
  /** Reminder days already sent or skipped. */
  handledReminderDays: readonly number[];
  /** When it was completed or cancelled (its data is deleted `retentionDays` later); null while it runs. */
  endedAt: number | null;
  purgeWarnedAt: number | null;
}

export interface UpcomingInput {
  recurring: ReadonlyArray<{ job: JobName; nextDueAt: number }>;
  exchanges: readonly UpcomingExchange[];
  /** The organizer's setting: days an ended exchange is kept. */
  retentionDays: number;
}

/** `exchange`: what the organizer cares about; `maintenance`: the app's own housekeeping. */
export type JobGroup = 'exchange' | 'maintenance';

export interface UpcomingJob {
  job: JobName;
  group: JobGroup;
  exchangeId: number | null;
  exchangeName: string | null;
  /** May be ≤ now: due and about to run on the next wake. */
  dueAt: number;
  /** Short English detail, e.g. "7 days before" or "hourly". */
  detail: string;
}

const GROUP_ORDER: Record<JobGroup, number> = { exchange: 0, maintenance: 1 };

function compare<T extends number | string>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function daysBeforeLabel(days: number): string {
  return days === 1 ? '1 day before' : `${days} days before`;
}

function exchangeJobs(exchange: UpcomingExchange, now: number, retentionDays: number): UpcomingJob[] {
  const base = { exchangeId: exchange.id, exchangeName: exchange.name, group: 'exchange' as const };
  if ((exchange.state === 'completed' || exchange.state === 'cancelled') && exchange.endedAt !== null) {
    // The daily data-purge deletes it at its first run at or after this instant (after the warning).
    const dueAt = purgeDueAt({ completedAt: exchange.endedAt, retentionDays, warningSentAt: exchange.purgeWarnedAt }, now);
    return [{ ...base, job: 'data-purge', dueAt, detail: 'planned deletion of its data' }];
  }
  if (exchange.state === 'registration_open' && exchange.registrationDeadlineAt !== null) {
    return [{ ...base, job: 'registration-close', dueAt: exchange.registrationDeadlineAt, detail: 'registration deadline' }];
  }
  if (exchange.state !== 'matched') return [];

  const jobs: UpcomingJob[] = [{ ...base, job: 'auto-complete', dueAt: exchange.exchangeAt, detail: 'exchange date' }];
  const { exchangeAt, timezone } = exchange;
  const reminder = (daysBefore: number, dueAt: number): UpcomingJob => ({
    ...base,
    job: 'reminders',
    dueAt,
    detail: daysBeforeLabel(daysBefore),
  });
  // Show what catch-up will really do: the one reminder it sends now (missed ones are skipped).
  const sent = exchange.handledReminderDays.map((daysBefore) => ({ daysBefore }));
  const plan = planReminders({ exchangeAt, timezone, reminderDays: exchange.reminderDays, sent }, now);
  if (plan.send !== null) jobs.push(reminder(plan.send, reminderDueAt(exchangeAt, timezone, plan.send)));
  const settled = new Set([...exchange.handledReminderDays, ...plan.skip, plan.send]);
  for (const daysBefore of normalizeReminderDays(exchange.reminderDays)) {
    if (settled.has(daysBefore)) continue;
    const dueAt = reminderDueAt(exchangeAt, timezone, daysBefore);
    if (dueAt > now && dueAt < exchangeAt) jobs.push(reminder(daysBefore, dueAt));
  }
  return jobs;
}

/**
 * The next `limit` jobs for the tray and the Jobs page, what the organizer cares about first
 * (per-exchange reminders and the exchange date for matched exchanges, registration close for
 * open exchanges with a deadline, the planned deletion of ended ones), then the housekeeping
 * (recurring jobs at their next due time); each group in due order. An hourly cleanup is always
 * sooner than tomorrow's reminder, and a tray that shows five lines must not fill them with it.
 */
export function upcomingJobs(input: UpcomingInput, now: number, limit: number): UpcomingJob[] {
  if (limit <= 0) return [];
  const recurring = input.recurring.map(({ job, nextDueAt }): UpcomingJob => ({
    job,
    group: 'maintenance',
    exchangeId: null,
    exchangeName: null,
    dueAt: nextDueAt,
    detail: RECURRING_JOBS.find((entry) => entry.job === job)?.summary ?? '',
  }));
  const all = [...recurring, ...input.exchanges.flatMap((exchange) => exchangeJobs(exchange, now, input.retentionDays))];
  // Deterministic order for equal due times: by exchange id, then job name.
  all.sort(
    (a, b) =>
      compare(GROUP_ORDER[a.group], GROUP_ORDER[b.group]) ||
      a.dueAt - b.dueAt ||
      compare(a.exchangeId ?? -1, b.exchangeId ?? -1) ||
      compare(a.job, b.job) ||
      compare(a.detail, b.detail),
  );
  return all.slice(0, limit);
}
