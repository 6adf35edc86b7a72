import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dataFolder, duplicateKeys, nextSeed, quickMatchedExchange, remindersPerPerson } from '../../support/jobs-fixtures';
import { createTestApp, type TestApp } from '../../support/test-app';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD = fileURLToPath(new URL('../../support/jobs-child.ts', import.meta.url));
const PEOPLE = 2000;
/** The 7-day reminder of 24 Dec 18:00 Berlin. */
const DUE = '2026-12-17T17:00:00Z';
const KILL_AFTER_MS = 250;

interface Child {
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  printed(text: string): Promise<void>;
  kill(): void;
  output(): string;
}

function launch(dataDir: string, at: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, at], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const listeners: Array<() => void> = [];
  const collect = (chunk: Buffer) => {
    out += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    exit,
    printed: (text) =>
      new Promise((resolve, reject) => {
        const check = () => out.includes(text) && resolve();
        listeners.push(check);
        check();
        void exit.then(() => reject(new Error(`child exited before printing "${text}":\n${out}`)));
      }),
    kill: () => child.kill('SIGKILL'),
    output: () => out,
  };
}

let folder: ReturnType<typeof dataFolder>;
let t: TestApp | undefined;
afterEach(() => {
  t?.close();
  folder.remove();
});

describe('a crash in the middle of a reminder fan-out', () => {
  it('SIGKILL while the reminder run is open: the relaunch finishes the fan-out, each person gets exactly one, and the run is logged as interrupted', async () => {
    folder = dataFolder();
    const setup = await createTestApp({ dir: folder.dir, start: '2026-12-10T09:00:00Z', seed: nextSeed() });
    await setup.app.jobs.runDue();
    const x = await quickMatchedExchange(setup, { n: PEOPLE, exchangeAt: '2026-12-24T18:00', timezone: 'Europe/Berlin', tag: 'Crash' });
    setup.close();

    const first = launch(folder.dir, DUE);
    await first.printed('opened');
    const reader = new Database(join(folder.dir, 'sneaky-klaus.sqlite3'), { readonly: true, fileMustExist: true });
    const count = (sql: string) => (reader.prepare(sql).get() as { n: number }).n;
    const runningReminders = "select count(*) n from job_runs where outcome = 'running' and job = 'reminders'";
    const reminderRows = "select count(*) n from email_outbox where kind = 'reminder'";
    // Kill a moment into the run (the fan-out of 2000 takes seconds), or as soon as any reminder
    // shows: a fan-out that commits as it goes is caught with part of it done.
    await new Promise<void>((resolve) => {
      let runningSince: number | null = null;
      const timer = setInterval(() => {
        if (count(reminderRows) === 0) {
          if (count(runningReminders) === 0) return;
          runningSince ??= performance.now();
          if (performance.now() - runningSince < KILL_AFTER_MS) return;
        }
        first.kill();
        clearInterval(timer);
        resolve();
      }, 2);
      void first.exit.then(() => {
        clearInterval(timer);
        resolve();
      });
    });
    expect((await first.exit).signal, `the child finished before it could be killed:\n${first.output()}`).toBe('SIGKILL');
    // The fan-out commits in slices (so 10 000 people never freeze the pages): the kill may land
    // with part of it queued. The day is marked handled only once everyone is queued, and the
    // run is still open.
    const committed = count(reminderRows);
    expect(committed).toBeGreaterThanOrEqual(0);
    expect(committed).toBeLessThanOrEqual(PEOPLE);
    const marked = count("select count(*) n from job_state where job = 'reminders'");
    if (committed < PEOPLE) expect(marked).toBe(0);
    expect(count(runningReminders)).toBe(1);
    reader.close();

    const second = launch(folder.dir, DUE);
    expect(await second.exit, second.output()).toEqual({ code: 0, signal: null });
    // The relaunch queues only those the killed run had not queued yet (the outbox keys).
    if (marked === 0) expect(second.output()).toMatch(new RegExp(`"jobKey":"reminder:\\d+:7","outcome":"ok","counts":\\{"queued":${PEOPLE - committed}[,}]`));

    t = await createTestApp({ dir: folder.dir, start: DUE, seed: nextSeed() });
    const perPerson = remindersPerPerson(t, x.exchangeId);
    expect(perPerson.size).toBe(PEOPLE);
    expect([...perPerson.values()].every((n) => n === 1)).toBe(true);
    expect(duplicateKeys(t)).toEqual([]);
    const runs = await t.ok('jobs.runs', { job: 'reminders' });
    const interrupted = { key: `reminder:${x.exchangeId}:7`, outcome: 'failed', queued: undefined };
    expect(runs.map((r) => ({ key: r.jobKey, outcome: r.outcome, queued: r.counts.queued }))).toEqual(
      marked === 0 ? [{ key: `reminder:${x.exchangeId}:7`, outcome: 'ok', queued: PEOPLE - committed }, interrupted] : [interrupted],
    );
    expect(runs.at(-1)!.error).toMatch(/^Interrupted/);
    expect(await t.app.jobs.runDue()).toEqual([]);
  }, 150_000);
});
