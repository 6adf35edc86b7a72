import { DateTime } from 'luxon';

/*
 * luxon's zone arithmetic costs ~0.2 ms (several Intl formatToParts calls) and reminder plans are
 * recomputed on every wake with the same inputs, so recent answers are remembered. The result
 * depends only on the arguments, so this cannot change behaviour.
 */
const DUE_CACHE_LIMIT = 1024;
const dueCache = new Map<string, number>();

/**
 * When the reminder "N days before" an exchange is due: the exchange's local wall-clock time,
 * N calendar days earlier, in the exchange's zone (so 18:00 stays 18:00 across a DST change).
 *
 * Local times that do not exist or exist twice resolve deterministically:
 * - in a spring-forward gap the time is read with the offset in force before the change, i.e.
 *   pushed forward by the gap length (Berlin 02:30 on the change day → 03:30 CEST);
 * - in a fall-back overlap the earlier of the two instants is used (the first 01:30).
 */
export function reminderDueAt(exchangeAt: number, timezone: string, daysBefore: number): number {
  const key = `${timezone}|${exchangeAt}|${daysBefore}`;
  const cached = dueCache.get(key);
  if (cached !== undefined) return cached;
  const dueAt = computeDueAt(exchangeAt, timezone, daysBefore);
  if (dueCache.size >= DUE_CACHE_LIMIT) dueCache.clear();
  dueCache.set(key, dueAt);
  return dueAt;
}

function computeDueAt(exchangeAt: number, timezone: string, daysBefore: number): number {
  if (!Number.isFinite(exchangeAt)) throw new RangeError(`exchangeAt must be a finite instant, got ${exchangeAt}`);
  if (!Number.isSafeInteger(daysBefore) || daysBefore < 0) {
    throw new RangeError(`daysBefore must be a non-negative integer, got ${daysBefore}`);
  }
  const exchange = DateTime.fromMillis(exchangeAt, { zone: timezone });
  if (!exchange.isValid) throw new RangeError(`Unknown time zone "${timezone}"`);
  if (daysBefore === 0) return exchangeAt;
  // luxon keeps the wall time and already applies the gap rule above.
  const local = exchange.minus({ days: daysBefore });
  if (!local.isValid) throw new RangeError(`Reminder ${daysBefore} days before ${exchangeAt} is out of range`);
  // In an overlap luxon keeps the exchange's own offset; normalise to the earlier instant.
  const candidates = local.getPossibleOffsets().map((candidate) => candidate.toMillis());
  return Math.min(local.toMillis(), ...candidates);
}

/** Valid reminder days: whole days ≥ 1, without duplicates, most days first (= earliest first). */
export function normalizeReminderDays(days: readonly number[]): number[] {
  const valid = days.filter((day) => Number.isSafeInteger(day) && day >= 1);
  return [...new Set(valid)].sort((a, b) => b - a);
}

export interface ReminderPlanInput {
  exchangeAt: number;
  timezone: string;
  reminderDays: readonly number[];
  /** Reminder days already sent or recorded as skipped; they are never planned again. */
  sent: ReadonlyArray<{ daysBefore: number }>;
}

export interface ReminderPlan {
  /** daysBefore of the one reminder to send now, or null. */
  send: number | null;
  /** Missed reminders to record as skipped, earliest due first. */
  skip: number[];
  /** The earliest reminder still to come (not yet due), or null. */
  next: { daysBefore: number; dueAt: number } | null;
}

interface Pending {
  daysBefore: number;
  dueAt: number;
}

/**
 * Which reminders of one exchange to send "as of now". Of the reminders that came due and were
 * not handled, only the latest is sent, and only while the exchange is still in the future;
 * the others are skipped, so a long downtime produces one reminder, never a burst.
 */
export function planReminders(input: ReminderPlanInput, now: number): ReminderPlan {
  const handled = new Set(input.sent.map((entry) => entry.daysBefore));
  const pending: Pending[] = normalizeReminderDays(input.reminderDays)
    .filter((day) => !handled.has(day))
    .map((day) => ({ daysBefore: day, dueAt: reminderDueAt(input.exchangeAt, input.timezone, day) }))
    // Ties (only where a zone skipped a whole day) go to the reminder with more days first.
    .sort((a, b) => a.dueAt - b.dueAt || b.daysBefore - a.daysBefore);

  const missed = pending.filter((entry) => entry.dueAt <= now);
  const latest = missed.at(-1);
  const sendable = latest !== undefined && now < input.exchangeAt && latest.dueAt < input.exchangeAt;
  const send = sendable ? latest.daysBefore : null;
  const skip = missed.filter((entry) => entry.daysBefore !== send).map((entry) => entry.daysBefore);

  // A reminder due at or after the exchange can never be sent; it is skipped once it comes due.
  const upcoming = pending.find((entry) => entry.dueAt > now && entry.dueAt < input.exchangeAt);
  const next = upcoming === undefined ? null : { daysBefore: upcoming.daysBefore, dueAt: upcoming.dueAt };
  return { send, skip, next };
}
