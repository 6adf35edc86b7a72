import { Cron } from 'croner';

/*
 * Cron patterns are evaluated in UTC through croner. `utcOffset: 0` gives the same instants as
 * `timezone: 'UTC'` (UTC has no DST) but skips croner's Intl round trips: about 7× faster,
 * which matters when counting a month of missed hourly runs.
 */
const CACHE_LIMIT = 64;
const crons = new Map<string, Cron>();

function cronFor(pattern: string): Cron {
  let cron = crons.get(pattern);
  if (cron === undefined) {
    // Without a callback croner starts no timer; `paused` makes that explicit.
    cron = new Cron(pattern, { utcOffset: 0, paused: true });
    if (crons.size >= CACHE_LIMIT) crons.clear();
    crons.set(pattern, cron);
  }
  return cron;
}

function assertInstant(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite epoch-ms instant, got ${value}`);
}

/** Throws a TypeError (from croner) when the pattern is not a valid cron pattern. */
export function assertCronPattern(pattern: string): void {
  cronFor(pattern);
}

/** The first occurrence of `pattern` strictly after `after` (epoch ms, UTC). */
export function nextOccurrence(pattern: string, after: number): number {
  assertInstant('after', after);
  const next = cronFor(pattern).nextRun(new Date(after));
  if (next === null) throw new RangeError(`Cron pattern "${pattern}" has no occurrence after ${after}`);
  return next.getTime();
}

/** The last occurrence of `pattern` at or before `atOrBefore`, or null when there is none. */
export function previousOccurrence(pattern: string, atOrBefore: number): number | null {
  assertInstant('atOrBefore', atOrBefore);
  // croner's previousRuns is strictly before its reference (ms precision), hence the +1.
  const [previous] = cronFor(pattern).previousRuns(1, new Date(atOrBefore + 1));
  return previous === undefined ? null : previous.getTime();
}

/**
 * How many occurrences fall in (after, atOrBefore], counting at most `cap` of them so that a
 * minutely pattern over years of downtime cannot stall a launch.
 */
export function countOccurrences(pattern: string, after: number, atOrBefore: number, cap: number): number {
  assertInstant('after', after);
  assertInstant('atOrBefore', atOrBefore);
  const cron = cronFor(pattern);
  let count = 0;
  let cursor = after;
  while (count < cap) {
    const next = cron.nextRun(new Date(cursor));
    if (next === null || next.getTime() > atOrBefore) break;
    count += 1;
    cursor = next.getTime();
  }
  return count;
}
