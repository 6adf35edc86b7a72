import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { getExchange, updateExchange } from '../../db/repos/exchanges';
import type { Deps } from '../common/deps';
import { viewExchange } from '../exchanges/exchanges';
import { installationSecret } from '../organizer/settings';
import { claimDraw } from './claims';
import { beginUndo, dropStaged, undoDraw } from './draw';
import { markToldNoticesDue, queueToldNotices } from './told-notices';
import { exchangeKey, hasYearKeyedHistory } from './history';

/**
 * Undoes a draw of any size without freezing the app, all or nothing for what anyone sees: one
 * short transaction moves the exchange back to "registration closed" (from then on no page shows a
 * match or a thread, and the relay withdraws any match email it picks up), withdraws the
 * organizer's mail about the draw and records that the notices are due. Then, in slices: a notice
 * to each person already told, and (`dropStaged`) unsent match mail withdrawn, conversations ended,
 * the matches and pair history removed. A crash half-way leaves the "notices due" row, which the
 * next jobs pass finishes (`resumeToldNotices`; the outbox keys make repeats no-ops), and unread
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
      markToldNoticesDue(deps, exchange.id, 'draw-cancelled', now);
      deps.events.emit({ type: 'exchange.changed', exchangeId: exchange.id });
      return { historyKey: exchangeKey(installationSecret(deps), exchange), stamp: now };
    });
    await queueToldNotices(deps, input.exchangeId, 'draw-cancelled', stamp);
    await dropStaged(deps, input.exchangeId, historyKey);
  } finally {
    release();
  }
  return viewExchange(deps, input.exchangeId);
}
