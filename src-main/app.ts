import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { systemClock, type Clock } from './core/clock';
import { cryptoRandom, type Random } from './core/random';
import { createDb, openSqlite } from './db/database';
import { DatabaseOpenError, migrate, type MigrationReport } from './db/migrate';
import { createLogger, type Logger } from './log';
import type { Deps } from './services/deps';
import { EventBus } from './services/events';

export const APP_VERSION = '0.1.0';

export interface AppOptions {
  dataDir: string;
  clock?: Clock;
  random?: Random;
  log?: Logger;
}

export interface App {
  deps: Deps;
  migration: MigrationReport;
  close(): void;
}

/**
 * The composition root shared by the desktop shell, the headless server and the tests: opens and
 * migrates the database in the data folder and wires the services' dependencies.
 */
export async function createApp(options: AppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger({ clock });
  const dataDir = resolve(options.dataDir);
  prepareDataDir(dataDir);
  const paths = { dataDir, databaseFile: join(dataDir, 'sneaky-klaus.sqlite3'), backupDir: join(dataDir, 'backups') };

  let sqlite;
  try {
    sqlite = openSqlite(paths.databaseFile);
  } catch (error) {
    throw new DatabaseOpenError(`Cannot open the database ${paths.databaseFile}: ${(error as Error).message}`);
  }
  let migration: MigrationReport;
  try {
    migration = await migrate(sqlite, { backupDir: paths.backupDir, now: clock.now() });
  } catch (error) {
    sqlite.close();
    throw error;
  }
  if (migration.from !== migration.to) log.info('database updated', { ...migration });

  const db = createDb(sqlite);
  const deps: Deps = {
    db,
    clock,
    random: options.random ?? cryptoRandom(),
    events: new EventBus(log),
    log,
    paths,
    runtime: { version: APP_VERSION, participantUrls: [] },
  };
  return {
    deps,
    migration,
    close() {
      if (!sqlite.open) return;
      // Fold the WAL back into the main file so a copied data folder is one self-contained file.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new DatabaseOpenError(`Cannot create the data folder ${dataDir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!statSync(dataDir).isDirectory()) throw new DatabaseOpenError(`The data folder ${dataDir} is not a folder.`);
  try {
    accessSync(dataDir, constants.W_OK | constants.R_OK);
  } catch {
    throw new DatabaseOpenError(`The data folder ${dataDir} is not writable.`);
  }
}
