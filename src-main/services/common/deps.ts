import type { Clock } from '../../core/clock';
import type { JobName, UpcomingJob } from '../../core/schedule';
import type { JobRun } from '../../db/repos/jobs';
import type { Random } from '../../core/random';
import type { Db } from '../../db/database';
import type { Logger } from '../../log';
import type { EventBus } from './events';
import type { SecretStore } from './secrets';
import type { RuntimeFacts } from './runtime';

/** The background jobs as the operations see them (implemented by jobs/scheduler). */
export interface JobsPort {
  runDue(): Promise<JobRun[]>;
  runNow(job: JobName): Promise<JobRun[]>;
  upcoming(limit: number): UpcomingJob[];
  health(): { running: boolean; lastWakeAt: number | null; nextWakeAt: number | null; failing: string[] };
}

/** Everything a service may touch. Services take `deps` first and read the clock once per call. */
export interface Deps {
  db: Db;
  clock: Clock;
  random: Random;
  events: EventBus;
  log: Logger;
  /** The SMTP password's home (keychain, environment or a 0600 file). */
  smtpPassword: SecretStore;
  paths: {
    dataDir: string;
    databaseFile: string;
    backupDir: string;
    /** The better_sqlite3.node the database was opened with when not the default (the desktop app's Electron build): worker threads opening their own connection load it too. */
    sqliteBinding?: string;
  };
  jobs: JobsPort;
  /** Facts known only once the app runs (listening addresses, tunnel); filled in by App.start. */
  runtime: RuntimeFacts;
}
