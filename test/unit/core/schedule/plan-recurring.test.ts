import { describe, expect, it } from 'vitest';
import { MISSED_COUNT_CAP, planRecurring, recurringJob } from '../../../../src-main/core/schedule';

const at = (iso: string): number => Date.parse(iso);
const HOURLY = recurringJob('token-cleanup').pattern;
const PURGE = recurringJob('data-purge').pattern; // 02:00 UTC

describe('planRecurring', () => {
  it('is not due before the first occurrence after creation', () => {
    const createdAt = at('2026-12-01T02:30:00Z');
    expect(planRecurring({ pattern: PURGE, lastRunAt: null, createdAt }, at('2026-12-02T01:59:00Z'))).toEqual({
      due: false,
      scheduledFor: null,
      missed: 0,
      nextDueAt: at('2026-12-02T02:00:00Z'),
    });
  });

  it('is due at exactly the occurrence, once', () => {
    const createdAt = at('2026-12-01T02:30:00Z');
    const now = at('2026-12-02T02:00:00Z');
    const plan = planRecurring({ pattern: PURGE, lastRunAt: null, createdAt }, now);
    expect(plan).toEqual({ due: true, scheduledFor: now, missed: 1, nextDueAt: at('2026-12-03T02:00:00Z') });
    expect(planRecurring({ pattern: PURGE, lastRunAt: now, createdAt }, now).due).toBe(false);
  });

  it('counts an occurrence at exactly createdAt or lastRunAt as covered', () => {
    const t = at('2026-12-02T02:00:00Z');
    expect(planRecurring({ pattern: PURGE, lastRunAt: null, createdAt: t }, t + 1000).due).toBe(false);
    expect(planRecurring({ pattern: PURGE, lastRunAt: t, createdAt: 0 }, t + 1000).due).toBe(false);
  });

  it('coalesces a 2-hour downtime of an hourly job into one run', () => {
    const lastRunAt = at('2026-12-10T09:00:00Z');
    const plan = planRecurring({ pattern: HOURLY, lastRunAt, createdAt: 0 }, at('2026-12-10T11:20:00Z'));
    expect(plan).toEqual({
      due: true,
      scheduledFor: at('2026-12-10T11:00:00Z'),
      missed: 2,
      nextDueAt: at('2026-12-10T12:00:00Z'),
    });
  });

  it.each([
    { days: 3, missed: 3 },
    { days: 10, missed: 10 },
    { days: 40, missed: 40 },
  ])('coalesces $days days of a daily job into one run', ({ days, missed }) => {
    const lastRunAt = at('2026-12-01T02:00:05Z');
    const now = lastRunAt + days * 86_400_000 + 3_600_000; // 03:00:05
    const plan = planRecurring({ pattern: PURGE, lastRunAt, createdAt: 0 }, now);
    expect(plan.due).toBe(true);
    expect(plan.missed).toBe(missed);
    expect(plan.scheduledFor).toBe(now - 3_600_000 - 5_000);
    expect(plan.nextDueAt).toBe(now - 3_600_000 - 5_000 + 86_400_000);
  });

  it('counts 40 days of an hourly job and saturates at the cap', () => {
    const lastRunAt = at('2026-12-01T00:00:00Z');
    expect(planRecurring({ pattern: HOURLY, lastRunAt, createdAt: 0 }, lastRunAt + 40 * 86_400_000).missed).toBe(960);
    const plan = planRecurring({ pattern: '* * * * *', lastRunAt, createdAt: 0 }, lastRunAt + 40 * 86_400_000);
    expect(plan.missed).toBe(MISSED_COUNT_CAP);
  });

  it('uses createdAt when the job never ran', () => {
    const createdAt = at('2026-12-01T12:00:00Z');
    const plan = planRecurring({ pattern: PURGE, lastRunAt: null, createdAt }, at('2026-12-04T12:00:00Z'));
    expect(plan.missed).toBe(3);
    expect(plan.scheduledFor).toBe(at('2026-12-04T02:00:00Z'));
  });

  it('a run dated by a clock set a year ahead, since corrected, does not hold the job back: it runs once now, then daily again', () => {
    const lastRunAt = at('2027-12-01T02:00:00Z');
    const now = at('2026-12-02T12:00:00Z');
    expect(planRecurring({ pattern: PURGE, lastRunAt, createdAt: 0 }, now)).toEqual({
      due: true,
      scheduledFor: at('2026-12-02T02:00:00Z'),
      missed: 1,
      nextDueAt: at('2026-12-03T02:00:00Z'),
    });
    // Once it ran, its run is dated now (what the scheduler records).
    expect(planRecurring({ pattern: PURGE, lastRunAt: now, createdAt: 0 }, at('2026-12-03T02:30:00Z'))).toMatchObject({ due: true, scheduledFor: at('2026-12-03T02:00:00Z') });
  });

  it('does not re-run covered occurrences when the clock goes backwards', () => {
    const lastRunAt = at('2026-12-10T02:00:00Z');
    const plan = planRecurring({ pattern: PURGE, lastRunAt, createdAt: 0 }, at('2026-12-08T12:00:00Z'));
    expect(plan).toEqual({ due: false, scheduledFor: null, missed: 0, nextDueAt: at('2026-12-11T02:00:00Z') });
  });
});
