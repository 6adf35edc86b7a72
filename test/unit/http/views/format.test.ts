import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src-main/i18n';
import { checkInboxPage, invitePage } from '../../../../src-main/http/participant/views';
import { calendarDaysUntil, isoDateTime } from '../../../../src-main/http/participant/views/format';
import { CODE, CSRF, exchange, NOW } from './fixtures';

const EN = translator('en');
const DE = translator('de');

describe('dates in the exchange timezone', () => {
  const at = Date.parse('2026-12-19T17:00:00Z');

  it('words a date-time with weekday, 24-hour time and the zone, in the reader’s language', () => {
    expect(EN.dateTime(at, 'Europe/Berlin')).toBe('Saturday, 19 December 2026 at 18:00 (Europe/Berlin)');
    expect(EN.dateTime(at, 'Pacific/Auckland')).toBe('Sunday, 20 December 2026 at 06:00 (Pacific/Auckland)');
    expect(DE.dateTime(at, 'Europe/Berlin')).toBe('Samstag, 19. Dezember 2026 um 18:00 Uhr (Europe/Berlin)');
  });

  it('gives the machine-readable instant with the zone’s offset, daylight saving included', () => {
    expect(isoDateTime(at, 'Europe/Berlin')).toBe('2026-12-19T18:00:00+01:00');
    expect(isoDateTime(Date.parse('2026-07-01T16:00:00Z'), 'Europe/Berlin')).toBe('2026-07-01T18:00:00+02:00');
  });

  it('counts calendar days in the zone', () => {
    const now = Date.parse('2026-12-18T22:30:00Z'); // 23:30 in Berlin
    expect(calendarDaysUntil(now, Date.parse('2026-12-18T23:30:00Z'), 'Europe/Berlin')).toBe(1);
    expect(calendarDaysUntil(now, Date.parse('2026-12-18T23:30:00Z'), 'UTC')).toBe(0);
    // Across the spring DST change the day count stays whole.
    expect(calendarDaysUntil(Date.parse('2027-03-27T12:00:00Z'), Date.parse('2027-03-29T12:00:00Z'), 'Europe/Berlin')).toBe(2);
  });
});

describe('counts in words', () => {
  it('says when registration closes: today, tomorrow, in N days', () => {
    const closes = (days: number, t = EN) => t.t('page.invite.closes', { days });
    expect([closes(0), closes(1), closes(5)]).toEqual(['Registration closes today.', 'Registration closes tomorrow.', 'Registration closes in 5 days.']);
    expect([closes(0, DE), closes(1, DE), closes(5, DE)]).toEqual(['Die Anmeldung endet heute.', 'Die Anmeldung endet morgen.', 'Die Anmeldung endet in 5 Tagen.']);
    const page = invitePage(DE, { code: CODE, exchange: exchange(), csrfToken: CSRF, now: NOW });
    expect(page).toContain('Die Anmeldung endet in 9 Tagen.');
  });

  it('says link lifetimes in the largest whole unit', () => {
    const lifetime = (minutes: number) =>
      /expires after ([^.]+)\./.exec(checkInboxPage(EN, { reason: 'registered', linkValidMinutes: minutes, exchangeName: null, exchangeCode: null }))?.[1];
    expect([1, 30, 60, 1440, 2880].map(lifetime)).toEqual(['1 minute', '30 minutes', '1 hour', '24 hours', '2 days']);
  });

  it('shows budgets with the reader’s currency format', () => {
    expect(EN.money({ amount: '25', currency: 'EUR' })).toBe('€25');
    expect(DE.money({ amount: '25', currency: 'EUR' })).toMatch(/^25\s€$/u);
  });
});
