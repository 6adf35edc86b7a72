import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger, type Logger } from '../../../src-main/log';
import { drawnExchange, outbox } from '../../support/jobs-fixtures';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ start: '2026-12-01T09:00:00Z' });
  await t.app.jobs.runDue();
});
afterEach(() => t.close());

const iso = (ms: number) => new Date(ms).toISOString();

async function upcomingFor(exchangeId: number): Promise<string[]> {
  const jobs = await t.ok('jobs.upcoming', { limit: 100 });
  return jobs.filter((j) => j.exchangeId === exchangeId).map((j) => `${j.job} ${j.detail} ${iso(j.dueAt)}`);
}

describe('one exchange this runtime cannot plan', () => {
  it('is left out of the upcoming list and the reminders pass; the other exchanges go on', async () => {
    const broken = await drawnExchange(t, { n: 3, exchangeAt: '2026-12-20T18:00', timezone: 'Europe/Berlin', tag: 'Broken' });
    const fine = await drawnExchange(t, { n: 3, exchangeAt: '2026-12-24T18:00', timezone: 'Europe/Berlin', reminderDays: [7], tag: 'Fine' });
    // As if the data came from a build whose ICU data knew a zone this one does not.
    t.deps.db.sqlite.prepare("update exchanges set timezone = 'Mars/Olympus_Mons' where id = ?").run(broken.exchangeId);
    expect(await upcomingFor(fine.exchangeId)).toEqual(['reminders 7 days before 2026-12-17T17:00:00.000Z', 'auto-complete exchange date 2026-12-24T17:00:00.000Z']);
    expect(await upcomingFor(broken.exchangeId)).toEqual([]);
    t.clock.set('2026-12-17T17:00:00Z');
    await t.ok('jobs.runDue', {});
    expect(outbox(t).filter((m) => m.kind === 'reminder').length).toBe(3);
  });
});

describe('rescheduling', () => {
  it('follows the exchange date and reminder days, and drops everything when cancelled', async () => {
    const x = await drawnExchange(t, { n: 4, exchangeAt: '2026-12-24T18:00', timezone: 'Europe/Berlin' });
    const other = await drawnExchange(t, { n: 3, exchangeAt: '2026-12-31T20:00', timezone: 'Europe/Berlin', reminderDays: [2], tag: 'Other' });
    expect(await upcomingFor(x.exchangeId)).toEqual([
      'reminders 7 days before 2026-12-17T17:00:00.000Z',
      'reminders 3 days before 2026-12-21T17:00:00.000Z',
      'reminders 1 day before 2026-12-23T17:00:00.000Z',
      'auto-complete exchange date 2026-12-24T17:00:00.000Z',
    ]);

    await t.ok('exchanges.update', { exchangeId: x.exchangeId, patch: { exchangeAt: '2026-12-26T12:00' } });
    expect(await upcomingFor(x.exchangeId)).toEqual([
      'reminders 7 days before 2026-12-19T11:00:00.000Z',
      'reminders 3 days before 2026-12-23T11:00:00.000Z',
      'reminders 1 day before 2026-12-25T11:00:00.000Z',
      'auto-complete exchange date 2026-12-26T11:00:00.000Z',
    ]);

    await t.ok('exchanges.update', { exchangeId: x.exchangeId, patch: { reminderDays: [10, 2] } });
    expect(await upcomingFor(x.exchangeId)).toEqual([
      'reminders 10 days before 2026-12-16T11:00:00.000Z',
      'reminders 2 days before 2026-12-24T11:00:00.000Z',
      'auto-complete exchange date 2026-12-26T11:00:00.000Z',
    ]);

    // The new schedule is the one that runs: nothing at the old 7-day instant, the 10-day one on time.
    t.clock.set('2026-12-16T10:59:59Z');
    await t.app.jobs.runDue();
    expect(outbox(t, 'reminder').filter((r) => r.exchange_id === x.exchangeId)).toEqual([]);
    t.clock.set('2026-12-16T11:00:00Z');
    await t.app.jobs.runDue();
    expect(new Set(outbox(t, 'reminder').map((r) => r.idempotency_key.replace(/:\d+$/, '')))).toEqual(new Set([`reminder:${x.exchangeId}:10`]));
    expect(await upcomingFor(x.exchangeId)).toEqual(['reminders 2 days before 2026-12-24T11:00:00.000Z', 'auto-complete exchange date 2026-12-26T11:00:00.000Z']);

    await t.ok('exchanges.transition', { exchangeId: x.exchangeId, action: 'cancel' });
    expect(await upcomingFor(x.exchangeId)).toEqual([]);
    expect(await upcomingFor(other.exchangeId)).toHaveLength(2);
    t.clock.set('2026-12-27T00:00:00Z');
    await t.app.jobs.runDue();
    expect(outbox(t, 'reminder').filter((r) => r.exchange_id === x.exchangeId)).toHaveLength(4);
    expect((await t.ok('exchanges.get', { exchangeId: x.exchangeId })).state).toBe('cancelled');
  });
});

describe('run log and health', () => {
  it('logs a throwing job as failed with its error, runs the other due jobs of the pass, and reports it failing', async () => {
    t.deps.db.sqlite.exec('drop table rate_limits; drop table magic_tokens');
    t.deps.db.sqlite
      .prepare("insert into sessions (session_hash, kind, csrf_secret, created_at, last_seen_at, expires_at, max_expires_at) values ('s', 'organizer', 'c', 0, 0, 1, 1)")
      .run();
    t.clock.set('2026-12-02T05:00:00Z');
    const { runs } = await t.ok('jobs.runDue', {});
    const summary = runs.map((r) => [r.job, r.outcome]);
    expect(summary).toEqual([
      ['token-cleanup', 'failed'],
      ['auto-complete', 'ok'],
      ['data-purge', 'ok'],
      ['session-cleanup', 'ok'],
      ['rate-limit-cleanup', 'failed'],
    ]);

    const log = await t.ok('jobs.runs', { limit: 10 });
    expect(log.find((r) => r.job === 'rate-limit-cleanup')).toMatchObject({ outcome: 'failed', error: expect.stringContaining('no such table: rate_limits'), counts: {} });
    expect(log.find((r) => r.job === 'token-cleanup')).toMatchObject({ outcome: 'failed', error: expect.stringContaining('magic_tokens') });
    expect(log.find((r) => r.job === 'session-cleanup')).toMatchObject({ outcome: 'ok', counts: { deleted: 1 }, error: null, finishedAt: Date.parse('2026-12-02T05:00:00Z') });
    expect(await t.ok('jobs.runs', { job: 'rate-limit-cleanup' })).toHaveLength(1);
    expect((await t.ok('jobs.health', {})).failing.sort()).toEqual(['rate-limit-cleanup', 'token-cleanup']);

    // Repaired: the next 04:00 run succeeds and the job stops being reported.
    t.deps.db.sqlite.exec('create table rate_limits (key text primary key, count integer not null, window_started_at integer not null, expires_at integer not null) strict');
    t.clock.set('2026-12-03T04:00:00Z');
    await t.app.jobs.runDue();
    expect((await t.ok('jobs.runs', { job: 'rate-limit-cleanup', limit: 1 }))[0]).toMatchObject({ outcome: 'ok', counts: { deleted: 0 } });
    expect((await t.ok('jobs.health', {})).failing).toEqual(['token-cleanup']);
  });
});

describe('the wake-up timer', () => {
  it('logs a pass that cannot run (the run log cannot be written) instead of an unhandled rejection', async () => {
    const errors: string[] = [];
    const log: Logger = { ...silentLogger, error: (message) => errors.push(message) };
    const own = await createTestApp({ start: '2026-12-01T09:00:00Z', log });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      await own.app.jobs.start();
      own.deps.db.sqlite.exec('drop table job_runs');
      own.clock.set('2026-12-01T10:00:00Z');
      await vi.advanceTimersByTimeAsync(61_000);
      expect(errors).toEqual(['job pass failed']);
      // …and keeps waking every minute.
      await vi.advanceTimersByTimeAsync(60_000);
      expect(errors).toEqual(['job pass failed', 'job pass failed']);
    } finally {
      await own.app.jobs.stop().catch(() => undefined);
      vi.useRealTimers();
      own.close();
    }
  });
});

describe('planning the next wake', () => {
  it('happens once per pass, not once for every exchange the pass changes', async () => {
    for (let i = 0; i < 5; i++) {
      const { id } = await t.ok('exchanges.create', { name: `Open ${i}`, exchangeAt: '2026-12-24T18:00', registrationDeadline: '2026-12-02T12:00', timezone: 'Europe/Berlin' });
      await t.ok('exchanges.transition', { exchangeId: id, action: 'open' });
    }
    t.clock.set('2026-12-03T09:30:00Z');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const planned = vi.spyOn(t.app.jobs, 'upcoming');
    try {
      const runs = await t.app.jobs.start();
      expect(runs.filter((r) => r.job === 'registration-close')).toHaveLength(5);
      expect(planned).toHaveBeenCalledTimes(1);
    } finally {
      await t.app.jobs.stop();
      vi.useRealTimers();
    }
  });
});
