import { describe, expect, it } from 'vitest';
import { purgeDueAt, purgePlan, purgeWarningDueAt } from '../../../../src-main/core/schedule';

const DAY = 86_400_000;
const completedAt = Date.parse('2027-01-01T00:00:00Z');
const purgeDue = completedAt + 30 * DAY;
const warnDue = purgeDue - 7 * DAY;
const state = (warningSentAt: number | null) => ({ completedAt, retentionDays: 30, warningSentAt });

describe('purgePlan', () => {
  it('does nothing before the warning window', () => {
    expect(purgePlan(state(null), completedAt)).toBe('nothing');
    expect(purgePlan(state(null), warnDue - 1)).toBe('nothing');
    expect(purgeWarningDueAt(state(null))).toBe(warnDue);
  });

  it('warns from 7 days before the end of retention, and never without a warning purges', () => {
    expect(purgePlan(state(null), warnDue)).toBe('warn');
    expect(purgePlan(state(null), purgeDue)).toBe('warn');
    expect(purgePlan(state(null), purgeDue + 365 * DAY)).toBe('warn');
  });

  it('warns once, then waits, then purges on time', () => {
    expect(purgePlan(state(warnDue), warnDue)).toBe('wait');
    expect(purgePlan(state(warnDue), purgeDue - 1)).toBe('wait');
    expect(purgePlan(state(warnDue), purgeDue)).toBe('purge');
  });

  it('delays the purge to 7 days after a late warning (downtime)', () => {
    const lateWarning = purgeDue + 10 * DAY; // the app was off through the whole window
    expect(purgePlan(state(lateWarning), lateWarning + 7 * DAY - 1)).toBe('wait');
    expect(purgePlan(state(lateWarning), lateWarning + 7 * DAY)).toBe('purge');
  });

  it('handles retention shorter than the warning lead', () => {
    const short = { completedAt, retentionDays: 0, warningSentAt: null };
    expect(purgePlan(short, completedAt)).toBe('warn');
    expect(purgePlan({ ...short, warningSentAt: completedAt }, completedAt + 7 * DAY)).toBe('purge');
  });

  it('rejects nonsense retention', () => {
    expect(() => purgePlan({ completedAt, retentionDays: -1, warningSentAt: null }, completedAt)).toThrow(RangeError);
  });
});

describe('purgeDueAt', () => {
  it('is the end of retention while the warning can still go out on time', () => {
    expect(purgeDueAt(state(null), completedAt)).toBe(purgeDue);
    expect(purgeDueAt(state(null), warnDue)).toBe(purgeDue);
    expect(purgeDueAt(state(warnDue), warnDue + DAY)).toBe(purgeDue);
  });

  it('moves out when the warning is late or not yet sent past its time', () => {
    expect(purgeDueAt(state(null), warnDue + 3 * DAY)).toBe(purgeDue + 3 * DAY);
    expect(purgeDueAt(state(warnDue + DAY), warnDue + DAY)).toBe(purgeDue + DAY);
    expect(purgeDueAt(state(purgeDue + DAY), purgeDue + 2 * DAY)).toBe(purgeDue + 8 * DAY);
  });
});
