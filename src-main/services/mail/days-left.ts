import { DateTime } from 'luxon';

/**
 * Calendar days from `now` to the exchange's day in its own zone (0 = today, 1 = tomorrow), or
 * null once it has started. The reminder words it in the reader's language ("in 5 days").
 */
export function daysUntil(now: number, exchangeAt: number, timezone: string): number | null {
  if (now >= exchangeAt) return null;
  let at = DateTime.fromMillis(exchangeAt, { zone: timezone });
  let today = DateTime.fromMillis(now, { zone: timezone });
  // An unknown zone counts in UTC rather than failing the reminder.
  if (!at.isValid || !today.isValid) {
    at = DateTime.fromMillis(exchangeAt, { zone: 'UTC' });
    today = DateTime.fromMillis(now, { zone: 'UTC' });
  }
  return Math.max(0, Math.round(at.startOf('day').diff(today.startOf('day'), 'days').days));
}

/** A batch of reminders asks the same question again and again; luxon's zones are costly. */
let last: { key: string; days: number | null } | null = null;

export function cachedDaysUntil(now: number, exchangeAt: number, timezone: string): number | null {
  const key = `${now}|${exchangeAt}|${timezone}`;
  if (last?.key !== key) last = { key, days: daysUntil(now, exchangeAt, timezone) };
  return last.days;
}
