import { planReminders } from '../../core/schedule';
import type { Exchange } from '../../core/types';
import { findExchange, listExchanges } from '../../db/repos/exchanges';
import { handledReminderDays, upsertJobState } from '../../db/repos/jobs';
import { reminderRecipients } from '../../db/repos/matches';
import type { Deps } from '../common/deps';
import { nextTurn, sliceTransaction, SLICE_ROWS } from '../common/slices';
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
 * Sends one exchange's reminder to every opted-in, non-withdrawn participant who has a giftee, then
 * records the day as handled. The fan-out is written in slices of a few hundred rows, each its own
 * short transaction, yielding to the event loop between them (10 000 people never freeze the
 * pages), and every slice reads the people as they are then. The outbox keys
 * (`reminder:<exchange>:<days>:<participant>`) make it resumable: a crash mid fan-out leaves the day
 * unhandled, and the next pass queues only those not queued yet.
 */
export async function sendReminder(deps: Deps, work: ReminderWork, now: number): Promise<{ queued: number; skipped: number; noEmail: number; otherWay: number }> {
  const { exchange } = work;
  let queued = 0;
  // People without email get no reminder; the run's counts say how many, and the Jobs screen why.
  let noEmail = 0;
  // Nor do people who learn their giftee at the table, on a card or through someone else: a
  // reminder names the giftee, and would spoil the surprise for them.
  let otherWay = 0;
  if (work.send !== null) {
    const days = work.send;
    let after = 0;
    for (;;) {
      await nextTurn();
      const page = sliceTransaction(deps.db, () => {
        // Drawn no longer (undone, completed, deleted) while the fan-out ran: stop here.
        if (findExchange(deps.db, exchange.id)?.state !== 'matched') return null;
        const people = reminderRecipients(deps.db, exchange.id, after, SLICE_ROWS);
        for (const person of people) {
          if (person.email === '') {
            noEmail++;
            continue;
          }
          if (person.delivery !== 'email') {
            otherWay++;
            continue;
          }
          // Intent only: the remaining time, giftee and link are worked out when it is sent.
          const id = enqueueMail(deps, {
            key: `reminder:${exchange.id}:${days}:${person.id}`,
            kind: 'reminder',
            to: person.email,
            exchangeId: exchange.id,
            participantId: person.id,
            params: { daysBefore: days },
          });
          if (id !== null) queued++;
        }
        return people;
      });
      if (page === null) return { queued, skipped: 0, noEmail, otherWay };
      if (page.length < SLICE_ROWS) break;
      after = page[page.length - 1]!.id;
    }
  }
  await nextTurn();
  deps.db.transaction(() => {
    for (const days of work.skip) markHandled(deps, exchange.id, days, 'skipped', now);
    if (work.send !== null) markHandled(deps, exchange.id, work.send, 'sent', now);
  });
  return { queued, skipped: work.skip.length, noEmail, otherWay };
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
