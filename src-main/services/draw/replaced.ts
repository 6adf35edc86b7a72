import { deleteSomePairHistory, deleteSomeStaleMatches, hiddenHistoryKeys, unhideHistoryKey } from '../../db/repos/matches';
import type { Deps } from '../common/deps';
import { nextTurn, sliceTransaction, SLICE_ROWS } from '../common/slices';
import { isDrawing } from './claims';

/*
 * What a re-draw leaves beside the draw that counts (migration 0013): the rows of the replaced
 * draw, or of a re-draw that did not commit, in `matches` (another draw number) and in the pair
 * history (under a hidden key). Nobody reads them; they are removed in slices, so no step holds
 * the event loop, by the re-draw itself and, after a crash, by the next jobs pass.
 */

const LIMIT = SLICE_ROWS * 2;

/**
 * Removes, in slices, the exchange's rows of draws that do not count. The caller holds the
 * exchange's draw claim, or passes `stillIdle`, asked before each slice: a re-draw that starts
 * meanwhile may be writing rows of its own, and sweeps the rest itself.
 */
export async function sweepReplaced(deps: Deps, exchangeId: number, stillIdle: () => boolean = () => true): Promise<void> {
  while (stillIdle() && sliceTransaction(deps.db, () => deleteSomeStaleMatches(deps.db, exchangeId, LIMIT)) > 0) await nextTurn();
  for (const { key } of hiddenHistoryKeys(deps.db, exchangeId)) await sweepHiddenKey(deps, key, stillIdle);
}

/**
 * What a crash left of a re-draw (listed by its hidden history keys), for exchanges not being
 * drawn now, deleted ones too: removed in slices. Null, at once, when there is none (the jobs pass calls this).
 */
export function resumeSweeps(deps: Deps): Promise<void> | null {
  const exchanges = new Set(hiddenHistoryKeys(deps.db).map((k) => k.exchangeId));
  const left = [...exchanges].filter((exchangeId) => !isDrawing(deps, exchangeId));
  if (left.length === 0) return null;
  return (async () => {
    for (const exchangeId of left) await sweepReplaced(deps, exchangeId, () => !isDrawing(deps, exchangeId));
  })();
}

async function sweepHiddenKey(deps: Deps, key: string, stillIdle: () => boolean): Promise<void> {
  for (;;) {
    if (!stillIdle()) return;
    const removed = sliceTransaction(deps.db, () => {
      const n = deleteSomePairHistory(deps.db, key, LIMIT);
      if (n === 0) unhideHistoryKey(deps.db, key);
      return n;
    });
    if (removed === 0) return;
    await nextTurn();
  }
}
