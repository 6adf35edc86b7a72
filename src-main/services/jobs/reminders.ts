import { planReminders } from '../../core/schedule';
import type { Exchange } from '../../core/types';
import { listExchanges } from '../../db/repos/exchanges';
import { handledReminderDays, upsertJobState } from '../../db/repos/jobs';
import { loadMatches } from '../../db/repos/matches';
import type { Deps } from '../common/deps';
import { activeParticipants } from '../draw/problem';
import { enqueueMail } from '../mail/outbox';

export interface ReminderWork {
  exchange: Exchange;
  send: number | null;
  skip: number[];
}

/** What the reminders job would do now, per matched exchange (only the latest missed one is sent). */
export function dueReminders(deps: Deps, now: number): ReminderWork[] {
  const handled = handledReminderDays(deps.db);
  const out: ReminderWork[] = [];
  for (const exchange of listExchanges(deps.db)) {
    if (exchange.state !== 'matched') continue;
    const sent = (handled.get(exchange.id) ?? []).map((daysBefore) => ({ daysBefore }));
    try {
      const plan = planReminders({ exchangeAt: exchange.exchangeAt, timezone: exchange.timezone, reminderDays: exchange.reminderDays, sent }, now);
      if (plan.send !== null || plan.skip.length > 0) out.push({ exchange, send: plan.send, skip: plan.skip });
    } catch (error) {
      // One exchange this runtime cannot plan (e.g. a zone its ICU data lacks) must not stop the others.
      deps.log.warn('cannot plan reminders for an exchange', { exchangeId: exchange.id, error });
    }
  }
  return out;
}

/**
 * Sends one exchange's reminder to every opted-in, non-withdrawn participant, and records the day
 * as handled, in one transaction: a crash mid fan-out leaves nothing half-done, and the outbox
 * keys (`reminder:<exchange>:<days>:<participant>`) make a second run a no-op.
 */
export function sendReminder(deps: Deps, work: ReminderWork, now: number): { queued: number; skipped: number } {
  return deps.db.transaction(() => {
    const { exchange } = work;
    for (const days of work.skip) markHandled(deps, exchange.id, days, 'skipped', now);
    if (work.send === null) return { queued: 0, skipped: work.skip.length };
    const people = activeParticipants(deps, exchange.id);
    const byId = new Map(people.map((p) => [p.id, p]));
    const receiverOf = new Map(loadMatches(deps.db, exchange.id));
    let queued = 0;
    for (const person of people) {
      const receiver = byId.get(receiverOf.get(person.id) ?? -1);
      if (!person.remindersEnabled || !receiver) continue;
      // Intent only: the remaining time, giftee and link are worked out when it is sent.
      const id = enqueueMail(deps, {
        key: `reminder:${exchange.id}:${work.send}:${person.id}`,
        kind: 'reminder',
        to: person.email,
        exchangeId: exchange.id,
        participantId: person.id,
        params: { daysBefore: work.send },
      });
      if (id !== null) queued++;
    }
    markHandled(deps, exchange.id, work.send, 'sent', now);
    return { queued, skipped: work.skip.length };
  });
}

function markHandled(deps: Deps, exchangeId: number, days: number, outcome: 'sent' | 'skipped', now: number): void {
  upsertJobState(deps.db, {
    jobKey: `reminder:${exchangeId}:${days}`,
    job: 'reminders',
    exchangeId,
    dueAt: null,
    lastRunAt: now,
    lastOutcome: outcome,
    updatedAt: now,
  });
}
