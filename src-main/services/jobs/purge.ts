import { DAY_MS, purgePlan } from '../../core/schedule';
import { deleteExchange, findExchange, listExchanges, updateExchange } from '../../db/repos/exchanges';
import { nextState } from '../../core/exchange-state';
import { pruneJobRuns, upsertJobState } from '../../db/repos/jobs';
import { findOutboxByKey } from '../../db/repos/outbox';
import { createBackup, deleteBackupsBefore, pruneBackups, replaceBackupsAfterDeletion } from '../organizer/backups';
import type { Deps } from '../common/deps';
import { nextTurn, sliceTransaction } from '../common/slices';
import { RunningHere } from '../common/running-here';
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
  // One exchange at a time, in slices (this runs in the catch-up at launch).
  let purged = 0;
  for (const id of toPurge) {
    await deleteExchangeInSlices(deps, id);
    purged++;
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

/** How many rows one slice of a deletion removes (each person's own rows go with them). */
const DELETE_SLICE = { outbox: 200, participants: 100 };
const DELETE_JOB = 'exchange-delete';

/**
 * Deletes an exchange and every row of it (participants, rules, matches, tokens, sessions, outbox
 * rows and job rows cascade with them; only the keyed pair history stays), in slices that yield
 * to the event loop: at 10 000 people one delete held it most of a second. `secure_delete` zeroes
 * what each slice frees; `scrubWal` afterwards folds the WAL's older copies back into the file.
 *
 * A job-state row of the exchange says a deletion is under way: a crash half-way leaves it, and
 * the next jobs pass finishes the deletion (`resumeExchangeDeletions`); the exchange's own delete,
 * last, removes it with everything else. No VACUUM here (about half a second at 10 000 people):
 * the file is compacted on quit instead (`compactIfWanted`).
 */
export async function deleteExchangeInSlices(deps: Deps, exchangeId: number): Promise<void> {
  await deleting.around(deps, exchangeId, () => deleteInSlices(deps, exchangeId));
}

/** Exchanges being deleted in this process now (the jobs pass leaves them to the deletion under way). */
const deleting = new RunningHere<number>();

async function deleteInSlices(deps: Deps, exchangeId: number): Promise<void> {
  const db = deps.db;
  db.transaction(() => {
    // A draft is cancelled first: nothing can open it, draw it or add to it while its rows go.
    const now = deps.clock.now();
    if (findExchange(db, exchangeId)?.state === 'draft') updateExchange(db, exchangeId, { state: nextState('draft', 'cancel'), cancelledAt: now, updatedAt: now });
    upsertJobState(db, { jobKey: `${DELETE_JOB}:${exchangeId}`, job: DELETE_JOB, exchangeId, dueAt: null, lastRunAt: null, lastOutcome: null, updatedAt: now });
    upsertJobState(db, { jobKey: COMPACT_KEY, job: COMPACT_KEY, exchangeId: null, dueAt: null, lastRunAt: null, lastOutcome: null, updatedAt: now });
  });
  const outbox = db.prepared('delete from email_outbox where id in (select id from email_outbox where exchange_id = ? limit ?)');
  const people = db.prepared('delete from participants where id in (select id from participants where exchange_id = ? limit ?)');
  for (const [statement, size] of [
    [outbox, DELETE_SLICE.outbox],
    [people, DELETE_SLICE.participants],
  ] as const) {
    for (;;) {
      await nextTurn();
      // Slices commit without waiting for the disk: the row above is durable, and a lost slice is redone.
      if (sliceTransaction(db, () => statement.run(exchangeId, size).changes) < size) break;
    }
  }
  await nextTurn();
  db.transaction(() => deleteExchange(db, exchangeId));
  deps.log.info('exchange deleted', { exchangeId });
}

/** Deletions a crash cut short (their job-state rows): finished now (the jobs' pass calls this). Null, at once, when there are none. */
export function resumeExchangeDeletions(deps: Deps): Promise<void> | null {
  const pending = (deps.db.prepared('select exchange_id from job_state where job = ? and exchange_id is not null').all(DELETE_JOB) as Array<{ exchange_id: number }>).filter(
    ({ exchange_id: exchangeId }) => !deleting.has(deps, exchangeId),
  );
  if (pending.length === 0) return null;
  return (async () => {
    for (const { exchange_id: exchangeId } of pending) await deleteExchangeInSlices(deps, exchangeId);
    await nextTurn();
    scrubWal(deps);
    // As after any deletion: no earlier backup may still hold these people.
    await replaceBackupsAfterDeletion(deps);
    for (const { exchange_id: exchangeId } of pending) deps.events.emit({ type: 'exchange.deleted', exchangeId });
  })();
}

/** Folds the WAL back into the (scrubbed) file and truncates it: no older copy of a deleted page is left. */
export function scrubWal(deps: Deps): void {
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
