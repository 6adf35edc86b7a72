import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { getExchange, updateExchange } from '../../db/repos/exchanges';
import { upsertJobState } from '../../db/repos/jobs';
import type { Deps } from '../common/deps';
import { nextTurn, sliceTransaction, SLICE_ROWS } from '../common/slices';
import { viewExchange } from '../exchanges/exchanges';
import { noticeDrawUndoneSlice } from '../mail/match-mail';
import { installationSecret } from '../organizer/settings';
import { beginUndo, claimDraw, dropStaged, isDrawing, undoDraw } from './draw';
import { exchangeKey, hasYearKeyedHistory } from './history';

/**
 * Undoes a draw of any size without freezing the app, all or nothing for what anyone sees: one
 * short transaction moves the exchange back to "registration closed" (from then on no page shows a
 * match or a thread, and the relay withdraws any match email it picks up), withdraws the
 * organizer's mail about the draw and records that the notices are due. Then, in slices: a notice
 * to each person already told, and (`dropStaged`) unsent match mail withdrawn, conversations ended,
 * the matches and pair history removed. A crash half-way leaves the "notices due" row, which the
 * next jobs pass finishes (`resumeUndoNotices`; the outbox keys make repeats no-ops), and unread
 * rows, which the next draw of the exchange removes first.
 *
 * Pair history written before migration 0005 is keyed by year, not by exchange: while any is
 * left, the undo takes the one-transaction way that finds those rows by their pairs.
 */
export async function undoDrawInSlices(deps: Deps, input: ParsedInput<'exchanges.undoDraw'>): Promise<OperationOutput<'exchanges.get'>> {
  if (hasYearKeyedHistory(deps)) return undoDraw(deps, input);
  const release = claimDraw(deps, input.exchangeId);
  try {
    const { historyKey, stamp } = deps.db.transaction(() => {
      const exchange = getExchange(deps.db, input.exchangeId);
      const state = beginUndo(deps, exchange, input.confirm, true);
      const now = deps.clock.now();
      updateExchange(deps.db, exchange.id, { state, drawnAt: null, drawMethod: null, santasRevealedAt: null, updatedAt: now });
      upsertJobState(deps.db, {
        jobKey: noticesKey(exchange.id),
        job: NOTICES_JOB,
        exchangeId: exchange.id,
        dueAt: null,
        lastRunAt: null,
        lastOutcome: String(now),
        updatedAt: now,
      });
      deps.events.emit({ type: 'exchange.changed', exchangeId: exchange.id });
      return { historyKey: exchangeKey(installationSecret(deps), exchange), stamp: now };
    });
    await queueNotices(deps, input.exchangeId, stamp);
    await dropStaged(deps, input.exchangeId, historyKey);
  } finally {
    release();
  }
  return viewExchange(deps, input.exchangeId);
}

/** The job-state row of an undo whose notices are still being queued (the undo's instant in `last_outcome`). */
const NOTICES_JOB = 'undo-notices';
const noticesKey = (exchangeId: number) => `${NOTICES_JOB}:${exchangeId}`;

/** The notices of an undo, a slice per turn; the last slice clears the "notices due" row. */
async function queueNotices(deps: Deps, exchangeId: number, stamp: number): Promise<void> {
  let after = 0;
  for (;;) {
    await nextTurn();
    const done = sliceTransaction(deps.db, () => {
      const ids = noticeDrawUndoneSlice(deps, exchangeId, stamp, after, SLICE_ROWS);
      if (ids.length < SLICE_ROWS) deps.db.prepared('delete from job_state where job_key = ?').run(noticesKey(exchangeId));
      return ids;
    });
    if (done.length < SLICE_ROWS) return;
    after = done[done.length - 1]!;
  }
}

/**
 * Undos whose notices a crash left half-queued: queued now (the jobs' pass calls this). Null, at
 * once, when there are none.
 */
export function resumeUndoNotices(deps: Deps): Promise<void> | null {
  const pending = deps.db.prepared('select exchange_id, last_outcome from job_state where job = ?').all(NOTICES_JOB) as Array<{
    exchange_id: number | null;
    last_outcome: string | null;
  }>;
  if (pending.length === 0) return null;
  return (async () => {
    for (const { exchange_id: exchangeId, last_outcome: stamp } of pending) {
      if (exchangeId === null || stamp === null || isDrawing(deps, exchangeId)) continue;
      const release = claimDraw(deps, exchangeId);
      try {
        await queueNotices(deps, exchangeId, Number(stamp));
      } finally {
        release();
      }
    }
  })();
}
