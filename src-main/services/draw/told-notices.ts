import { findExchange } from '../../db/repos/exchanges';
import { upsertJobState } from '../../db/repos/jobs';
import type { Deps } from '../common/deps';
import { nextTurn, sliceTransaction, SLICE_ROWS } from '../common/slices';
import { RunningHere } from '../common/running-here';
import { noticeToToldSlice, withdrawAfterCancellation } from '../mail/match-mail';
import { claimDraw, isDrawing } from './claims';

/**
 * Notices to everyone already told their match (a draw undone, the exchange cancelled, its date
 * or place changed), queued after the change's own short commit, a slice per turn: for 10 000
 * people, queueing them in that commit held the app far longer than a page may wait. The change
 * records the notices as due (a job-state row, its stamp in `last_outcome`) in its commit; the
 * last slice clears the row. A crash half-way leaves it, and the next jobs pass finishes
 * (`resumeToldNotices`); the outbox keys make repeats no-ops.
 */
export type ToldNotice = 'draw-cancelled' | 'exchange-cancelled' | 'exchange-updated';

/** The job-state rows' names ("undo-notices" from when only the undo had one). */
const JOBS: Readonly<Record<ToldNotice, string>> = { 'draw-cancelled': 'undo-notices', 'exchange-cancelled': 'cancel-notices', 'exchange-updated': 'update-notices' };
const jobKey = (kind: ToldNotice, exchangeId: number) => `${JOBS[kind]}:${exchangeId}`;

/** Inside the change's transaction: these notices are due, keyed by `stamp` (unique per change). */
export function markToldNoticesDue(deps: Deps, exchangeId: number, kind: ToldNotice, stamp: number): void {
  const now = deps.clock.now();
  upsertJobState(deps.db, { jobKey: jobKey(kind, exchangeId), job: JOBS[kind], exchangeId, dueAt: null, lastRunAt: null, lastOutcome: String(stamp), updatedAt: now });
}

/** Notices being queued in this process (a jobs pass meanwhile leaves them to finish). */
const queueing = new RunningHere<string>();

/**
 * The notices, a slice per turn; the last slice clears the "notices due" row. A cancellation's
 * unsent mail is marked withdrawn first, so that row covers both after a crash. Marked as running
 * throughout: a jobs pass meanwhile leaves it alone.
 */
export async function queueToldNotices(deps: Deps, exchangeId: number, kind: ToldNotice, stamp: number): Promise<void> {
  await queueing.around(deps, jobKey(kind, exchangeId), async () => {
    if (kind === 'exchange-cancelled') await withdrawAfterCancellation(deps, exchangeId);
    await queueSlices(deps, exchangeId, kind, stamp);
  });
}

async function queueSlices(deps: Deps, exchangeId: number, kind: ToldNotice, stamp: number): Promise<void> {
  let after = 0;
  for (;;) {
    await nextTurn();
    const done = sliceTransaction(deps.db, () => {
      // A later change of the same kind wrote its own row over this one: its notices replace these.
      const due = deps.db.prepared('select last_outcome from job_state where job_key = ?').pluck().get(jobKey(kind, exchangeId));
      if (due !== String(stamp)) return null;
      // Only this change's row is cleared, when its last slice is in, or when the exchange was
      // cancelled meanwhile: the cancellation tells the same people all there is to know.
      const superseded = kind !== 'exchange-cancelled' && findExchange(deps.db, exchangeId)?.state === 'cancelled';
      const ids = superseded ? [] : noticeToToldSlice(deps, exchangeId, kind, stamp, after, SLICE_ROWS);
      if (ids.length < SLICE_ROWS) deps.db.prepared('delete from job_state where job_key = ? and last_outcome = ?').run(jobKey(kind, exchangeId), String(stamp));
      return ids;
    });
    if (done === null || done.length < SLICE_ROWS) return;
    after = done[done.length - 1]!;
  }
}

/** The notices still due (their kind, exchange and stamp): of one exchange, or of all when `exchangeId` is null. */
function dueNotices(deps: Deps, exchangeId: number | null): Array<{ kind: ToldNotice; exchangeId: number; stamp: number }> {
  const kinds = new Map(Object.entries(JOBS).map(([kind, job]) => [job, kind as ToldNotice]));
  const rows = deps.db
    .prepared(`select job, exchange_id, last_outcome from job_state where job in (${[...kinds.keys()].map(() => '?').join(', ')}) and (? is null or exchange_id = ?)`)
    .all(...kinds.keys(), exchangeId, exchangeId) as Array<{ job: string; exchange_id: number | null; last_outcome: string | null }>;
  return rows.flatMap((row) =>
    row.exchange_id === null || row.last_outcome === null ? [] : [{ kind: kinds.get(row.job)!, exchangeId: row.exchange_id, stamp: Number(row.last_outcome) }],
  );
}

/**
 * Before a draw (which holds the exchange's claim): the notices a cut-off left due are queued now,
 * not by a later jobs pass. "The draw was cancelled" then goes before the new draw's match emails,
 * and only to the people told the undone draw: once the new draw's emails are out, its people
 * would count as told too. Null, at once, when none are due (the draw goes on without yielding).
 */
export function finishToldNotices(deps: Deps, exchangeId: number): Promise<void> | null {
  const due = dueNotices(deps, exchangeId).filter((d) => !queueing.has(deps, jobKey(d.kind, exchangeId)));
  if (due.length === 0) return null;
  return (async () => {
    for (const d of due) await queueToldNotices(deps, exchangeId, d.kind, d.stamp);
  })();
}

/** Notices a crash left half-queued: queued now (the jobs' pass calls this). Null, at once, when there are none. */
export function resumeToldNotices(deps: Deps): Promise<void> | null {
  const pending = dueNotices(deps, null);
  if (pending.length === 0) return null;
  return (async () => {
    for (const { kind, exchangeId, stamp } of pending) {
      if (queueing.has(deps, jobKey(kind, exchangeId)) || isDrawing(deps, exchangeId)) continue;
      // Not alongside a draw or an undo of the same exchange (they claim it too).
      const release = claimDraw(deps, exchangeId);
      try {
        await queueToldNotices(deps, exchangeId, kind, stamp);
      } finally {
        release();
      }
    }
  })();
}
