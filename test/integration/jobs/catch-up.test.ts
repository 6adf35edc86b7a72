import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECURRING_JOBS } from '../../../src-main/core/schedule';
import { byJob, dataFolder, drawnExchange, duplicateKeys, exchangeRow, jobState, outbox, remindersPerPerson, restart } from '../../support/jobs-fixtures';
import { createTestApp, type TestApp } from '../../support/test-app';

/**
 * The app is shut down (close), time passes, it is opened again on the same folder and catches up
 * with `runDue()` as a launch does. Reminders for exchange XMAS (24 Dec 18:00 Berlin = 17:00Z):
 * 7 days → 17 Dec 17:00Z, 3 days → 21 Dec 17:00Z, 1 day → 23 Dec 17:00Z.
 */
let folder: ReturnType<typeof dataFolder>;
let t: TestApp;
const XMAS = '2026-12-24T18:00';
const ORGANIZER = { name: 'Olga', email: 'olga@jobs-test.example' };

async function launch(start: string): Promise<void> {
  t = await createTestApp({ dir: folder.dir, start });
  await t.ok('settings.update', { organizer: ORGANIZER });
  await t.app.jobs.runDue();
}

async function relaunchAt(iso: string) {
  t = await restart(t, iso);
  return t.app.jobs.runDue();
}

beforeEach(() => {
  folder = dataFolder();
});
afterEach(() => {
  t.close();
  folder.remove();
});

describe('catch-up on launch', () => {
  it('off for 2 hours: only the hourly token cleanup runs, once, standing for both missed hours', async () => {
    await launch('2026-12-01T09:00:00Z');
    await drawnExchange(t, { n: 3, exchangeAt: XMAS, timezone: 'Europe/Berlin' });
    const runs = await relaunchAt('2026-12-01T11:00:00Z');
    expect(runs).toMatchObject([{ job: 'token-cleanup', outcome: 'ok', scheduledFor: Date.parse('2026-12-01T11:00:00Z'), counts: { coalesced: 2 } }]);
    expect(runs).toHaveLength(1);
    expect(await t.app.jobs.runDue()).toEqual([]);
  });

  it('off for 3 days across a reminder: it is sent once, and every recurring job runs once', async () => {
    await launch('2026-12-16T09:00:00Z');
    const x = await drawnExchange(t, { n: 5, exchangeAt: XMAS, timezone: 'Europe/Berlin' });
    const runs = await relaunchAt('2026-12-19T09:00:00Z');
    const jobs = byJob(runs);
    expect(jobs.get('reminders')).toMatchObject([{ jobKey: `reminder:${x.exchangeId}:7`, outcome: 'ok', counts: { queued: 5, skipped: 0 } }]);
    for (const r of RECURRING_JOBS) expect(jobs.get(r.job), r.job).toHaveLength(1);
    expect(jobs.get('token-cleanup')![0]!.counts.coalesced).toBe(72);
    expect(jobs.get('auto-complete')![0]!.counts.coalesced).toBe(3);

    await relaunchAt('2026-12-19T09:30:00Z');
    await relaunchAt('2026-12-19T10:00:00Z');
    expect([...remindersPerPerson(t, x.exchangeId).values()]).toEqual([1, 1, 1, 1, 1]);
    expect(duplicateKeys(t)).toEqual([]);
  });

  it('off for 10 days across two reminders and the date: none is sent, both are recorded skipped, the exchange completes', async () => {
    await launch('2026-12-10T09:00:00Z');
    const x = await drawnExchange(t, { n: 4, exchangeAt: XMAS, timezone: 'Europe/Berlin' });
    t.clock.set('2026-12-17T17:00:00Z');
    await t.app.jobs.runDue();
    expect(outbox(t, 'reminder')).toHaveLength(4);
    await relaunchAt('2026-12-18T09:00:00Z');

    const runs = await relaunchAt('2026-12-28T09:00:00Z');
    expect(runs.filter((r) => r.exchangeId === x.exchangeId)).toMatchObject([
      { job: 'reminders', outcome: 'skipped', counts: { queued: 0, skipped: 2 } },
      { job: 'auto-complete', outcome: 'ok', counts: { completed: 1 } },
    ]);
    expect(outbox(t, 'reminder')).toHaveLength(4);
    expect(jobState(t, `reminder:${x.exchangeId}:3`)?.last_outcome).toBe('skipped');
    expect(jobState(t, `reminder:${x.exchangeId}:1`)?.last_outcome).toBe('skipped');
    expect(jobState(t, `reminder:${x.exchangeId}:7`)?.last_outcome).toBe('sent');
    expect(exchangeRow(t, x.exchangeId)).toMatchObject({ state: 'completed', completed_at: Date.parse('2026-12-24T17:00:00Z') });
    expect((await t.ok('jobs.runs', { job: 'reminders', limit: 5 })).map((r) => r.outcome)).toEqual(['skipped', 'ok']);
    expect(await t.app.jobs.runDue()).toEqual([]);
  });

  it('off for 40 days across completion, warning and purge: warned once on launch, purged ≥ 7 days later', async () => {
    await launch('2026-12-20T09:00:00Z');
    const x = await drawnExchange(t, { n: 4, exchangeAt: XMAS, timezone: 'Europe/Berlin', reminderDays: [1], tag: 'Forty' });
    const warnings = () => outbox(t, 'organizer-purge-warning').filter((r) => r.exchange_id === x.exchangeId);

    // 29 Jan: retention (30 days from 24 Dec 17:00Z) ended 23 Jan; the warning was due 16 Jan.
    const runs = await relaunchAt('2027-01-29T09:00:00Z');
    expect(exchangeRow(t, x.exchangeId)).toMatchObject({
      state: 'completed',
      completed_at: Date.parse('2026-12-24T17:00:00Z'),
      purge_warned_at: Date.parse('2027-01-29T09:00:00Z'),
    });
    expect(runs.find((r) => r.job === 'data-purge')).toMatchObject({ counts: { warned: 1, purged: 0 } });
    // No mail is set up here: the warning is shown on screen instead of queued.
    expect(warnings()).toEqual([]);
    expect((await t.ok('outbox.status', {})).notices).toMatchObject([{ kind: 'purge-warning', exchangeId: x.exchangeId }]);
    expect(outbox(t, 'reminder')).toEqual([]);

    // Every launch and every daily run until 5 Feb 09:00 waits; the warning is not sent again.
    for (const when of ['2027-01-29T12:00:00Z', '2027-01-30T02:00:00Z', '2027-02-02T08:00:00Z', '2027-02-05T02:00:00Z', '2027-02-05T09:30:00Z']) {
      await relaunchAt(when);
      expect(exchangeRow(t, x.exchangeId)?.state, when).toBe('completed');
      expect(warnings(), when).toHaveLength(0);
    }
    expect(duplicateKeys(t)).toEqual([]);
    const purgeRuns = await relaunchAt('2027-02-06T02:00:00Z');
    expect(purgeRuns.find((r) => r.job === 'data-purge')).toMatchObject({ counts: { warned: 0, purged: 1 } });
    expect(exchangeRow(t, x.exchangeId)).toBeUndefined();
  });
});

describe('a first launch', () => {
  it('owes nothing for the time before it: recurring jobs are only registered', async () => {
    t = await createTestApp({ dir: folder.dir, start: '2026-12-01T09:30:00Z' });
    expect(await t.app.jobs.runDue()).toEqual([]);
    t.clock.set('2026-12-01T10:00:00Z');
    expect((await t.app.jobs.runDue()).map((r) => r.job)).toEqual(['token-cleanup']);
  });
});
