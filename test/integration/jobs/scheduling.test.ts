import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import type { RecurringJobName } from '../../../src-main/core/schedule/job-names';
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
    // Only the deletion of its data is left: 30 days (the default retention) after the cancellation.
    expect(await upcomingFor(x.exchangeId)).toEqual(['data-purge planned deletion of its data 2027-01-15T11:00:00.000Z']);
    expect(await upcomingFor(other.exchangeId)).toHaveLength(2);
    t.clock.set('2026-12-27T00:00:00Z');
    await t.app.jobs.runDue();
    expect(outbox(t, 'reminder').filter((r) => r.exchange_id === x.exchangeId)).toHaveLength(4);
    expect((await t.ok('exchanges.get', { exchangeId: x.exchangeId })).state).toBe('cancelled');
  });
});

describe('a clock set a year ahead, then corrected', () => {
  it('holds no daily job back until that date: each runs at the first pass after the correction, then daily', async () => {
    t.clock.set('2027-12-01T09:00:00Z');
    await t.app.jobs.runDue();
    t.clock.set('2026-12-02T09:00:00Z');
    await t.app.jobs.runDue();
    const ranAt = async (job: RecurringJobName) => (await t.ok('jobs.runs', { job, limit: 10 })).map((run) => iso(run.startedAt));
    for (const job of ['data-purge', 'session-cleanup', 'rate-limit-cleanup', 'token-cleanup'] as const) expect(await ranAt(job), job).toContain('2026-12-02T09:00:00.000Z');
    const upcoming = (await t.ok('jobs.upcoming', { limit: 100 })).filter((j) => j.job === 'data-purge').map((j) => iso(j.dueAt));
    expect(upcoming).toEqual(['2026-12-03T02:00:00.000Z']);
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
      ['signup-digest', 'ok'],
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

describe('"run now" and a pass at once', () => {
  it('runs the job once: the pass waits for "run now" and then finds it done', async () => {
    t.clock.set('2026-12-02T05:00:00Z'); // every daily job is due
    const manual = t.app.jobs.runNow('session-cleanup');
    const pass = t.app.jobs.runDue(); // the minute's wake, while "run now" is under way
    const [manualRuns, passRuns] = await Promise.all([manual, pass]);
    expect(manualRuns.map((r) => r.job)).toEqual(['session-cleanup']);
    expect(passRuns.map((r) => r.job)).not.toContain('session-cleanup');
    expect(passRuns.map((r) => r.job)).toContain('token-cleanup');
    expect(await t.ok('jobs.runs', { job: 'session-cleanup' })).toHaveLength(1);
  });

  it('quitting during "run now" lets it finish and log its end', async () => {
    t.clock.set('2026-12-02T05:00:00Z');
    const manual = t.app.jobs.runNow('data-purge');
    await t.app.jobs.stop();
    expect((await t.ok('jobs.runs', { job: 'data-purge', limit: 1 }))[0]).toMatchObject({ outcome: 'ok' });
    expect((await manual).map((r) => r.outcome)).toEqual(['ok']);
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
      // Logged (the wake at the due time and the minute's wake may both have run), never thrown.
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(new Set(errors)).toEqual(new Set(['job pass failed']));
      // …and keeps waking every minute.
      const before = errors.length;
      await vi.advanceTimersByTimeAsync(60_000);
      expect(errors.length).toBeGreaterThan(before);
      expect(new Set(errors)).toEqual(new Set(['job pass failed']));
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

describe('what the Jobs page is told', () => {
  it('says why nothing ran when a per-exchange job is not due', async () => {
    await drawnExchange(t, { n: 3, exchangeAt: '2026-12-24T18:00', timezone: 'Europe/Berlin', reminderDays: [7] });
    const reminders = await t.ok('jobs.runNow', { job: 'reminders' });
    expect(reminders).toEqual({ runs: [], nothingDue: true, message: expect.stringContaining('No reminder is due right now') });
    const close = await t.ok('jobs.runNow', { job: 'registration-close' });
    expect(close).toMatchObject({ runs: [], nothingDue: true, message: expect.stringContaining('No registration is due to close') });
    const cleanup = await t.ok('jobs.runNow', { job: 'token-cleanup' });
    expect(cleanup).toMatchObject({ nothingDue: false, message: null, runs: [expect.objectContaining({ job: 'token-cleanup', outcome: 'ok' })] });
  });

  it('records the due instant of a reminder, so one sent late after downtime can be told from an on-time one', async () => {
    const x = await drawnExchange(t, { n: 3, exchangeAt: '2026-12-24T18:00', timezone: 'Europe/Berlin', reminderDays: [7] });
    t.clock.set('2026-12-17T20:30:00Z'); // the computer was off at 18:00 Berlin
    await t.app.jobs.runDue();
    const [run] = await t.ok('jobs.runs', { job: 'reminders' });
    expect(run).toMatchObject({ exchangeId: x.exchangeId, scheduledFor: Date.parse('2026-12-17T17:00:00Z'), startedAt: Date.parse('2026-12-17T20:30:00Z'), counts: { queued: 3 } });
  });

  it('keeps what the purge did when it fails at the backup afterwards', async () => {
    const x = await drawnExchange(t, { n: 3, exchangeAt: '2026-12-24T18:00', timezone: 'Europe/Berlin' });
    const longAgo = Date.parse('2026-10-01T00:00:00Z');
    t.deps.db.sqlite.prepare("update exchanges set state = 'completed', completed_at = ?, purge_warned_at = ? where id = ?").run(longAgo, longAgo, x.exchangeId);
    // The backup folder is a file now: the backup after the purge cannot be written.
    rmSync(t.deps.paths.backupDir, { recursive: true, force: true });
    writeFileSync(t.deps.paths.backupDir, 'not a folder');
    const { runs } = await t.ok('jobs.runNow', { job: 'data-purge' });
    expect(runs).toEqual([expect.objectContaining({ outcome: 'failed', counts: { warned: 0, purged: 1 }, error: expect.any(String) })]);
    expect(await t.ok('exchanges.list', {})).toEqual([]);
  });

  it('sends a reminder now with the days really left, once, and not again at a planned day with the same count', async () => {
    const x = await drawnExchange(t, { n: 3, exchangeAt: '2026-12-24T18:00', timezone: 'Europe/Berlin', reminderDays: [7, 3] });
    t.clock.set('2026-12-21T10:00:00Z'); // three calendar days before, before the planned 18:00 reminder
    const first = await t.ok('jobs.sendReminderNow', { exchangeId: x.exchangeId });
    expect(first).toMatchObject({ nothingDue: false, runs: [{ job: 'reminders', scheduledFor: null, outcome: 'ok', counts: { queued: 3, daysBefore: 3 } }] });
    const again = await t.ok('jobs.sendReminderNow', { exchangeId: x.exchangeId });
    expect(again.runs[0]?.counts).toMatchObject({ queued: 0 });
    // The planned 3-day reminder is already handled: nothing more at its instant.
    t.clock.set('2026-12-21T17:00:00Z');
    await t.app.jobs.runDue();
    expect(outbox(t, 'reminder').filter((r) => r.exchange_id === x.exchangeId)).toHaveLength(3);
    expect(await t.call('jobs.sendReminderNow', { exchangeId: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses to send reminders before the draw', async () => {
    const { id } = await t.ok('exchanges.create', { name: 'Open', exchangeAt: '2026-12-24T18:00', timezone: 'Europe/Berlin' });
    expect(await t.call('jobs.sendReminderNow', { exchangeId: id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_state', message: expect.stringContaining('once names are drawn') },
    });
  });

  it('lists a reminder due tomorrow before the cleanup jobs due sooner', async () => {
    await drawnExchange(t, { n: 3, exchangeAt: '2026-12-24T18:00', timezone: 'Europe/Berlin', reminderDays: [1], name: 'Family' });
    t.clock.set('2026-12-22T20:00:00Z');
    const upcoming = await t.ok('jobs.upcoming', { limit: 5 });
    expect(upcoming[0]).toMatchObject({ job: 'reminders', group: 'exchange', exchangeName: 'Family', dueAt: Date.parse('2026-12-23T17:00:00Z') });
    expect(upcoming.map((j) => j.group)).toEqual(['exchange', 'exchange', 'maintenance', 'maintenance', 'maintenance']);
    expect(Math.min(...upcoming.slice(2).map((j) => j.dueAt))).toBeLessThan(upcoming[0]!.dueAt);
  });
});
