import { describe, expect, it } from 'vitest';
import { humanDue } from '../../../../src-main/core/schedule';

const at = (iso: string): number => Date.parse(iso);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('humanDue', () => {
  const now = at('2026-12-10T09:00:00Z'); // 10:00 in Berlin
  const berlin = (dueAt: number) => humanDue(dueAt, now, 'en', 'Europe/Berlin');

  it('says overdue, now, minutes and hours for the near future', () => {
    expect(berlin(now - 2 * MIN)).toBe('overdue');
    expect(humanDue(now - 2 * MIN, now, 'de', 'Europe/Berlin', 'überfällig')).toBe('überfällig');
    expect(berlin(now - 30_000)).toBe('now');
    expect(berlin(now + 30_000)).toBe('now');
    expect(berlin(now + 5 * MIN)).toBe('in 5 minutes');
    expect(berlin(now + 59 * MIN + 50_000)).toBe('in 59 minutes');
    expect(berlin(now + 2 * HOUR)).toBe('in 2 hours');
    expect(berlin(now + 11 * HOUR)).toBe('in 11 hours'); // 21:00 the same day
  });

  it('counts calendar days in the given zone from a day ahead', () => {
    expect(berlin(at('2026-12-11T17:00:00Z'))).toBe('tomorrow');
    expect(berlin(at('2026-12-13T08:00:00Z'))).toBe('in 3 days');
    expect(berlin(now + 14 * DAY)).toBe('in 14 days');
    // Later today is in hours; past midnight and at least 12 hours away it is "tomorrow".
    expect(berlin(at('2026-12-10T22:00:00Z'))).toBe('in 13 hours'); // 23:00 Berlin
    expect(berlin(at('2026-12-10T23:30:00Z'))).toBe('tomorrow'); // 00:30 Berlin, 14.5 h away
    expect(humanDue(at('2026-12-11T01:00:00Z'), at('2026-12-10T20:00:00Z'), 'en', 'Europe/Berlin')).toBe('in 5 hours');
    expect(humanDue(at('2026-12-11T08:00:00Z'), at('2026-12-10T20:00:00Z'), 'en', 'Europe/Berlin')).toBe('tomorrow');
  });

  it('depends on the zone for the calendar day', () => {
    const late = at('2026-12-10T23:30:00Z');
    const due = at('2026-12-12T12:00:00Z');
    expect(humanDue(due, late, 'en', 'Europe/Berlin')).toBe('tomorrow'); // already 11 Dec in Berlin
    expect(humanDue(due, late, 'en', 'America/New_York')).toBe('in 2 days'); // still 10 Dec
  });

  it('counts days correctly across a DST change', () => {
    const before = at('2027-03-27T10:00:00Z'); // Saturday 11:00 CET
    expect(humanDue(at('2027-03-29T09:00:00Z'), before, 'en', 'Europe/Berlin')).toBe('in 2 days');
  });

  it('is localised', () => {
    expect(humanDue(now + 3 * DAY, now, 'de', 'Europe/Berlin')).toBe('in 3 Tagen');
    expect(humanDue(now + DAY, now, 'fr', 'Europe/Paris')).toBe('demain');
  });

  it('rejects unknown zones', () => {
    expect(() => humanDue(now + 3 * DAY, now, 'en', 'Nowhere/Land')).toThrow(RangeError);
  });
});
