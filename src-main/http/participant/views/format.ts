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

/**
 * The local calendar day an instant falls on in a zone, as a day number (days since 1970-01-01),
 * with the instants where that day starts and ends there.
 */
interface LocalDay {
  day: number;
  from: number;
  to: number;
}

function localDay(at: number, timezone: string): LocalDay {
  const dt = inZone(at, timezone);
  const start = dt.startOf('day');
  return { day: Math.round(Date.UTC(dt.year, dt.month - 1, dt.day) / 86_400_000), from: start.toMillis(), to: start.plus({ days: 1 }).toMillis() };
}

/** Per zone, the day of the latest `now` asked about: every page asks for today, and today lasts a day. */
const today = new Map<string, LocalDay>();

function dayOf(at: number, timezone: string): number {
  const kept = today.get(timezone);
  if (kept && at >= kept.from && at < kept.to) return kept.day;
  const found = localDay(at, timezone);
  if (today.size >= 200) today.clear();
  today.set(timezone, found);
  return found.day;
}

/** When the local day `at` falls on ends in a zone: what a page counting days stays true until. */
export function localDayEnd(at: number, timezone: string): number {
  dayOf(at, timezone);
  return today.get(timezone)!.to;
}

/** The day of a fixed instant (a deadline, an exchange date), kept like the formatted dates. */
const dayOfInstant = remembered((at, timezone) => String(localDay(at, timezone).day));

/** Calendar days from `now` to `at`, counted in the exchange's zone (midnight to midnight). */
export function calendarDaysUntil(now: number, at: number, timezone: string): number {
  return Number(dayOfInstant(at, timezone)) - dayOf(now, timezone);
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
  const key = `${money.amount}|${money.currency}`;
  let text = moneyTexts.get(key);
  if (text === undefined) {
    text = moneyText(money);
    if (moneyTexts.size >= 2000) moneyTexts.clear();
    moneyTexts.set(key, text);
  }
  return text;
}

/** Pages show the same few budgets over and over. */
const moneyTexts = new Map<string, string>();

function moneyText(money: Money): string {
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
