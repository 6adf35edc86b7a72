import { DAY_MS, purgePlan } from '../../core/schedule';
import { deleteExchange, listExchanges, updateExchange } from '../../db/repos/exchanges';
import { pruneJobRuns, upsertJobState } from '../../db/repos/jobs';
import { findOutboxByKey } from '../../db/repos/outbox';
import { createBackup, deleteBackupsBefore, pruneBackups } from '../organizer/backups';
import type { Deps } from '../common/deps';
import { nextTurn } from '../common/slices';
import { enqueueMail } from '../mail/outbox';
import { smtpIsConfigured } from '../mail/smtp';
import { getSettings } from '../organizer/settings';

/** How long the job-run log is kept. */
const JOB_RUN_RETENTION_MS = 30 * DAY_MS;

/**
 * The 02:00 job: warn the organizer once, purge exchanges whose warning was delivered (or shown)
 * at least 7 days ago, then take the daily backup and prune old ones: "deleted after 30 days" must hold for every file the app keeps.
 */
export async function runDataPurge(deps: Deps, now: number): Promise<Record<string, number>> {
  const settings = getSettings(deps);
  let warned = 0;
  const toPurge: number[] = [];
  deps.db.transaction(() => {
    for (const e of listExchanges(deps.db)) {
      const endedAt = e.state === 'completed' ? e.completedAt : e.state === 'cancelled' ? e.cancelledAt : null;
      if (endedAt === null) continue;
      const decision = purgePlan({ completedAt: endedAt, retentionDays: settings.retentionDays, warningSentAt: e.purgeWarnedAt }, now);
      if (decision === 'warn') {
        // The warning counts once delivered (the relay records it), not when queued. With no one
        // to mail, or mail not set up, or the mail failed for good, it is shown in the organizer's
        // screens (outbox.status notices) from now on, and that starts the 7 days.
        const key = `organizer-purge-warning:${e.id}`;
        const queued = findOutboxByKey(deps.db, key);
        const mailable = settings.organizer !== null && smtpIsConfigured(deps);
        if (mailable && (!queued || queued.status === 'pending' || queued.status === 'sending')) {
          if (enqueueMail(deps, { key, kind: 'organizer-purge-warning', to: settings.organizer!.email, exchangeId: e.id, participantId: null }) !== null) warned++;
        } else {
          updateExchange(deps.db, e.id, { purgeWarnedAt: now });
          warned++;
        }
      } else if (decision === 'purge') {
        toPurge.push(e.id);
      }
    }
  });
  // One exchange at a time, each on its own turn of the event loop (this runs in the catch-up at launch).
  let purged = 0;
  for (const id of toPurge) {
    await nextTurn();
    purged += deleteExchangeRows(deps, [id]);
  }
  if (purged > 0) {
    // One scrub of the WAL for them all, on a turn of its own (it waits for the disk).
    await nextTurn();
    scrubWal(deps);
  }
  const runsPruned = pruneJobRuns(deps.db, now - JOB_RUN_RETENTION_MS);
  let backupsDeleted = 0;
  if (purged > 0) backupsDeleted += deleteBackupsBefore(deps, now).deleted;
  await createBackup(deps, purged > 0 ? 'after-purge' : 'daily');
  backupsDeleted += pruneBackups(deps, now, settings.retentionDays).deleted;
  for (const id of toPurge) deps.events.emit({ type: 'exchange.deleted', exchangeId: id });
  return { warned, purged, runsPruned, backupsDeleted };
}

/**
 * Deletes every row of the exchanges (participants, rules, matches, tokens, sessions, outbox rows
 * and job rows cascade with them) — only the keyed pair history stays — and empties the WAL, so no
 * page of the database still holds the people: `secure_delete` zeroes what the delete frees, and
 * the checkpoint folds the WAL's older copies of those pages back into the file and truncates it.
 * No VACUUM here (it blocks for about half a second at 10 000 people, and this runs in the catch-up
 * at launch): the file is compacted on quit instead (`compactIfWanted`).
 */
export function purgeExchanges(deps: Deps, exchangeIds: number[]): number {
  const count = deleteExchangeRows(deps, exchangeIds);
  scrubWal(deps);
  return count;
}

/** purgeExchanges' delete: the rows go (zeroed by `secure_delete`); older copies may stay in the WAL until scrubWal. */
function deleteExchangeRows(deps: Deps, exchangeIds: number[]): number {
  deps.db.transaction(() => {
    for (const id of exchangeIds) deleteExchange(deps.db, id);
    upsertJobState(deps.db, { jobKey: COMPACT_KEY, job: COMPACT_KEY, exchangeId: null, dueAt: null, lastRunAt: null, lastOutcome: null, updatedAt: deps.clock.now() });
  });
  deps.log.info('exchanges purged', { count: exchangeIds.length });
  return exchangeIds.length;
}

/** Folds the WAL back into the (scrubbed) file and truncates it: no older copy of a deleted page is left. */
function scrubWal(deps: Deps): void {
  deps.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/** The job-state row saying the file has free pages to give back since the last purge. */
const COMPACT_KEY = 'compact-database';

/**
 * Rewrites the file without its free pages (VACUUM) when a purge or deletion asked for it: called
 * when the jobs stop (quitting), where a pause of a fraction of a second freezes nothing. A crash
 * before that keeps the request for the next quit.
 */
export function compactIfWanted(deps: Deps): boolean {
  const db = deps.db;
  if (!db.sqlite.open || db.first(db.q.selectFrom('job_state').select('job_key').where('job_key', '=', COMPACT_KEY)) === undefined) return false;
  db.run(db.q.deleteFrom('job_state').where('job_key', '=', COMPACT_KEY));
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  db.sqlite.exec('VACUUM');
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  deps.log.info('database compacted');
  return true;
}
