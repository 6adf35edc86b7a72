import { describe, expect, it } from 'vitest';
import { normalizeReminderDays, planReminders, reminderDueAt } from '../../../../src-main/core/schedule';

const at = (iso: string): number => Date.parse(iso);
const DAY = 86_400_000;
// Family 2026: 24 December 18:00 in Berlin (CET, no DST change nearby) = 17:00Z.
const exchange = { exchangeAt: at('2026-12-24T17:00:00Z'), timezone: 'Europe/Berlin', reminderDays: [7, 3, 1] };
const due7 = at('2026-12-17T17:00:00Z');
const due3 = at('2026-12-21T17:00:00Z');
const due1 = at('2026-12-23T17:00:00Z');
const sent = (...days: number[]) => days.map((daysBefore) => ({ daysBefore }));

describe('normalizeReminderDays', () => {
  it('keeps whole days ≥ 1 once, earliest reminder first', () => {
    expect(normalizeReminderDays([1, 7, 3, 7, 0, -2, 2.5, Number.NaN, 3])).toEqual([7, 3, 1]);
    expect(normalizeReminderDays([])).toEqual([]);
  });
});

describe('planReminders', () => {
  it('plans nothing before the first reminder and names the next one', () => {
    expect(planReminders({ ...exchange, sent: [] }, at('2026-12-01T00:00:00Z'))).toEqual({
      send: null,
      skip: [],
      next: { daysBefore: 7, dueAt: due7 },
    });
  });

  it('sends a reminder at exactly its due time', () => {
    expect(planReminders({ ...exchange, sent: [] }, due7)).toEqual({
      send: 7,
      skip: [],
      next: { daysBefore: 3, dueAt: due3 },
    });
  });

  it('ignores days already sent or skipped', () => {
    expect(planReminders({ ...exchange, sent: sent(7) }, due7 + 1000)).toEqual({
      send: null,
      skip: [],
      next: { daysBefore: 3, dueAt: due3 },
    });
    expect(planReminders({ ...exchange, sent: sent(7, 3, 1) }, due1 + 1000)).toEqual({ send: null, skip: [], next: null });
  });

  it('sends only the latest missed reminder and skips the older ones', () => {
    expect(planReminders({ ...exchange, sent: [] }, due1 + 3_600_000)).toEqual({ send: 1, skip: [7, 3], next: null });
    expect(planReminders({ ...exchange, sent: sent(7) }, due3 + DAY)).toEqual({
      send: 3,
      skip: [],
      next: { daysBefore: 1, dueAt: due1 },
    });
  });

  it('sends nothing at or after the exchange time, and skips what is left', () => {
    expect(planReminders({ ...exchange, sent: sent(7) }, exchange.exchangeAt)).toEqual({ send: null, skip: [3, 1], next: null });
    expect(planReminders({ ...exchange, sent: [] }, exchange.exchangeAt - 1)).toEqual({ send: 1, skip: [7, 3], next: null });
    expect(planReminders({ ...exchange, sent: [] }, exchange.exchangeAt + 40 * DAY)).toEqual({
      send: null,
      skip: [7, 3, 1],
      next: null,
    });
  });

  it('ignores duplicate, zero and negative days', () => {
    const plan = planReminders({ ...exchange, reminderDays: [3, 3, 0, -1, 7], sent: [] }, due3 + 1);
    expect(plan).toEqual({ send: 3, skip: [7], next: null });
  });

  it('follows the local wall clock across DST', () => {
    const ny = { exchangeAt: at('2026-11-05T23:00:00Z'), timezone: 'America/New_York', reminderDays: [7] };
    expect(planReminders({ ...ny, sent: [] }, at('2026-10-29T21:59:59Z')).send).toBeNull();
    expect(planReminders({ ...ny, sent: [] }, at('2026-10-29T22:00:00Z')).send).toBe(7);
    expect(reminderDueAt(ny.exchangeAt, ny.timezone, 7)).toBe(at('2026-10-29T22:00:00Z'));
  });

  it('plans nothing without reminder days', () => {
    expect(planReminders({ ...exchange, reminderDays: [], sent: [] }, due1)).toEqual({ send: null, skip: [], next: null });
  });
});
