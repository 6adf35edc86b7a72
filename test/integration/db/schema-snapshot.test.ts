import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { SNAPSHOT_SQL, SNAPSHOT_VERSION } from '../../../migrations/snapshot';
import { openSqlite } from '../../../src-main/db/database';
import { createFromSnapshot, migrate, schemaVersion } from '../../../src-main/db/migrate';
import { schemaStatements } from '../../../src-main/db/schema-snapshot';

/**
 * A new data folder is created from `migrations/snapshot.ts` instead of replaying the migrations.
 * These tests keep the two the same schema; when one fails after a new migration, run
 * `npx tsx scripts/schema-snapshot.ts`.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sk-snapshot-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function replayed(): Promise<BetterSqlite3.Database> {
  const sqlite = new BetterSqlite3(':memory:');
  await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0, migrations });
  return sqlite;
}

function fromSnapshot(): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(':memory:');
  createFromSnapshot(sqlite);
  return sqlite;
}

/** Everything SQLite knows of a schema: objects with their SQL, columns, keys, indexes, the version. */
function describeSchema(sqlite: BetterSqlite3.Database) {
  const objects = sqlite.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all() as Array<{ type: string; name: string }>;
  const tables = objects.filter((o) => o.type === 'table').map((o) => o.name);
  return {
    objects,
    tables: tables.map((table) => ({
      table,
      columns: sqlite.pragma(`table_xinfo("${table}")`),
      foreignKeys: sqlite.pragma(`foreign_key_list("${table}")`),
      // `seq` is only the order the indexes were made in.
      indexes: (sqlite.pragma(`index_list("${table}")`) as Array<{ name: string; seq?: number }>)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(({ seq: _order, ...index }) => ({ ...index, columns: sqlite.pragma(`index_xinfo("${index.name}")`) })),
    })),
    version: schemaVersion(sqlite),
  };
}

const tableOrder = (sqlite: BetterSqlite3.Database) => sqlite.prepare("select name from sqlite_master where type = 'table' order by rowid").pluck().all();

describe('the schema snapshot', () => {
  it('is the SQL that replaying every migration gives, at the newest version', async () => {
    const sqlite = await replayed();
    expect(SNAPSHOT_VERSION, 'run `npx tsx scripts/schema-snapshot.ts`').toBe(migrations.length);
    expect(SNAPSHOT_SQL, 'run `npx tsx scripts/schema-snapshot.ts`').toEqual(schemaStatements(sqlite));
    sqlite.close();
  });

  it('creates the same tables, columns, constraints, indexes and user_version as the migrations', async () => {
    const a = await replayed();
    const b = fromSnapshot();
    expect(describeSchema(b)).toEqual(describeSchema(a));
    expect(describeSchema(b).tables.length).toBeGreaterThan(20);
    expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
    a.close();
    b.close();
  });

  it('is what a new data folder is made from; a folder at an older version replays only the missing migrations', async () => {
    const fresh = openSqlite(join(dir, 'new.sqlite3'));
    expect(await migrate(fresh, { backupDir: join(dir, 'backups'), now: 0 })).toEqual({ from: 0, to: migrations.length, backupPath: null });
    // Tables come out in the snapshot's order (by name), not in the order the migrations made them.
    expect(tableOrder(fresh)).toEqual([...tableOrder(fresh)].sort());
    expect(schemaStatements(fresh)).toEqual(SNAPSHOT_SQL);
    fresh.close();

    const older = openSqlite(join(dir, 'older.sqlite3'));
    await migrate(older, { backupDir: join(dir, 'backups'), now: 0, migrations: migrations.slice(0, 6) });
    const report = await migrate(older, { backupDir: join(dir, 'backups'), now: 0 });
    expect(report.from).toBe(6);
    expect(report.to).toBe(migrations.length);
    expect(report.backupPath).not.toBeNull();
    expect(tableOrder(older)).not.toEqual([...tableOrder(older)].sort());
    expect(describeSchema(older)).toEqual(describeSchema(fromSnapshot()));
    older.close();
  });

  it('is not used on a database that already holds tables without a version: the migrations run over them', async () => {
    const sqlite = openSqlite(join(dir, 'odd.sqlite3'));
    sqlite.exec('create table notes (text text)');
    await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0 });
    expect(schemaVersion(sqlite)).toBe(migrations.length);
    expect(schemaStatements(sqlite).filter((s) => !s.includes('"notes"') && !s.includes(' notes '))).toEqual(SNAPSHOT_SQL);
    sqlite.close();
  });
});
