import { DateTime } from 'luxon';

/**
 * Day arithmetic for participant pages, in the exchange's timezone (never the server's or the
 * browser's). Words, dates and money are the reader's translator's (src-main/i18n).
 */

const LOCALE = 'en-GB';

function inZone(at: number, timezone: string): DateTime {
  const dt = DateTime.fromMillis(at, { zone: timezone, locale: LOCALE });
  // An unknown zone must not blank the page; fall back to UTC and say so.
  return dt.isValid ? dt : DateTime.fromMillis(at, { zone: 'UTC', locale: LOCALE });
}

/**
 * Pages ask about the same few instants (an exchange's date and deadline) over and over, and zone
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
