import { Cron } from 'croner';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECURRING_JOBS, countOccurrences, nextOccurrence, previousOccurrence, recurringJob } from '../../../../src-main/core/schedule';

const at = (iso: string): number => Date.parse(iso);
const HOURLY = '0 * * * *';
const DAILY_2 = '0 2 * * *';

describe('RECURRING_JOBS', () => {
  it('holds the seed schedules in UTC, and the daily sign-up digest', () => {
    expect(Object.fromEntries(RECURRING_JOBS.map((entry) => [entry.job, entry.pattern]))).toEqual({
      'token-cleanup': '0 * * * *',
      'auto-complete': '0 0 * * *',
      'data-purge': '0 2 * * *',
      'session-cleanup': '0 3 * * *',
      'rate-limit-cleanup': '0 4 * * *',
      'signup-digest': '0 18 * * *',
    });
    expect(recurringJob('data-purge').summary).toBe('daily at 02:00 UTC');
    expect(Object.isFrozen(RECURRING_JOBS)).toBe(true);
  });
});

describe('nextOccurrence', () => {
  it('is strictly after the given instant', () => {
    expect(nextOccurrence(HOURLY, at('2026-01-01T05:00:00Z'))).toBe(at('2026-01-01T06:00:00Z'));
    expect(nextOccurrence(HOURLY, at('2026-01-01T05:00:00Z') - 1)).toBe(at('2026-01-01T05:00:00Z'));
    expect(nextOccurrence(HOURLY, at('2026-01-01T05:00:00.500Z'))).toBe(at('2026-01-01T06:00:00Z'));
    expect(nextOccurrence(DAILY_2, at('2026-03-10T02:00:00Z'))).toBe(at('2026-03-11T02:00:00Z'));
    expect(nextOccurrence(DAILY_2, at('2026-12-31T03:00:00Z'))).toBe(at('2027-01-01T02:00:00Z'));
  });

  it('is not affected by DST anywhere (UTC patterns)', () => {
    expect(nextOccurrence(DAILY_2, at('2027-03-28T00:00:00Z'))).toBe(at('2027-03-28T02:00:00Z'));
    expect(nextOccurrence(DAILY_2, at('2026-11-01T01:00:00Z'))).toBe(at('2026-11-01T02:00:00Z'));
  });

  it('rejects invalid patterns and instants', () => {
    expect(() => nextOccurrence('61 * * * *', 0)).toThrow();
    expect(() => nextOccurrence(HOURLY, Number.NaN)).toThrow(RangeError);
  });
});

describe('previousOccurrence', () => {
  it('includes an occurrence exactly at the instant', () => {
    expect(previousOccurrence(HOURLY, at('2026-01-01T05:00:00Z'))).toBe(at('2026-01-01T05:00:00Z'));
    expect(previousOccurrence(HOURLY, at('2026-01-01T05:00:00Z') - 1)).toBe(at('2026-01-01T04:00:00Z'));
    expect(previousOccurrence(HOURLY, at('2026-01-01T05:59:59.999Z'))).toBe(at('2026-01-01T05:00:00Z'));
    expect(previousOccurrence(DAILY_2, at('2026-03-10T01:59:59.999Z'))).toBe(at('2026-03-09T02:00:00Z'));
    expect(previousOccurrence(DAILY_2, at('2027-01-01T00:00:00Z'))).toBe(at('2026-12-31T02:00:00Z'));
  });

  it('brackets any instant together with nextOccurrence', () => {
    const patterns = fc.constantFrom(...RECURRING_JOBS.map((entry) => entry.pattern));
    const instants = fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2035-01-01T00:00:00Z') });
    fc.assert(
      fc.property(patterns, instants, (pattern, x) => {
        const previous = previousOccurrence(pattern, x);
        expect(previous).not.toBeNull();
        const p = previous ?? 0;
        expect(p).toBeLessThanOrEqual(x);
        expect(nextOccurrence(pattern, p)).toBeGreaterThan(x);
        expect(nextOccurrence(pattern, p - 1)).toBe(p);
      }),
      { numRuns: 300 },
    );
  });

  it('matches croner evaluated with timezone UTC', () => {
    const patterns = fc.constantFrom(...RECURRING_JOBS.map((entry) => entry.pattern), '*/15 9-17 * * 1-5');
    const instants = fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2035-01-01T00:00:00Z') });
    fc.assert(
      fc.property(patterns, instants, (pattern, x) => {
        const reference = new Cron(pattern, { timezone: 'UTC', paused: true });
        expect(nextOccurrence(pattern, x)).toBe(reference.nextRun(new Date(x))?.getTime());
      }),
      { numRuns: 200 },
    );
  });
});

describe('countOccurrences', () => {
  it('counts occurrences in (after, atOrBefore]', () => {
    const from = at('2026-01-01T00:00:00Z');
    expect(countOccurrences(HOURLY, from, from, 100)).toBe(0);
    expect(countOccurrences(HOURLY, from, from + 3_600_000, 100)).toBe(1);
    expect(countOccurrences(HOURLY, from - 1, from + 3_600_000, 100)).toBe(2);
    expect(countOccurrences(DAILY_2, from, at('2026-01-31T02:00:00Z'), 100)).toBe(31);
    expect(countOccurrences(HOURLY, from, from + 40 * 86_400_000, 100)).toBe(100);
  });
});
