import { planRecurring, planReminders } from '../../../../src-main/core/schedule';

/** Test helpers: replay the scheduler's decisions over a sequence of wake-ups. */

export interface ReminderExchange {
  exchangeAt: number;
  timezone: string;
  reminderDays: readonly number[];
}

export interface ReminderLog {
  sent: Array<{ daysBefore: number; at: number }>;
  skipped: Array<{ daysBefore: number; at: number }>;
  /** Reminders sent at each wake (the scheduler may send at most one). */
  sendsPerWake: number[];
}

/** Returns a step function (one wake) and the log it fills; the step returns the next due time. */
export function reminderReplay(exchange: ReminderExchange): { log: ReminderLog; wake: (now: number) => number | null } {
  const log: ReminderLog = { sent: [], skipped: [], sendsPerWake: [] };
  const wake = (now: number): number | null => {
    const handled = [...log.sent, ...log.skipped];
    const plan = planReminders({ ...exchange, sent: handled }, now);
    if (plan.send !== null) log.sent.push({ daysBefore: plan.send, at: now });
    for (const daysBefore of plan.skip) log.skipped.push({ daysBefore, at: now });
    log.sendsPerWake.push(plan.send === null ? 0 : 1);
    return plan.next?.dueAt ?? null;
  };
  return { log, wake };
}

export interface RecurringRun {
  at: number;
  scheduledFor: number;
  missed: number;
}

export function recurringReplay(pattern: string, createdAt: number, record: 'now' | 'scheduledFor' = 'now'): { runs: RecurringRun[]; wake: (now: number) => number } {
  const runs: RecurringRun[] = [];
  let lastRunAt: number | null = null;
  const wake = (now: number): number => {
    const plan = planRecurring({ pattern, lastRunAt, createdAt }, now);
    if (plan.due && plan.scheduledFor !== null) {
      runs.push({ at: now, scheduledFor: plan.scheduledFor, missed: plan.missed });
      lastRunAt = record === 'now' ? now : plan.scheduledFor;
    }
    return plan.nextDueAt;
  };
  return { runs, wake };
}

/**
 * Drives `wake` like the real scheduler while the app is up during each [from, to] interval:
 * at the start (launch), then every `tick` ms, and exactly at the due time it reports.
 */
export function runWhileUp(intervals: ReadonlyArray<readonly [number, number]>, tick: number, wake: (now: number) => number | null): void {
  for (const [from, to] of intervals) {
    let now = from;
    while (now <= to) {
      const due = wake(now);
      const next = now + tick;
      now = due !== null && due > now && due < next ? due : next;
    }
  }
}
