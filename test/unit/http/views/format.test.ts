import { describe, expect, it } from 'vitest';
import { calendarDaysUntil, formatDate, formatDateTime, formatDuration, formatMoney, isoDateTime, relativeDays } from '../../../../src-main/http/participant/views/format';

describe('dates in the exchange timezone', () => {
  const at = Date.parse('2026-12-19T17:00:00Z');

  it('formats a date-time with weekday, 24-hour time and the zone', () => {
    expect(formatDateTime(at, 'Europe/Berlin')).toBe('Saturday 19 December 2026 at 18:00 (Europe/Berlin)');
    expect(formatDateTime(at, 'America/New_York')).toBe('Saturday 19 December 2026 at 12:00 (America/New_York)');
    expect(formatDateTime(at, 'Pacific/Auckland')).toBe('Sunday 20 December 2026 at 06:00 (Pacific/Auckland)');
  });

  it('follows daylight saving time of the zone, not of the server', () => {
    expect(formatDateTime(Date.parse('2026-07-01T16:00:00Z'), 'Europe/Berlin')).toBe('Wednesday 1 July 2026 at 18:00 (Europe/Berlin)');
    expect(isoDateTime(at, 'Europe/Berlin')).toBe('2026-12-19T18:00:00+01:00');
  });

  it('falls back to UTC for an unknown zone instead of failing', () => {
    expect(formatDateTime(at, 'Mars/Olympus')).toBe('Saturday 19 December 2026 at 17:00 (UTC)');
    expect(formatDate(at, 'Europe/Berlin')).toBe('Saturday 19 December 2026');
  });

  it('counts calendar days in the zone', () => {
    const now = Date.parse('2026-12-18T22:30:00Z'); // 23:30 in Berlin
    expect(calendarDaysUntil(now, Date.parse('2026-12-18T23:30:00Z'), 'Europe/Berlin')).toBe(1);
    expect(calendarDaysUntil(now, Date.parse('2026-12-18T23:30:00Z'), 'UTC')).toBe(0);
    // Across the spring DST change the day count stays whole.
    expect(calendarDaysUntil(Date.parse('2027-03-27T12:00:00Z'), Date.parse('2027-03-29T12:00:00Z'), 'Europe/Berlin')).toBe(2);
    expect([relativeDays(-1), relativeDays(0), relativeDays(1), relativeDays(5)]).toEqual(['already passed', 'today', 'tomorrow', 'in 5 days']);
  });
});

describe('money and durations', () => {
  it('formats budgets with Intl currency formatting', () => {
    expect(formatMoney({ amount: '25', currency: 'EUR' })).toBe('€25');
    expect(formatMoney({ amount: '19.5', currency: 'GBP' })).toBe('£19.50');
    expect(formatMoney({ amount: '3000', currency: 'JPY' })).toBe('JP¥3,000');
  });

  it('shows unreadable input as typed rather than failing', () => {
    expect(formatMoney({ amount: '25', currency: 'XX' })).toBe('25 XX');
    expect(formatMoney({ amount: 'lots', currency: 'EUR' })).toBe('lots EUR');
  });

  it('says link lifetimes in words', () => {
    expect([formatDuration(1), formatDuration(30), formatDuration(60), formatDuration(1440), formatDuration(2880)]).toEqual([
      '1 minute',
      '30 minutes',
      '1 hour',
      '24 hours',
      '2 days',
    ]);
  });
});
