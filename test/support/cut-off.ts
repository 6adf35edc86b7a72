import { expect } from 'vitest';
import type { TestApp } from './test-app';

/**
 * A re-draw that commits and is then cut off, as a crash right after its commit would leave it:
 * what follows the commit (starting with its "exchange changed" event) fails, so nothing of its
 * news is queued until the next jobs pass.
 */
export async function redrawCutOffAfterCommit(t: TestApp, exchangeId: number): Promise<void> {
  const emit = t.deps.events.emit.bind(t.deps.events);
  t.deps.events.emit = (event) => {
    if (event.type === 'exchange.changed') throw new Error('cut off');
    emit(event);
  };
  try {
    expect((await t.call('exchanges.redraw', { exchangeId, confirm: true })).ok).toBe(false);
  } finally {
    t.deps.events.emit = emit;
  }
}
