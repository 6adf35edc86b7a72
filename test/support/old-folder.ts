import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { migrations } from '../../migrations/index';
import { openSqlite } from '../../src-main/db/database';
import { migrate } from '../../src-main/db/migrate';

/**
 * A real data folder in `dir` as an earlier version left it: migrated up to just before
 * `migration` (its name, e.g. '0010_several_giftees'), with one drawn exchange (id 1, "Family")
 * of three people, Ann (1) → Bob (2) → Cy (3) → Ann. For the tests of one migration.
 */
export async function drawnFolderBefore(dir: string, migration: string): Promise<{ file: string; sqlite: BetterSqlite3.Database }> {
  const position = migrations.findIndex((m) => m.name === migration);
  if (position < 0) throw new Error(`no migration ${migration}`);
  const file = join(dir, 'sneaky-klaus.sqlite3');
  const sqlite = openSqlite(file);
  await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0, migrations: migrations.slice(0, position) });
  sqlite.exec(`insert into exchanges (id, name, exchange_at, timezone, invite_code, state, history_key, created_at, updated_at)
               values (1, 'Family', 1, 'Europe/Berlin', 'code', 'matched', 'k', 1, 1)`);
  const person = sqlite.prepare('insert into participants (id, exchange_id, name, email, created_at, updated_at) values (?, 1, ?, ?, 1, 1)');
  ['ann', 'bob', 'cy'].forEach((name, i) => person.run(i + 1, name, `${name}@example.test`));
  const match = sqlite.prepare('insert into matches (exchange_id, giver_id, receiver_id, created_at) values (1, ?, ?, 1)');
  match.run(1, 2);
  match.run(2, 3);
  match.run(3, 1);
  return { file, sqlite };
}
