import { DateTime } from 'luxon';
import { HOUR_MS, MINUTE_MS } from './job-names';

function startOfLocalDay(at: number, timezone: string): DateTime {
  const local = DateTime.fromMillis(at, { zone: timezone });
  if (!local.isValid) throw new RangeError(`Unknown time zone "${timezone}"`);
  return local.startOf('day');
}

/** Whole calendar days from `now`'s local date to `dueAt`'s local date, in `timezone`. */
export function calendarDaysBetween(now: number, dueAt: number, timezone: string): number {
  const days = startOfLocalDay(dueAt, timezone).diff(startOfLocalDay(now, timezone), 'days').days;
  return Math.round(days);
}

/**
 * A due time in words for the tray and the admin UI ("in 5 minutes", "in 2 hours", "tomorrow",
 * "in 3 days"), localised with Intl.RelativeTimeFormat:
 * - more than a minute late → `overdueLabel` (Intl has no word for it; pass a translation);
 * - within a minute either way → "now";
 * - under an hour → minutes; later today or under 12 hours → hours;
 * - otherwise calendar days in `timezone` ("tomorrow" is tomorrow's date, whatever the hour).
 */
export function humanDue(dueAt: number, now: number, locale: string, timezone: string, overdueLabel = 'overdue'): string {
  const diff = dueAt - now;
  if (diff <= -MINUTE_MS) return overdueLabel;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (diff < MINUTE_MS) return format.format(0, 'second');
  if (diff < HOUR_MS) return format.format(Math.min(59, Math.max(1, Math.round(diff / MINUTE_MS))), 'minute');
  const days = calendarDaysBetween(now, dueAt, timezone);
  if (days === 0 || diff < 12 * HOUR_MS) return format.format(Math.max(1, Math.round(diff / HOUR_MS)), 'hour');
  return format.format(days, 'day');
}
