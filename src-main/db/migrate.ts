import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrations as allMigrations, type Migration } from '../../migrations/index';
import { SNAPSHOT_SQL, SNAPSHOT_VERSION } from '../../migrations/snapshot';
import { backupFileName } from './backup';

export interface MigrationReport {
  from: number;
  to: number;
  /** The online backup taken before migrating an existing database. */
  backupPath: string | null;
}

/** Thrown when the app cannot use the database as it is; the message is for the organizer. */
export class DatabaseOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

export function schemaVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to the newest schema: refuses one written by a newer version, creates a new
 * one from the schema snapshot, backs up an existing one online, then applies every pending
 * migration in a single transaction.
 */
export async function migrate(sqlite: BetterSqlite3.Database, options: { backupDir: string; now: number; migrations?: readonly Migration[] }): Promise<MigrationReport> {
  const list = options.migrations ?? allMigrations;
  const latest = list.length;
  const from = schemaVersion(sqlite);
  if (from > latest) {
    throw new DatabaseOpenError(
      `This data folder was written by a newer version of Sneaky Klaus (database version ${from}; ` +
        `this version knows up to ${latest}). Install the newer version, or use another data folder.`,
    );
  }
  if (from === latest) return { from, to: from, backupPath: null };
  // Replaying eleven migrations (three rebuild tables) cost a new folder ~50 ms at launch; the
  // snapshot is their result (test/integration/db/schema-snapshot.test.ts). A custom list replays.
  if (from === 0 && options.migrations === undefined && SNAPSHOT_VERSION === latest && isEmpty(sqlite)) {
    createFromSnapshot(sqlite);
    return { from, to: latest, backupPath: null };
  }

  let backupPath: string | null = null;
  if (from > 0) {
    mkdirSync(options.backupDir, { recursive: true });
    backupPath = join(options.backupDir, backupFileName('before-migration', options.now));
    await sqlite.backup(backupPath);
  }

  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const pending = list.slice(from);
  // SQLite ignores this pragma inside a transaction, so it is set around it (sqlite.org/lang_altertable.html).
  const foreignKeysWereOn = sqlite.pragma('foreign_keys', { simple: true }) === 1;
  const foreignKeysOff = foreignKeysWereOn && pending.some((m) => m.foreignKeysOff);
  if (foreignKeysOff) sqlite.pragma('foreign_keys = OFF');
  sqlite.exec('BEGIN IMMEDIATE');
  let current: Migration | undefined;
  try {
    for (const migration of pending) {
      current = migration;
      await migration.up(db);
      sqlite.pragma(`user_version = ${migration.version}`);
    }
    if (foreignKeysOff) {
      const broken = sqlite.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`${broken.length} rows would point at nothing`);
    }
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseOpenError(
      `Updating the database failed at step ${current?.name ?? '?'} (${reason}). ` + 'Nothing was changed' + (backupPath ? `; a copy made just before is at ${backupPath}.` : '.'),
    );
  } finally {
    if (foreignKeysOff) sqlite.pragma('foreign_keys = ON');
  }
  return { from, to: latest, backupPath };
}

function isEmpty(sqlite: BetterSqlite3.Database): boolean {
  return sqlite.prepare("select count(*) from sqlite_master where name not like 'sqlite\\_%' escape '\\'").pluck().get() === 0;
}

/** Creates every table and index of an empty database at once, and stamps its version. */
export function createFromSnapshot(sqlite: BetterSqlite3.Database): void {
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    sqlite.exec(SNAPSHOT_SQL.join(';\n'));
    sqlite.pragma(`user_version = ${SNAPSHOT_VERSION}`);
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw new DatabaseOpenError(`Creating the database failed (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`);
  }
}
