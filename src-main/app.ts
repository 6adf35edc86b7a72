import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { systemClock, type Clock } from './core/clock';
import { cryptoRandom, type Random } from './core/random';
import { createDb, openSqlite } from './db/database';
import { DatabaseOpenError, migrate, type MigrationReport } from './db/migrate';
import { applyPendingRestore } from './db/restore';
import { createLogger, type Logger } from './log';
import type { Deps } from './services/common/deps';
import { EventBus } from './services/common/events';
import { Scheduler } from './jobs/scheduler';
import { Relay } from './services/mail/relay';
import { envOrFileSecretStore, type SecretStore } from './services/common/secrets';
import { stopTunnel } from './services/network/tunnel';
import { acquireInstanceLock } from './instance-lock';

export const APP_VERSION = '0.1.0';

export interface AppOptions {
  dataDir: string;
  clock?: Clock;
  random?: Random;
  log?: Logger;
  /** Default: environment variable or a 0600 file in the data folder. */
  smtpPassword?: SecretStore;
  /** better_sqlite3.node built for Electron; default: the one in node_modules (built for Node). */
  nativeBinding?: string;
  /**
   * Hold the data folder's single-instance lock (default true). Only tests that deliberately open
   * one folder twice in one run (to inspect it while a child process owns it) turn it off.
   */
  singleInstance?: boolean;
}

export interface App {
  deps: Deps;
  migration: MigrationReport;
  /** Delivers the outbox once started; the caller decides when (tests drive it by hand). */
  relay: Relay;
  /** Background jobs; `start()` catches up and wakes every minute. */
  jobs: Scheduler;
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
  const lock = options.singleInstance === false ? null : acquireInstanceLock(dataDir);
  const paths = { dataDir, databaseFile: join(dataDir, 'sneaky-klaus.sqlite3'), backupDir: join(dataDir, 'backups') };

  if (await applyPendingRestore(dataDir, paths.databaseFile, paths.backupDir, clock.now())) log.info('backup restored');
  let sqlite;
  try {
    sqlite = openSqlite(paths.databaseFile, { nativeBinding: options.nativeBinding });
  } catch (error) {
    lock?.release();
    throw new DatabaseOpenError(`Cannot open the database ${paths.databaseFile}: ${(error as Error).message}`);
  }
  let migration: MigrationReport;
  try {
    migration = await migrate(sqlite, { backupDir: paths.backupDir, now: clock.now() });
  } catch (error) {
    sqlite.close();
    lock?.release();
    throw error;
  }
  if (migration.from !== migration.to) log.info('database updated', { ...migration });

  const db = createDb(sqlite, { onEffectError: (error) => log.warn('after-commit effect failed', { error }) });
  // `jobs` needs deps itself; it is attached right below.
  const deps = {
    db,
    clock,
    random: options.random ?? cryptoRandom(),
    events: new EventBus(log, db),
    log,
    smtpPassword: options.smtpPassword ?? envOrFileSecretStore(join(dataDir, 'secrets', 'smtp-password')),
    paths,
    runtime: { version: APP_VERSION, participantUrls: [] as string[], participantPort: null, tunnel: { process: null, url: null, error: null } },
  } as Omit<Deps, 'jobs'> as Deps;
  const jobs = new Scheduler(deps);
  deps.jobs = jobs;
  return {
    deps,
    migration,
    relay: new Relay(deps),
    jobs,
    close() {
      stopTunnel(deps.runtime.tunnel);
      if (!sqlite.open) return;
      // Fold the WAL back into the main file so a copied data folder is one self-contained file.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      lock?.release();
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
