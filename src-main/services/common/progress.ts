import type { WorkProgress } from '../../contract/events';
import type { Deps } from './deps';

/** At most this many progress events per second of one run: enough for a bar, cheap for the screens. */
export const PROGRESS_EVENTS_PER_SECOND = 5;
const EVERY_MS = 1000 / PROGRESS_EVENTS_PER_SECOND;

export interface ProgressReporter {
  /** `done` so far (of `total`, when it is known only now); an event goes out only if the last one is at least 1/5 s old. */
  update(done: number, total?: number): void;
  /** The run ended (done or not; `done`: how far it got, if not told yet): the last event, always sent. Later calls do nothing. */
  finish(done?: number): void;
}

let runs = 0;

/**
 * Progress of one run of a long operation, as `work.progress` events for the screens and the tray:
 * one at the start, then at most five a second, and a last one marked `finished`. Times come from
 * the clock port. Raised inside a transaction, an event waits for its commit like any other.
 * `total` may be 0 at first (not known yet: the screens say "…" without numbers).
 */
export function trackProgress(deps: Pick<Deps, 'events' | 'clock'>, kind: WorkProgress['kind'], exchangeId: number | null, total: number): ProgressReporter {
  const id = `${kind}-${++runs}`;
  let done = 0;
  let finished = false;
  let sentAt = deps.clock.now();
  const send = () => deps.events.emit({ type: 'work.progress', progress: { id, kind, exchangeId, done, total, finished } });
  send();
  return {
    update(value, newTotal) {
      if (finished) return;
      if (newTotal !== undefined) total = newTotal;
      done = Math.max(0, Math.min(total, value));
      const now = deps.clock.now();
      if (now - sentAt < EVERY_MS) return;
      sentAt = now;
      send();
    },
    finish(value) {
      if (finished) return;
      if (value !== undefined) done = Math.max(0, Math.min(total, value));
      finished = true;
      send();
    },
  };
}
