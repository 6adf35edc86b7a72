import { endAllConversations, endConversationsOfBrokenPairs, endSomeConversations } from '../../db/repos/conversations';
import { updateExchange } from '../../db/repos/exchanges';
import type { Deps } from '../common/deps';

/**
 * Called by the draw services (inside their transaction) right after the exchange's pairs were
 * rewritten. A conversation belongs to the pair it was started in: every one whose pair no
 * longer holds ends here, so it is never shown to a new pair. A whole new draw (re-draw, undo)
 * also takes back a "Reveal to everyone": the new pairs have not had their party. An undone draw
 * ends every conversation: at once, or in slices with its matches (`draw/undo-in-slices.ts`), which
 * every draw finishes before it writes its own, so a pair that happens to be drawn again starts
 * afresh.
 */
export function pairsChanged(deps: Deps, exchangeId: number, change: 'splice' | 'whole-draw' | 'undone'): void {
  const now = deps.clock.now();
  if (change === 'undone') endAllConversations(deps.db, exchangeId, now);
  else endConversationsOfBrokenPairs(deps.db, exchangeId, now);
  if (change !== 'splice') updateExchange(deps.db, exchangeId, { santasRevealedAt: null });
}

/**
 * The end of every conversation of an undone draw, at most `limit` per call (the undo of a big draw
 * ends them in slices after its commit: no thread is open while the exchange is not drawn anyway).
 */
export function endSomeConversationsOfUndoneDraw(deps: Deps, exchangeId: number, limit: number): number {
  return endSomeConversations(deps.db, exchangeId, deps.clock.now(), limit);
}
