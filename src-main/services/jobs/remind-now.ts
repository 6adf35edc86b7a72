import { calendarDaysBetween, normalizeReminderDays, reminderDueAt } from '../../core/schedule';
import { DomainError, notFound } from '../../core/errors';
import { getExchange } from '../../db/repos/exchanges';
import type { Deps } from '../common/deps';
import { sendReminder } from './reminders';
import { handledReminderDays, recordJobEnd, recordJobStart, type JobRun } from './job-log';

/**
 * "Send reminder now" for one exchange: the reminder email, with the days really left, to every
 * participant who keeps reminders on, logged like a job run (with no due instant: nobody
 * scheduled it). Pressed twice on the same day it sends nothing new: the outbox key
 * (`reminder:<exchange>:<days left>:<participant>`) is the same. A planned reminder for the
 * same number of days is then treated as sent, so nobody gets it twice, and planned ones already
 * past (missed while the computer was off) are skipped rather than sent after it.
 */
export async function sendReminderNow(deps: Deps, exchangeId: number): Promise<JobRun> {
  const now = deps.clock.now();
  const exchange = getExchange(deps.db, exchangeId);
  if (!exchange) throw notFound('exchange');
  if (exchange.state !== 'matched') throw new DomainError('invalid_state', { key: 'error.remind.notDrawn' });
  if (exchange.exchangeAt <= now) throw new DomainError('invalid_state', { key: 'error.remind.past' });
  const daysLeft = Math.max(0, calendarDaysBetween(now, exchange.exchangeAt, exchange.timezone));
  // Planned reminders already past and not yet sent are superseded by this one, not sent after it.
  const handled = new Set(handledReminderDays(deps).get(exchange.id) ?? []);
  const skip = normalizeReminderDays(exchange.reminderDays).filter(
    (days) => days !== daysLeft && !handled.has(days) && reminderDueAt(exchange.exchangeAt, exchange.timezone, days) <= now,
  );
  const run = { job: 'reminders', jobKey: `reminder:${exchange.id}:${daysLeft}:now`, exchangeId: exchange.id, scheduledFor: null, startedAt: now };
  const id = recordJobStart(deps, run);
  let counts: Record<string, number>;
  try {
    counts = { ...(await sendReminder(deps, { exchange, send: daysLeft, skip }, now)), daysBefore: daysLeft };
  } catch (error) {
    // What was queued stays (a second press queues the rest, by the same keys); the log says it failed, not "running".
    recordJobEnd(deps, id, { finishedAt: deps.clock.now(), outcome: 'failed', counts: {}, error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  const finishedAt = deps.clock.now();
  recordJobEnd(deps, id, { finishedAt, outcome: 'ok', counts, error: null });
  deps.events.emit({ type: 'jobs.changed' });
  return { id, ...run, finishedAt, outcome: 'ok', counts, error: null };
}
