import { describe, expect, it } from 'vitest';
import { DAY_MS, upcomingJobs, type UpcomingExchange } from '../../../../src-main/core/schedule';

const at = (iso: string): number => Date.parse(iso);

const family: UpcomingExchange = {
  id: 1,
  name: 'Family 2026',
  state: 'matched',
  exchangeAt: at('2026-12-24T17:00:00Z'),
  timezone: 'Europe/Berlin',
  reminderDays: [7, 3, 1],
  registrationDeadlineAt: null,
  handledReminderDays: [7],
  endedAt: null,
  purgeWarnedAt: null,
};
const office: UpcomingExchange = {
  id: 2,
  name: 'Office',
  state: 'registration_open',
  exchangeAt: at('2026-12-18T16:00:00Z'),
  timezone: 'Europe/Berlin',
  reminderDays: [7, 3, 1],
  registrationDeadlineAt: at('2026-12-12T23:00:00Z'),
  handledReminderDays: [],
  endedAt: null,
  purgeWarnedAt: null,
};
const recurring = [
  { job: 'token-cleanup' as const, nextDueAt: at('2026-12-19T13:00:00Z') },
  { job: 'data-purge' as const, nextDueAt: at('2026-12-20T02:00:00Z') },
];

describe('upcomingJobs', () => {
  it("lists the exchanges' jobs in due order, overdue ones first, then the maintenance", () => {
    const now = at('2026-12-19T12:10:00Z');
    expect(upcomingJobs({ recurring, exchanges: [family, office], retentionDays: 30 }, now, 10)).toEqual([
      { job: 'registration-close', group: 'exchange', exchangeId: 2, exchangeName: 'Office', dueAt: at('2026-12-12T23:00:00Z'), detail: 'registration deadline' },
      { job: 'reminders', group: 'exchange', exchangeId: 1, exchangeName: 'Family 2026', dueAt: at('2026-12-21T17:00:00Z'), detail: '3 days before' },
      { job: 'reminders', group: 'exchange', exchangeId: 1, exchangeName: 'Family 2026', dueAt: at('2026-12-23T17:00:00Z'), detail: '1 day before' },
      { job: 'auto-complete', group: 'exchange', exchangeId: 1, exchangeName: 'Family 2026', dueAt: at('2026-12-24T17:00:00Z'), detail: 'exchange date' },
      { job: 'token-cleanup', group: 'maintenance', exchangeId: null, exchangeName: null, dueAt: at('2026-12-19T13:00:00Z'), detail: 'hourly' },
      { job: 'data-purge', group: 'maintenance', exchangeId: null, exchangeName: null, dueAt: at('2026-12-20T02:00:00Z'), detail: 'daily at 02:00 UTC' },
    ]);
  });

  it('puts a reminder due tomorrow before cleanup jobs due sooner, so a five-line tray shows it', () => {
    const now = at('2026-12-22T18:00:00Z');
    const cleanups = (['token-cleanup', 'session-cleanup', 'rate-limit-cleanup', 'auto-complete', 'data-purge'] as const).map((job, i) => ({
      job,
      nextDueAt: now + (i + 1) * 60_000,
    }));
    const jobs = upcomingJobs({ recurring: cleanups, exchanges: [{ ...family, handledReminderDays: [7, 3] }], retentionDays: 30 }, now, 5);
    expect(jobs.map((job) => [job.group, job.job, job.detail])).toEqual([
      ['exchange', 'reminders', '1 day before'],
      ['exchange', 'auto-complete', 'exchange date'],
      ['maintenance', 'token-cleanup', 'hourly'],
      ['maintenance', 'session-cleanup', expect.any(String)],
      ['maintenance', 'rate-limit-cleanup', expect.any(String)],
    ]);
  });

  it("lists the planned deletion of an ended exchange's data: retention after it ended, and at least a week after the warning", () => {
    const ended = at('2026-12-25T00:00:00Z');
    const now = at('2026-12-26T00:00:00Z');
    const completed = { ...family, state: 'completed', endedAt: ended };
    const [deletion] = upcomingJobs({ recurring, exchanges: [completed], retentionDays: 30 }, now, 1);
    expect(deletion).toEqual({
      job: 'data-purge',
      group: 'exchange',
      exchangeId: 1,
      exchangeName: 'Family 2026',
      dueAt: ended + 30 * DAY_MS,
      detail: 'planned deletion of its data',
    });
    // Warned late (the computer was off): the deletion waits seven days after the warning.
    const warnedAt = ended + 29 * DAY_MS;
    const late = upcomingJobs({ recurring: [], exchanges: [{ ...completed, state: 'cancelled', purgeWarnedAt: warnedAt }], retentionDays: 30 }, now, 1);
    expect(late[0]?.dueAt).toBe(warnedAt + 7 * DAY_MS);
  });

  it('shows registration close for open exchanges with a deadline', () => {
    const now = at('2026-12-10T12:00:00Z');
    expect(upcomingJobs({ recurring: [], exchanges: [office, { ...office, id: 3, registrationDeadlineAt: null }], retentionDays: 30 }, now, 5)).toEqual([
      { job: 'registration-close', group: 'exchange', exchangeId: 2, exchangeName: 'Office', dueAt: at('2026-12-12T23:00:00Z'), detail: 'registration deadline' },
    ]);
  });

  it('shows the one reminder catch-up would send, not the ones it would skip', () => {
    const now = at('2026-12-23T18:00:00Z'); // 3- and 1-day reminders missed
    const jobs = upcomingJobs({ recurring: [], exchanges: [{ ...family, handledReminderDays: [] }], retentionDays: 30 }, now, 10);
    expect(jobs.map((job) => [job.job, job.detail, job.dueAt])).toEqual([
      ['reminders', '1 day before', at('2026-12-23T17:00:00Z')],
      ['auto-complete', 'exchange date', at('2026-12-24T17:00:00Z')],
    ]);
  });

  it('shows an overdue auto-complete but no reminder after the exchange', () => {
    const now = at('2026-12-24T18:00:00Z');
    expect(upcomingJobs({ recurring: [], exchanges: [family], retentionDays: 30 }, now, 10)).toEqual([
      { job: 'auto-complete', group: 'exchange', exchangeId: 1, exchangeName: 'Family 2026', dueAt: family.exchangeAt, detail: 'exchange date' },
    ]);
  });

  it('ignores exchanges in other states and respects the limit', () => {
    const now = at('2026-12-01T00:00:00Z');
    // Completed and cancelled ones without an end instant (never in real data) have no deletion to plan.
    const others = ['draft', 'registration_closed', 'completed', 'cancelled'].map((state, i) => ({ ...family, id: 10 + i, state }));
    expect(upcomingJobs({ recurring: [], exchanges: others, retentionDays: 30 }, now, 10)).toEqual([]);
    const limited = upcomingJobs({ recurring, exchanges: [family], retentionDays: 30 }, now, 3).map((job) => job.detail);
    expect(limited).toEqual(['3 days before', '1 day before', 'exchange date']);
    expect(upcomingJobs({ recurring, exchanges: [family], retentionDays: 30 }, now, 0)).toEqual([]);
  });

  it('orders equal due times deterministically', () => {
    const now = at('2026-12-01T00:00:00Z');
    const twin = { ...family, id: 7, name: 'Twin' };
    const jobs = upcomingJobs({ recurring: [], exchanges: [twin, family], retentionDays: 30 }, now, 4);
    expect(jobs.map((job) => [job.exchangeId, job.detail])).toEqual([
      [1, '3 days before'],
      [7, '3 days before'],
      [1, '1 day before'],
      [7, '1 day before'],
    ]);
  });
});
