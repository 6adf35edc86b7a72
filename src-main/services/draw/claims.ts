import { DomainError } from '../../core/errors';
import type { Deps } from '../common/deps';

/**
 * Exchanges whose names are being drawn right now, per database: a draw runs over many turns of
 * the event loop, and a second draw, a re-draw or an undo of the same exchange meanwhile would
 * work on a half-written state.
 */
const drawing = new WeakMap<Deps['db'], Set<number>>();

/** Whether a draw, re-draw or undo of the exchange is running now. */
export function isDrawing(deps: Deps, exchangeId: number): boolean {
  return drawing.get(deps.db)?.has(exchangeId) ?? false;
}

/** Claims the exchange for a draw, re-draw, undo or its notices; refused (conflict) while another runs. Returns the release. */
export function claimDraw(deps: Deps, exchangeId: number): () => void {
  let busy = drawing.get(deps.db);
  if (!busy) drawing.set(deps.db, (busy = new Set()));
  if (busy.has(exchangeId)) {
    throw new DomainError('conflict', { key: 'error.draw.busy' });
  }
  busy.add(exchangeId);
  return () => busy.delete(exchangeId);
}
