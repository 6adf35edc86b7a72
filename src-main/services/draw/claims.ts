import { DomainError } from '../../core/errors';
import type { Deps } from '../common/deps';
import { RunningHere } from '../common/running-here';

/**
 * Exchanges whose names are being drawn right now, per database: a draw runs over many turns of
 * the event loop, and a second draw, a re-draw or an undo of the same exchange meanwhile would
 * work on a half-written state.
 */
const drawing = new RunningHere<number>();

/** Whether a draw, re-draw or undo of the exchange is running now. */
export function isDrawing(deps: Deps, exchangeId: number): boolean {
  return drawing.has(deps, exchangeId);
}

/** Claims the exchange for a draw, re-draw, undo or its notices; refused (conflict) while another runs. Returns the release. */
export function claimDraw(deps: Deps, exchangeId: number): () => void {
  if (!drawing.claim(deps, exchangeId)) throw new DomainError('conflict', { key: 'error.draw.busy' });
  return () => drawing.release(deps, exchangeId);
}
