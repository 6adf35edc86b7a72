import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { reminderDueAt } from '../../../../src-main/core/schedule';

const at = (iso: string): number => Date.parse(iso);
const local = (iso: string, zone: string): number => DateTime.fromISO(iso, { zone }).toMillis();

describe('reminderDueAt', () => {
  it('keeps 18:00 local across the US autumn change (EDT reminder for an EST exchange)', () => {
    const exchangeAt = at('2026-11-05T23:00:00Z'); // 18:00 EST
    expect(reminderDueAt(exchangeAt, 'America/New_York', 7)).toBe(at('2026-10-29T22:00:00Z')); // 18:00 EDT
  });

  it('keeps 18:00 local across the European spring change (CET reminder for a CEST exchange)', () => {
    const exchangeAt = local('2027-04-02T18:00', 'Europe/Berlin');
    expect(exchangeAt).toBe(at('2027-04-02T16:00:00Z'));
    expect(reminderDueAt(exchangeAt, 'Europe/Berlin', 7)).toBe(at('2027-03-26T17:00:00Z')); // 18:00 CET
  });

  it('differs from naive UTC arithmetic by the DST shift', () => {
    const exchangeAt = at('2026-11-05T23:00:00Z');
    const naive = exchangeAt - 7 * 86_400_000;
    expect(reminderDueAt(exchangeAt, 'America/New_York', 7) - naive).toBe(-3_600_000);
  });

  it('is plain day arithmetic when no change lies between', () => {
    const exchangeAt = at('2026-12-24T17:00:00Z');
    expect(reminderDueAt(exchangeAt, 'Europe/Berlin', 3)).toBe(at('2026-12-21T17:00:00Z'));
    expect(reminderDueAt(exchangeAt, 'UTC', 1)).toBe(at('2026-12-23T17:00:00Z'));
  });

  it('works in the southern hemisphere (Sydney leaves DST in April)', () => {
    const exchangeAt = local('2027-04-08T18:00', 'Australia/Sydney'); // AEST +10
    expect(reminderDueAt(exchangeAt, 'Australia/Sydney', 7)).toBe(local('2027-04-01T18:00', 'Australia/Sydney'));
    expect(reminderDueAt(exchangeAt, 'Australia/Sydney', 7)).toBe(at('2027-04-01T07:00:00Z')); // AEDT +11
  });

  it('pushes a time inside the spring-forward gap forward by the gap length', () => {
    // Berlin 2027-03-28 02:00 → 03:00: 02:30 does not exist, it becomes 03:30 CEST.
    const exchangeAt = local('2027-04-04T02:30', 'Europe/Berlin');
    expect(reminderDueAt(exchangeAt, 'Europe/Berlin', 7)).toBe(at('2027-03-28T01:30:00Z'));
    // Same rule whatever the exchange's own offset (CET exchange in November, 240 days before).
    const winter = local('2027-11-23T02:30', 'Europe/Berlin');
    expect(reminderDueAt(winter, 'Europe/Berlin', 240)).toBe(at('2027-03-28T01:30:00Z'));
    // New York 2027-03-14 02:00 → 03:00: 02:30 becomes 03:30 EDT.
    const ny = local('2027-03-21T02:30', 'America/New_York');
    expect(reminderDueAt(ny, 'America/New_York', 7)).toBe(at('2027-03-14T07:30:00Z'));
  });

  it('uses the earlier instant for a time that occurs twice (fall-back overlap)', () => {
    // New York 2026-11-01: 01:30 EDT (05:30Z) and 01:30 EST (06:30Z); the exchange is in EST.
    const exchangeAt = local('2026-11-08T01:30', 'America/New_York');
    expect(reminderDueAt(exchangeAt, 'America/New_York', 7)).toBe(at('2026-11-01T05:30:00Z'));
    // From an EDT exchange the same wall time resolves to the same instant.
    const spring = local('2027-03-15T01:30', 'America/New_York');
    expect(reminderDueAt(spring, 'America/New_York', 134)).toBe(at('2026-11-01T05:30:00Z'));
    // Berlin 2026-10-25 02:30 occurs at 00:30Z (CEST) and 01:30Z (CET).
    const berlin = local('2026-11-01T02:30', 'Europe/Berlin');
    expect(reminderDueAt(berlin, 'Europe/Berlin', 7)).toBe(at('2026-10-25T00:30:00Z'));
  });

  it('returns the exchange itself for 0 days, even at an ambiguous time', () => {
    const later = at('2026-11-01T06:30:00Z'); // the second 01:30 in New York
    expect(reminderDueAt(later, 'America/New_York', 0)).toBe(later);
  });

  it('rejects unknown zones and bad day counts', () => {
    const exchangeAt = at('2026-12-24T17:00:00Z');
    expect(() => reminderDueAt(exchangeAt, 'Mars/Olympus_Mons', 7)).toThrow(RangeError);
    expect(() => reminderDueAt(exchangeAt, 'UTC', -1)).toThrow(RangeError);
    expect(() => reminderDueAt(exchangeAt, 'UTC', 1.5)).toThrow(RangeError);
    expect(() => reminderDueAt(Number.NaN, 'UTC', 1)).toThrow(RangeError);
  });
});
