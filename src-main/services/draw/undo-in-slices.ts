import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { getExchange, updateExchange } from '../../db/repos/exchanges';
import type { Deps } from '../common/deps';
import { viewExchange } from '../exchanges/exchanges';
import { installationSecret } from '../organizer/settings';
import { beginUndo, claimDraw, dropStaged, undoDraw } from './draw';
import { exchangeKey } from './history';

/**
 * Undoes a draw of any size without freezing the app, all or nothing like the draw itself: one
 * short transaction does everything anyone sees (the exchange back to "registration closed", a
 * notice to each person already told, unsent match mail withdrawn); the matches and pair history,
 * which nothing reads while the exchange is not drawn, are then removed in slices by the draw's own
 * clean-up (`dropStaged`). A crash half-way leaves only such unread rows, and the next draw of the
 * exchange removes them first.
 *
 * Pair history written before migration 0005 is keyed by year, not by exchange: while any is
 * left, the undo takes the one-transaction way that finds those rows by their pairs.
 */
export async function undoDrawInSlices(deps: Deps, input: ParsedInput<'exchanges.undoDraw'>): Promise<OperationOutput<'exchanges.get'>> {
  if (hasYearKeyedHistory(deps)) return undoDraw(deps, input);
  const release = claimDraw(deps, input.exchangeId);
  try {
    const historyKey = deps.db.transaction(() => {
      const exchange = getExchange(deps.db, input.exchangeId);
      const state = beginUndo(deps, exchange, input.confirm);
      updateExchange(deps.db, exchange.id, { state, drawnAt: null, drawMethod: null, updatedAt: deps.clock.now() });
      deps.events.emit({ type: 'exchange.changed', exchangeId: exchange.id });
      return exchangeKey(installationSecret(deps), exchange);
    });
    await dropStaged(deps, input.exchangeId, historyKey);
  } finally {
    release();
  }
  return viewExchange(deps, input.exchangeId);
}

function hasYearKeyedHistory(deps: Deps): boolean {
  return deps.db.prepared("select 1 from pair_history where exchange_key >= 'year:' and exchange_key < 'year;' limit 1").get() !== undefined;
}
