import { afterEach, describe, expect, it } from 'vitest';
import { drawnExchange, outbox } from '../../support/jobs-fixtures';
import { createTestApp, type TestApp } from '../../support/test-app';

/**
 * "7 days before 18:00 local" is 18:00 local on that day, whatever the UTC offset did in between
 * (a UTC `timedelta` would be an hour off on one side of the change).
 */
let t: TestApp;
afterEach(() => t.close());

async function reminderKeysAt(iso: string): Promise<string[]> {
  t.clock.set(iso);
  await t.ok('jobs.runDue', {});
  return [...new Set(outbox(t, 'reminder').map((r) => r.idempotency_key.split(':').slice(0, 3).join(':')))];
}

async function upcomingReminders(): Promise<Array<{ detail: string; dueAt: string }>> {
  const jobs = await t.ok('jobs.upcoming', { limit: 50 });
  return jobs.filter((j) => j.job === 'reminders').map((j) => ({ detail: j.detail, dueAt: new Date(j.dueAt).toISOString() }));
}

describe('reminder due times across DST, at service level', () => {
  it('New York, autumn: 7 days before 5 Nov 18:00 EST is 29 Oct 18:00 EDT = 22:00Z (not 23:00Z)', async () => {
    t = await createTestApp({ start: '2026-10-01T12:00:00Z' });
    await t.app.jobs.runDue();
    const x = await drawnExchange(t, { n: 4, exchangeAt: '2026-11-05T18:00', timezone: 'America/New_York' });
    expect(await upcomingReminders()).toEqual([
      { detail: '7 days before', dueAt: '2026-10-29T22:00:00.000Z' },
      { detail: '3 days before', dueAt: '2026-11-02T23:00:00.000Z' },
      { detail: '1 day before', dueAt: '2026-11-04T23:00:00.000Z' },
    ]);
    expect(await reminderKeysAt('2026-10-29T21:59:59.999Z')).toEqual([]);
    expect(await reminderKeysAt('2026-10-29T22:00:00.000Z')).toEqual([`reminder:${x.exchangeId}:7`]);
    expect(outbox(t, 'reminder')).toHaveLength(4);
    // An hour later (the naive UTC instant) nothing more goes out.
    expect(await reminderKeysAt('2026-10-29T23:00:00.000Z')).toEqual([`reminder:${x.exchangeId}:7`]);
    expect(outbox(t, 'reminder')).toHaveLength(4);
    // The 3-day reminder, after the change, is at 18:00 EST = 23:00Z.
    expect(await reminderKeysAt('2026-11-02T22:59:59.999Z')).toHaveLength(1);
    expect(await reminderKeysAt('2026-11-02T23:00:00.000Z')).toEqual([`reminder:${x.exchangeId}:7`, `reminder:${x.exchangeId}:3`]);
  });

  it('Berlin, spring: 7 days before 30 Mar 2027 18:00 CEST is 23 Mar 18:00 CET = 17:00Z (not 16:00Z)', async () => {
    t = await createTestApp({ start: '2027-03-01T12:00:00Z' });
    await t.app.jobs.runDue();
    const x = await drawnExchange(t, { n: 3, exchangeAt: '2027-03-30T18:00', timezone: 'Europe/Berlin', reminderDays: [7, 1] });
    expect(await upcomingReminders()).toEqual([
      { detail: '7 days before', dueAt: '2027-03-23T17:00:00.000Z' },
      { detail: '1 day before', dueAt: '2027-03-29T16:00:00.000Z' },
    ]);
    expect(await reminderKeysAt('2027-03-23T16:00:00.000Z')).toEqual([]);
    expect(await reminderKeysAt('2027-03-23T16:59:59.999Z')).toEqual([]);
    expect(await reminderKeysAt('2027-03-23T17:00:00.000Z')).toEqual([`reminder:${x.exchangeId}:7`]);
    expect(await reminderKeysAt('2027-03-29T15:59:59.999Z')).toHaveLength(1);
    expect(await reminderKeysAt('2027-03-29T16:00:00.000Z')).toEqual([`reminder:${x.exchangeId}:7`, `reminder:${x.exchangeId}:1`]);
    expect(outbox(t, 'reminder')).toHaveLength(6);
  });
});
