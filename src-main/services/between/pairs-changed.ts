import { endAllConversations, endConversationsOfBrokenPairs } from '../../db/repos/conversations';
import { updateExchange } from '../../db/repos/exchanges';
import type { Deps } from '../common/deps';

/**
 * Called by the draw services (inside their transaction) right after the exchange's pairs were
 * rewritten. A conversation belongs to the pair it was started in: every one whose pair no
 * longer holds ends here, so it is never shown to a new pair. A whole new draw (re-draw, undo)
 * also takes back a "Reveal to everyone": the new pairs have not had their party. An undone draw
 * ends every conversation even while its matches wait to be removed in slices, so a pair that
 * happens to be drawn again starts afresh.
 */
export function pairsChanged(deps: Deps, exchangeId: number, change: 'splice' | 'whole-draw' | 'undone'): void {
  const now = deps.clock.now();
  if (change === 'undone') endAllConversations(deps.db, exchangeId, now);
  else endConversationsOfBrokenPairs(deps.db, exchangeId, now);
  if (change !== 'splice') updateExchange(deps.db, exchangeId, { santasRevealedAt: null });
}
