import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { systemClock, type Clock } from './core/clock';
import { cryptoRandom, type Random } from './core/random';
import { createDb, openSqlite } from './db/database';
import { DatabaseOpenError, migrate, type MigrationReport } from './db/migrate';
import { applyPendingRestore } from './db/restore';
import { listen } from './http/listen';
import { createParticipantSite } from './http/participant/app';
import { Scheduler } from './jobs/scheduler';
import { launchMark, Lifecycle, type Closable, type ParticipantListener } from './lifecycle';
import { createLogger, type Logger } from './log';
import type { Deps } from './services/common/deps';
import { EventBus } from './services/common/events';
import { clearParticipantListener, createRuntimeFacts, recordParticipantListener } from './services/common/runtime';
import { envOrFileSecretStore, type SecretStore } from './services/common/secrets';
import { Relay } from './services/mail/relay';
import { participantHostCache, participantHosts } from './services/network/addresses';
import { participantUrlsFor } from './http/hosts';
import { stopTunnel } from './services/network/tunnel';
import { getSettings } from './services/organizer/settings';
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

export interface StartOptions {
  /** Where the participants' pages listen; the next free port is taken when this one is busy. */
  participant: { host: string; port: number; tryNext?: number };
  /** The organizer's way in (admin listener or IPC and window), opened last and closed first. */
  front?: () => Promise<Closable> | Closable;
}

export interface App {
  deps: Deps;
  migration: MigrationReport;
  /** Delivers the outbox once started; the caller decides when (tests drive it by hand). */
  relay: Relay;
  /** Background jobs; `start()` catches up and wakes every minute. */
  jobs: Scheduler;
  /**
   * The one start order of both shells: participant listener (recorded in deps.runtime) → relay →
   * jobs (catch-up in the background) → front. A failure closes what was opened and rethrows.
   */
  start(options: StartOptions): Promise<void>;
  /** The reverse order, letting the message being sent finish, then the database checkpointed. */
  stop(relayTimeoutMs?: number): Promise<void>;
  /** Closes the database only (for an app that was never started, as most tests use it). */
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
  const paths = {
    dataDir,
    databaseFile: join(dataDir, 'sneaky-klaus.sqlite3'),
    backupDir: join(dataDir, 'backups'),
    ...(options.nativeBinding !== undefined && { sqliteBinding: options.nativeBinding }),
  };

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
  launchMark('db-open');

  const db = createDb(sqlite, { onEffectError: (error) => log.warn('after-commit effect failed', { error }) });
  // The scheduler is the jobs port of the very deps it runs with: it reads them only when called.
  let scheduler: Scheduler | null = null;
  const deps: Deps = {
    db,
    clock,
    random: options.random ?? cryptoRandom(),
    events: new EventBus(log, db),
    log,
    smtpPassword: options.smtpPassword ?? envOrFileSecretStore(join(dataDir, 'secrets', 'smtp-password')),
    paths,
    get jobs() {
      if (!scheduler) throw new Error('The scheduler is not ready yet.');
      return scheduler;
    },
    runtime: createRuntimeFacts(APP_VERSION),
  };
  const jobs = (scheduler = new Scheduler(deps));
  const relay = new Relay(deps);
  const closeDatabase = () => {
    stopTunnel(deps.runtime.tunnel);
    if (sqlite.open) {
      // Fold the WAL back into the main file so a copied data folder is one self-contained file.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    }
    lock?.release();
  };
  let lifecycle: Lifecycle | null = null;
  return {
    deps,
    migration,
    relay,
    jobs,
    async start(start) {
      lifecycle = new Lifecycle({
        listenParticipants: () => listenParticipants(deps, start.participant),
        relay,
        jobs,
        openFront: start.front,
        closeDatabase,
        log,
      });
      await lifecycle.start();
    },
    async stop(relayTimeoutMs) {
      if (lifecycle) await lifecycle.stop(relayTimeoutMs);
      else closeDatabase();
    },
    close: closeDatabase,
  };
}

/** The participants' pages on the LAN (or the given host), recorded in the runtime facts. */
async function listenParticipants(deps: Deps, at: StartOptions['participant']): Promise<ParticipantListener> {
  let port = at.port;
  const hosts = participantHostCache(() => ({ bindHost: at.host, port, publicBaseUrl: getSettings(deps).publicBaseUrl }));
  const site = createParticipantSite(deps, { allowedHosts: hosts.current, refreshHosts: hosts.refresh });
  const listener = await listen(site.app.fetch, {
    fastLane: site.fastLane,
    host: at.host,
    port: at.port,
    tryNext: at.tryNext ?? 20,
  });
  port = listener.port;
  launchMark('listener-up');
  // Settles when the first page has been handed to the network (or its client went away).
  const firstAnswer = new Promise<void>((resolve) => listener.server.once('request', (_request, response) => response.once('close', () => resolve())));
  recordParticipantListener(deps.runtime, { host: at.host, port }, participantUrlsFor(participantHosts({ bindHost: at.host, port, publicBaseUrl: null })));
  return {
    firstAnswer,
    async close() {
      clearParticipantListener(deps.runtime);
      await listener.close();
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
