import { DateTime } from 'luxon';

/**
 * How far away the exchange is, in the exchange's own calendar, as of `now`: "in 5 days",
 * "tomorrow", "today at 18:00". Computed when a reminder is sent, never when it was planned, so a
 * reminder delayed by downtime or retries still tells the truth. Null once the exchange started.
 */
export function remainingPhrase(now: number, exchangeAt: number, timezone: string): string | null {
  if (now >= exchangeAt) return null;
  const at = DateTime.fromMillis(exchangeAt, { zone: timezone });
  const today = DateTime.fromMillis(now, { zone: timezone }).startOf('day');
  const days = Math.round(at.startOf('day').diff(today, 'days').days);
  if (days <= 0) return `today at ${at.toFormat('HH:mm')}`;
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}
