import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { openSqlite } from '../../../src-main/db/database';
import { migrate } from '../../../src-main/db/migrate';
import { personHash } from '../../../src-main/services/draw/history';
import { createTestApp, exchangeInput } from '../../support/test-app';

/** Migration 0005: year-keyed pair history and "the last N years" become per-exchange. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sk-history-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = 'k'.repeat(40);
const hash = (name: string) => personHash(SECRET, `${name}@example.com`);

async function legacyDatabase() {
  const sqlite = openSqlite(join(dir, 'sneaky-klaus.sqlite3'));
  await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0, migrations: migrations.slice(0, 4) });
  sqlite.prepare('insert into settings (key, value, updated_at) values (?, ?, 0)').run('installationSecret', JSON.stringify(SECRET));
  sqlite.exec(`insert into exchanges (name, exchange_at, timezone, invite_code, state, avoid_history_years, created_at, updated_at)
               values ('Old 2025', ${Date.parse('2025-12-24T17:00:00Z')}, 'Europe/Berlin', 'code-old', 'draft', 2, 1, 1),
                      ('Other', ${Date.parse('2025-12-01T17:00:00Z')}, 'Europe/Berlin', 'code-other', 'draft', 0, 1, 1)`);
  const insert = sqlite.prepare('insert into pair_history (giver_hash, receiver_hash, year, created_at) values (?, ?, ?, 1)');
  insert.run(hash('ann'), hash('bob'), 2024);
  insert.run(hash('bob'), hash('cy'), 2025);
  sqlite.close();
  return createTestApp({ dir });
}

describe('migration 0005', () => {
  it('keeps the number as "the last N exchanges", gives each exchange its own history key, and keys old rows by year', async () => {
    const t = await legacyDatabase();
    const sqlite = t.deps.db.sqlite;
    const exchanges = sqlite.prepare('select name, avoid_past_exchanges, draw_method, history_key from exchanges order by id').all() as Array<Record<string, unknown>>;
    expect(exchanges.map((e) => [e.name, e.avoid_past_exchanges, e.draw_method])).toEqual([
      ['Old 2025', 2, null],
      ['Other', 0, null],
    ]);
    expect(exchanges[0]!.history_key).toMatch(/^[0-9a-f]{32}$/);
    expect(exchanges[0]!.history_key).not.toBe(exchanges[1]!.history_key);
    expect(sqlite.prepare('select year, exchange_key, exchange_at from pair_history order by year').all()).toEqual([
      { year: 2024, exchange_key: 'year:2024', exchange_at: Date.parse('2025-01-01T00:00:00Z') - 1 },
      { year: 2025, exchange_key: 'year:2025', exchange_at: Date.parse('2026-01-01T00:00:00Z') - 1 },
    ]);
    t.close();
  });

  it('an old year counts, as before, only for exchanges of later years', async () => {
    const t = await legacyDatabase();
    await t.ok('settings.update', { organizer: { name: 'Olga', email: 'olga@example.com' } });
    const avoided = async (exchangeAt: string) => {
      const { id } = await t.ok('exchanges.create', exchangeInput({ name: `Family ${exchangeAt}`, exchangeAt, registrationDeadline: null, avoidPastExchanges: 2 }));
      for (const name of ['ann', 'bob', 'cy']) await t.ok('participants.add', { exchangeId: id, name, email: `${name}@example.com` });
      return (await t.ok('rules.get', { exchangeId: id })).avoidedExchanges;
    };
    expect(await avoided('2026-12-24T18:00')).toEqual(['the pairs drawn in 2025', 'the pairs drawn in 2024']);
    // An exchange of 2025 (like one drawn before the update and drawn again now) never avoids its own year.
    t.clock.set('2025-11-01T09:00:00Z');
    expect(await avoided('2025-12-24T18:00')).toEqual(['the pairs drawn in 2024']);
    t.close();
  });
});
