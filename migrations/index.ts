import type { Kysely } from 'kysely';
import * as m0001 from './0001_create_initial_schema';
import * as m0002 from './0002_add_cascade_indexes';
import * as m0003 from './0003_add_privacy_records';
import * as m0004 from './0004_outbox_intent';
import * as m0005 from './0005_history_by_exchange';
import * as m0006 from './0006_participant_signups';
import * as m0007 from './0007_shared_addresses';
import * as m0008 from './0008_everyone_takes_part';
import * as m0009 from './0009_between_santa_and_giftee';
import * as m0010 from './0010_several_giftees';
import * as m0011 from './0011_languages';
import * as m0012 from './0012_notice_links';
import * as m0013 from './0013_redraw_generations';

export interface Migration {
  /** Stored in `PRAGMA user_version` once applied: the list position, starting at 1. */
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
  /**
   * Rebuilds a table other tables point at (SQLite cannot drop a constraint): the runner switches
   * foreign keys off around the whole transaction and checks every reference before committing.
   */
  foreignKeysOff?: true;
}

/** Every migration, in order. Append only; never reorder or edit a released entry. */
export const migrations: readonly Migration[] = [
  { version: 1, name: '0001_create_initial_schema', up: m0001.up },
  { version: 2, name: '0002_add_cascade_indexes', up: m0002.up },
  { version: 3, name: '0003_add_privacy_records', up: m0003.up },
  { version: 4, name: '0004_outbox_intent', up: m0004.up },
  { version: 5, name: '0005_history_by_exchange', up: m0005.up },
  { version: 6, name: '0006_participant_signups', up: m0006.up },
  { version: 7, name: '0007_shared_addresses', up: m0007.up, foreignKeysOff: true },
  { version: 8, name: '0008_everyone_takes_part', up: m0008.up },
  { version: 9, name: '0009_between_santa_and_giftee', up: m0009.up },
  { version: 10, name: '0010_several_giftees', up: m0010.up },
  { version: 11, name: '0011_languages', up: m0011.up },
  { version: 12, name: '0012_notice_links', up: m0012.up },
  { version: 13, name: '0013_redraw_generations', up: m0013.up },
];
