import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataFolder, drawnExchange, nextSeed, type Person } from '../../support/jobs-fixtures';
import { createTestApp, type TestApp } from '../../support/test-app';

/**
 * "Deleted 30 days after" must be true of every file the app keeps: after the purge, the raw bytes
 * of the database, its WAL and every backup hold none of the purged people's names or addresses.
 */
let folder: ReturnType<typeof dataFolder>;
let t: TestApp;
afterEach(() => {
  t.close();
  folder.remove();
});

function files(): string[] {
  const db = join(folder.dir, 'sneaky-klaus.sqlite3');
  const backups = join(folder.dir, 'backups');
  const backupFiles = existsSync(backups) ? readdirSync(backups).map((name) => join(backups, name)) : [];
  return [db, `${db}-wal`, ...backupFiles].filter((file) => existsSync(file));
}

/** Which of `needles` occur (UTF-8) in which file. */
function occurrences(needles: string[]): string[] {
  const found: string[] = [];
  for (const file of files()) {
    const bytes = readFileSync(file);
    for (const needle of needles) if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push(`${file.slice(folder.dir.length)}: ${needle}`);
  }
  return found;
}

const personal = (people: Person[]) => people.flatMap((p) => [p.name, p.email, p.giftIdeas]);

async function runAt(iso: string) {
  t.clock.set(iso);
  return t.app.jobs.runDue();
}

describe('purge leaves no trace of the people', () => {
  it('database file, WAL and backups hold none of the purged names or emails; pair history stays', async () => {
    folder = dataFolder();
    t = await createTestApp({ dir: folder.dir, start: '2026-12-01T09:00:00Z', seed: nextSeed() });
    await t.ok('settings.update', { organizer: { name: 'Olga', email: 'olga@jobs-test.example' } });
    await t.app.jobs.runDue();
    const gone = await drawnExchange(t, { n: 6, exchangeAt: '2026-12-24T18:00', timezone: 'Europe/Berlin', tag: 'Qwyzzle' });
    const kept = await drawnExchange(t, { n: 4, exchangeAt: '2027-02-20T18:00', timezone: 'Europe/Berlin', tag: 'Fjordkeep' });
    const goneIds = gone.people.map((p) => p.id);
    const session = t.deps.db.sqlite.prepare(
      "insert into sessions (session_hash, kind, participant_id, csrf_secret, created_at, last_seen_at, expires_at, max_expires_at) values (?, 'participant', ?, 'c', 0, 0, ?, ?)",
    );
    const far = Date.parse('2027-06-01T00:00:00Z');
    gone.people.forEach((p, i) => session.run(`s-gone-${i}`, p.id, far, far));
    const historyBefore = (t.deps.db.sqlite.prepare('select count(*) n from pair_history').get() as { n: number }).n;
    expect(historyBefore).toBeGreaterThanOrEqual(10);

    // Reminders go out, the exchange completes, daily backups are taken (they hold the people).
    for (const when of ['2026-12-17T17:00:00Z', '2026-12-23T17:00:00Z', '2026-12-24T17:00:00Z', '2026-12-25T02:00:00Z', '2027-01-02T02:00:00Z', '2027-01-17T02:00:00Z'])
      await runAt(when);
    t.deps.db.sqlite.pragma('wal_checkpoint(PASSIVE)');
    // The search works: before the purge the people are in the database and the backups.
    const before = occurrences(personal(gone.people));
    expect(before.some((hit) => hit.startsWith('/sneaky-klaus.sqlite3:'))).toBe(true);
    expect(before.some((hit) => hit.startsWith('/backups/'))).toBe(true);
    expect(t.deps.db.sqlite.prepare('select purge_warned_at from exchanges where id = ?').get(gone.exchangeId)).toEqual({ purge_warned_at: Date.parse('2027-01-17T02:00:00Z') });

    const runs = await runAt('2027-01-24T02:00:00Z');
    expect(runs.find((r) => r.job === 'data-purge')).toMatchObject({ outcome: 'ok', counts: { purged: 1 } });
    // A few more writes after the purge, as a running app would make.
    await runAt('2027-01-24T03:00:00Z');
    expect(existsSync(join(folder.dir, 'sneaky-klaus.sqlite3-wal'))).toBe(true);

    expect(occurrences(personal(gone.people))).toEqual([]);
    // …while the people of the exchange that stays are still there (in the database and the new backup).
    const stillThere = occurrences(personal(kept.people));
    expect(stillThere.some((hit) => hit.startsWith('/sneaky-klaus.sqlite3'))).toBe(true);
    expect(stillThere.some((hit) => hit.startsWith('/backups/sneaky-klaus-after-purge-'))).toBe(true);

    const count = (sql: string, ...params: unknown[]) => (t.deps.db.sqlite.prepare(sql).get(...params) as { n: number }).n;
    const marks = goneIds.map(() => '?').join(',');
    expect(count('select count(*) n from pair_history')).toBe(historyBefore);
    for (const table of ['magic_tokens', 'sessions']) expect(count(`select count(*) n from ${table} where participant_id in (${marks})`, ...goneIds), table).toBe(0);
    expect(count('select count(*) n from email_outbox where exchange_id = ?', gone.exchangeId)).toBe(0);
    expect(count('select count(*) n from job_runs where exchange_id = ?', gone.exchangeId)).toBe(0);
    expect(count('select count(*) n from job_state where exchange_id = ?', gone.exchangeId)).toBe(0);
  });
});
