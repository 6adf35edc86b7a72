import { cpSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dataFolder, drawnExchange, nextSeed, duplicateKeys, remindersPerPerson } from '../../support/jobs-fixtures';
import { createTestApp, type TestApp } from '../../support/test-app';

/**
 * The same week of downtime caught up once (reference) and through restarts that cut the
 * catch-up short, concurrent runDue calls and a doubled start(): the outcome must be the same.
 */
const SHUTDOWN = '2026-12-15T09:00:00Z';
const RELAUNCH = '2026-12-22T09:00:00Z';
const folders: Array<ReturnType<typeof dataFolder>> = [];
const open: TestApp[] = [];

function folder() {
  const f = dataFolder();
  folders.push(f);
  return f.dir;
}

async function openAt(dir: string, start: string): Promise<TestApp> {
  const t = await createTestApp({ dir, start, seed: nextSeed() });
  open.push(t);
  return t;
}

afterEach(() => {
  for (const t of open.splice(0)) if (t.app.deps.db.sqlite.open) t.close();
  for (const f of folders.splice(0)) f.remove();
});

/** A, drawn: reminders 7 (missed, skipped) and 3 (sent). B, drawn: date passed. C: deadline passed. D: completed 32 days ago. */
async function world(): Promise<{ dir: string; a: number; b: number; c: number; d: number; people: number }> {
  const dir = folder();
  const t = await openAt(dir, SHUTDOWN);
  await t.ok('settings.update', { organizer: { name: 'Olga', email: 'olga@jobs-test.example' } });
  const a = await drawnExchange(t, { n: 6, exchangeAt: '2026-12-24T18:00', timezone: 'Europe/Berlin', tag: 'A' });
  const b = await drawnExchange(t, { n: 4, exchangeAt: '2026-12-20T18:00', timezone: 'Europe/Berlin', tag: 'B' });
  const c = (await t.ok('exchanges.create', { name: 'C', exchangeAt: '2026-12-30T18:00', registrationDeadline: '2026-12-18T12:00', timezone: 'Europe/Berlin' })).id;
  await t.ok('exchanges.transition', { exchangeId: c, action: 'open' });
  await t.ok('participants.add', { exchangeId: c, name: 'Cleo', email: 'cleo@jobs-test.example' });
  const d = await drawnExchange(t, { n: 3, exchangeAt: '2026-12-31T18:00', timezone: 'Europe/Berlin', tag: 'D' });
  t.deps.db.sqlite.prepare("update exchanges set state = 'completed', completed_at = ? where id = ?").run(Date.parse('2026-11-20T12:00:00Z'), d.exchangeId);
  await t.app.jobs.runDue();
  t.close();
  return { dir, a: a.exchangeId, b: b.exchangeId, c, d: d.exchangeId, people: a.people.length };
}

function snapshot(t: TestApp) {
  const all = (sql: string) => t.deps.db.sqlite.prepare(sql).all();
  return {
    exchanges: all('select id, state, completed_at, purge_warned_at from exchanges order by id'),
    outbox: all('select idempotency_key, kind, to_address, exchange_id, participant_id from email_outbox order by idempotency_key'),
    jobState: all('select job_key, last_outcome, last_run_at, due_at from job_state order by job_key'),
  };
}

/** Starts a pass and shuts the app down while it is between two units (a restart mid catch-up). */
async function interruptedLaunch(dir: string, passes: number): Promise<string[]> {
  const t = await openAt(dir, RELAUNCH);
  const started = Array.from({ length: passes }, () => t.app.jobs.runDue());
  expect(new Set(started).size).toBe(1);
  t.close();
  const outcomes = await Promise.allSettled(started);
  return outcomes.map((o) => o.status);
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('restarts before catch-up finishes', () => {
  it('two cut-short launches, then start() twice: same outcome as one catch-up, no duplicate, no timer left', async () => {
    const w = await world();
    const copy = folder();
    cpSync(w.dir, copy, { recursive: true });

    const reference = await openAt(w.dir, RELAUNCH);
    const referenceRuns = await reference.app.jobs.runDue();
    expect(referenceRuns.map((r) => `${r.job}:${r.outcome}`)).toEqual([
      'registration-close:ok',
      'reminders:ok',
      'reminders:skipped',
      'auto-complete:ok',
      'token-cleanup:ok',
      'auto-complete:ok',
      'data-purge:ok',
      'session-cleanup:ok',
      'rate-limit-cleanup:ok',
      'signup-digest:ok',
    ]);
    const expected = snapshot(reference);
    expect(expected.exchanges).toMatchObject([
      { id: w.a, state: 'matched' },
      { id: w.b, state: 'completed' },
      { id: w.c, state: 'registration_closed' },
      { id: w.d, state: 'completed', purge_warned_at: Date.parse(RELAUNCH) },
    ]);
    expect([...remindersPerPerson(reference, w.a).values()]).toEqual(Array(w.people).fill(1));

    expect(await interruptedLaunch(copy, 2)).toEqual(['rejected', 'rejected']);
    expect(await interruptedLaunch(copy, 1)).toEqual(['rejected']);

    const before = timers();
    const t = await openAt(copy, RELAUNCH);
    const [first, second] = await Promise.all([t.app.jobs.start(), t.app.jobs.start()]);
    expect([...(first ?? []), ...(second ?? [])].length).toBeGreaterThan(0);
    expect(await Promise.all([t.app.jobs.runDue(), t.app.jobs.runDue()])).toEqual([[], []]);
    await t.app.jobs.stop();
    expect(timers()).toBe(before);

    expect(snapshot(t)).toEqual(expected);
    expect(duplicateKeys(t)).toEqual([]);
    const log = await t.ok('jobs.runs', { limit: 100 });
    expect(log.filter((r) => r.outcome === 'running')).toEqual([]);
    const interrupted = log.filter((r) => r.outcome === 'failed');
    // One run cut short per cut-short launch; which one depends on how far each got (the
    // scheduler yields between a run's log row and its work).
    expect(interrupted).toHaveLength(2);
    for (const run of interrupted) expect(['registration-close', 'reminders']).toContain(run.job);
    for (const run of interrupted) expect(run.error).toMatch(/^Interrupted/);
  });
});
