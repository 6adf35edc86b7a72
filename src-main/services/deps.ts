import type { Clock } from '../core/clock';
import type { Random } from '../core/random';
import type { Db } from '../db/database';
import type { Logger } from '../log';
import type { EventBus } from './events';

/** Everything a service may touch. Services take `deps` first and read the clock once per call. */
export interface Deps {
  db: Db;
  clock: Clock;
  random: Random;
  events: EventBus;
  log: Logger;
  paths: { dataDir: string; databaseFile: string; backupDir: string };
  /** Facts known only once the app runs (listening addresses). */
  runtime: { version: string; participantUrls: string[] };
}
