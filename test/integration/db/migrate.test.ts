import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { createApp } from '../../../src-main/app';
import { ManualClock } from '../../../src-main/core/clock';
import { openSqlite } from '../../../src-main/db/database';
import { DatabaseOpenError, migrate, schemaVersion } from '../../../src-main/db/migrate';
import { silentLogger } from '../../../src-main/log';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sk-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = () => createApp({ dataDir: dir, clock: new ManualClock('2026-11-01T09:00:00Z'), log: silentLogger });
const dbFile = () => join(dir, 'sneaky-klaus.sqlite3');

const TABLES = [
  'settings',
  'exchanges',
  'participants',
  'exclusions',
  'households',
  'household_members',
  'must_draw_pairs',
  'matches',
  'pair_history',
  'pair_history_hidden',
  'magic_tokens',
  'sessions',
  'rate_limits',
  'email_outbox',
  'exchange_mail_state',
  'job_state',
  'job_runs',
  'organizer_access',
  'conversations',
  'messages',
  'private_addresses',
  'table_draws',
  'table_looks',
  'printed_cards',
];

describe('migrations', () => {
  it('builds the complete schema from an empty folder, with the production pragmas', async () => {
    const app = await open();
    const sqlite = app.deps.db.sqlite;
    const tables = sqlite.prepare("select name, sql from sqlite_master where type = 'table'").all() as Array<{ name: string; sql: string }>;
    expect(tables.map((t) => t.name).sort()).toEqual([...TABLES].sort());
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*strict$/i);
    expect(schemaVersion(sqlite)).toBe(migrations.length);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(app.migration).toEqual({ from: 0, to: migrations.length, backupPath: null });
    app.close();
  });

  it('does nothing the second time', async () => {
    (await open()).close();
    const again = await open();
    expect(again.migration.from).toBe(again.migration.to);
    again.close();
  });

  it('refuses a database written by a newer version, and leaves it alone', async () => {
    (await open()).close();
    const raw = new BetterSqlite3(dbFile());
    raw.pragma('user_version = 99');
    raw.close();
    await expect(open()).rejects.toThrow(DatabaseOpenError);
    await expect(open()).rejects.toThrow(`newer version of Sneaky Klaus (database version 99; this version knows up to ${migrations.length})`);
    const check = new BetterSqlite3(dbFile());
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    check.close();
  });

  it('backs up an existing database online before migrating it', async () => {
    const app = await open();
    app.deps.db.sqlite.exec("insert into settings (key, value, updated_at) values ('marker', '\"kept\"', 1)");
    app.close();

    const latest = migrations.length;
    const next = [
      ...migrations,
      {
        version: latest + 1,
        name: '9999_add_probe',
        up: async (db: Parameters<(typeof migrations)[0]['up']>[0]) => {
          await db.schema.createTable('probe').addColumn('id', 'integer').execute();
        },
      },
    ];
    const sqlite = openSqlite(dbFile());
    const report = await migrate(sqlite, { backupDir: join(dir, 'backups'), now: Date.parse('2026-11-01T09:00:00Z'), migrations: next });
    sqlite.close();
    expect(report.from).toBe(latest);
    expect(report.to).toBe(latest + 1);
    expect(report.backupPath).toMatch(/sneaky-klaus-before-migration-20261101T090000Z\.sqlite3$/);
    const backup = new BetterSqlite3(report.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(latest);
    expect(backup.prepare("select value from settings where key = 'marker'").get()).toEqual({ value: '"kept"' });
    backup.close();
  });

  it('rolls a failed migration back completely and says so', async () => {
    (await open()).close();
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: '9999_broken',
        up: async (db: Parameters<(typeof migrations)[0]['up']>[0]) => {
          await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
          await sql`select * from no_such_table`.execute(db);
        },
      },
    ];
    const sqlite = openSqlite(dbFile());
    await expect(migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0, migrations: broken })).rejects.toThrow(
      /failed at step 9999_broken .*Nothing was changed; a copy made just before is at/,
    );
    expect(schemaVersion(sqlite)).toBe(migrations.length);
    expect(sqlite.prepare("select count(*) n from sqlite_master where name = 'half_done'").get()).toEqual({ n: 0 });
    sqlite.close();
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
  });

  it('brings a database of the previous version forward, keeping its rows (N-1 -> N)', async () => {
    const sqlite = openSqlite(dbFile());
    await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0, migrations: migrations.slice(0, -1) });
    sqlite.exec(`insert into exchanges (name, exchange_at, timezone, invite_code, state, created_at, updated_at)
                 values ('Kept', 1798135200000, 'UTC', 'code-kept', 'draft', 1, 1)`);
    sqlite.close();
    const app = await open();
    expect(app.migration).toMatchObject({ from: migrations.length - 1, to: migrations.length, backupPath: expect.any(String) });
    expect(app.deps.db.sqlite.prepare('select name from exchanges').all()).toEqual([{ name: 'Kept' }]);
    const indexes = app.deps.db.sqlite.prepare("select name from sqlite_master where type = 'index' and name = 'matches_giver_id'").all();
    expect(indexes).toHaveLength(1);
    app.close();
  });

  it('reports an unusable data folder in one sentence', async () => {
    const file = join(dir, 'not-a-folder');
    await import('node:fs').then((fs) => fs.writeFileSync(file, 'x'));
    await expect(createApp({ dataDir: file, log: silentLogger })).rejects.toThrow(/Cannot create the data folder|is not a folder/);
    expect(existsSync(join(file, 'sneaky-klaus.sqlite3'))).toBe(false);
  });
});
