import { DateTime } from 'luxon';

/**
 * Display formatting for participant pages. Every instant is shown in the exchange's timezone
 * (never the server's or the browser's), with the zone named so nobody guesses.
 */

const LOCALE = 'en-GB';

function inZone(at: number, timezone: string): DateTime {
  const dt = DateTime.fromMillis(at, { zone: timezone, locale: LOCALE });
  // An unknown zone must not blank the page; fall back to UTC and say so.
  return dt.isValid ? dt : DateTime.fromMillis(at, { zone: 'UTC', locale: LOCALE });
}

function zoneName(dt: DateTime): string {
  return dt.zoneName ?? 'UTC';
}

/**
 * Pages show the same few instants (an exchange's date and deadline) over and over, and zone
 * arithmetic is the costliest part of rendering them: results are kept, up to a bound.
 */
function remembered(format: (at: number, timezone: string) => string): (at: number, timezone: string) => string {
  const cache = new Map<string, string>();
  return (at, timezone) => {
    const key = `${at}|${timezone}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = format(at, timezone);
      if (cache.size >= 2000) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}

/** "Saturday 19 December 2026 at 18:00 (Europe/Berlin)" */
export const formatDateTime = remembered((at, timezone) => {
  const dt = inZone(at, timezone);
  return `${dt.toFormat("cccc d LLLL yyyy 'at' HH:mm")} (${zoneName(dt)})`;
});

/** "Saturday 19 December 2026" */
export const formatDate = remembered((at, timezone) => inZone(at, timezone).toFormat('cccc d LLLL yyyy'));

/** Machine-readable value for `<time datetime>`, with the zone's offset. */
export const isoDateTime = remembered((at, timezone) => inZone(at, timezone).toISO({ suppressMilliseconds: true }) ?? '');

/** Calendar days from `now` to `at`, counted in the exchange's zone (midnight to midnight). */
export function calendarDaysUntil(now: number, at: number, timezone: string): number {
  const from = inZone(now, timezone).startOf('day');
  const to = inZone(at, timezone).startOf('day');
  return Math.round(to.diff(from, 'days').days);
}

/** "(today)", "(tomorrow)", "(in 12 days)"; past instants give "(already passed)". */
export function relativeDays(days: number): string {
  if (days < 0) return 'already passed';
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

export interface Money {
  /** Decimal string as stored, e.g. "25" or "19.50". */
  amount: string;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
}

/** "€25", "£19.50"; an unreadable amount or currency is shown as typed rather than failing. */
/** Building an Intl.NumberFormat is costly; one per currency is kept. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(money: Money): string {
  const value = Number(money.amount);
  if (money.amount.trim() === '' || !Number.isFinite(value)) return `${money.amount} ${money.currency}`;
  try {
    let format = moneyFormats.get(money.currency);
    if (!format) {
      format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: money.currency, trailingZeroDisplay: 'stripIfInteger' });
      moneyFormats.set(money.currency, format);
    }
    return format.format(value);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

/** "1 minute", "30 minutes", "1 hour", "24 hours", "2 days". */
export function formatDuration(minutes: number): string {
  const m = Math.max(1, Math.round(minutes));
  if (m % 1440 === 0 && m > 1440) return `${m / 1440} days`;
  if (m % 60 === 0) return plural(m / 60, 'hour');
  return plural(m, 'minute');
}

export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
