import { describe, expect, it } from 'vitest';
import { upcomingJobs, type UpcomingExchange } from '../../../../src-main/core/schedule';

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
};
const recurring = [
  { job: 'token-cleanup' as const, nextDueAt: at('2026-12-19T13:00:00Z') },
  { job: 'data-purge' as const, nextDueAt: at('2026-12-20T02:00:00Z') },
];

describe('upcomingJobs', () => {
  it('lists recurring and per-exchange jobs in due order, overdue ones first', () => {
    const now = at('2026-12-19T12:10:00Z');
    expect(upcomingJobs({ recurring, exchanges: [family, office] }, now, 10)).toEqual([
      { job: 'registration-close', exchangeId: 2, exchangeName: 'Office', dueAt: at('2026-12-12T23:00:00Z'), detail: 'registration deadline' },
      { job: 'token-cleanup', exchangeId: null, exchangeName: null, dueAt: at('2026-12-19T13:00:00Z'), detail: 'hourly' },
      { job: 'data-purge', exchangeId: null, exchangeName: null, dueAt: at('2026-12-20T02:00:00Z'), detail: 'daily at 02:00 UTC' },
      { job: 'reminders', exchangeId: 1, exchangeName: 'Family 2026', dueAt: at('2026-12-21T17:00:00Z'), detail: '3 days before' },
      { job: 'reminders', exchangeId: 1, exchangeName: 'Family 2026', dueAt: at('2026-12-23T17:00:00Z'), detail: '1 day before' },
      { job: 'auto-complete', exchangeId: 1, exchangeName: 'Family 2026', dueAt: at('2026-12-24T17:00:00Z'), detail: 'exchange date' },
    ]);
  });

  it('shows registration close for open exchanges with a deadline', () => {
    const now = at('2026-12-10T12:00:00Z');
    expect(upcomingJobs({ recurring: [], exchanges: [office, { ...office, id: 3, registrationDeadlineAt: null }] }, now, 5)).toEqual([
      { job: 'registration-close', exchangeId: 2, exchangeName: 'Office', dueAt: at('2026-12-12T23:00:00Z'), detail: 'registration deadline' },
    ]);
  });

  it('shows the one reminder catch-up would send, not the ones it would skip', () => {
    const now = at('2026-12-23T18:00:00Z'); // 3- and 1-day reminders missed
    const jobs = upcomingJobs({ recurring: [], exchanges: [{ ...family, handledReminderDays: [] }] }, now, 10);
    expect(jobs.map((job) => [job.job, job.detail, job.dueAt])).toEqual([
      ['reminders', '1 day before', at('2026-12-23T17:00:00Z')],
      ['auto-complete', 'exchange date', at('2026-12-24T17:00:00Z')],
    ]);
  });

  it('shows an overdue auto-complete but no reminder after the exchange', () => {
    const now = at('2026-12-24T18:00:00Z');
    expect(upcomingJobs({ recurring: [], exchanges: [family] }, now, 10)).toEqual([
      { job: 'auto-complete', exchangeId: 1, exchangeName: 'Family 2026', dueAt: family.exchangeAt, detail: 'exchange date' },
    ]);
  });

  it('ignores exchanges in other states and respects the limit', () => {
    const now = at('2026-12-01T00:00:00Z');
    const others = ['draft', 'registration_closed', 'completed', 'cancelled'].map((state, i) => ({ ...family, id: 10 + i, state }));
    expect(upcomingJobs({ recurring: [], exchanges: others }, now, 10)).toEqual([]);
    const limited = upcomingJobs({ recurring, exchanges: [family] }, now, 3).map((job) => job.detail);
    expect(limited).toEqual(['hourly', 'daily at 02:00 UTC', '3 days before']);
    expect(upcomingJobs({ recurring, exchanges: [family] }, now, 0)).toEqual([]);
  });

  it('orders equal due times deterministically', () => {
    const now = at('2026-12-01T00:00:00Z');
    const twin = { ...family, id: 7, name: 'Twin' };
    const jobs = upcomingJobs({ recurring: [], exchanges: [twin, family] }, now, 4);
    expect(jobs.map((job) => [job.exchangeId, job.detail])).toEqual([
      [1, '3 days before'],
      [7, '3 days before'],
      [1, '1 day before'],
      [7, '1 day before'],
    ]);
  });
});
