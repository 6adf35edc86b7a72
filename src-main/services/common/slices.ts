import { setImmediate } from 'node:timers/promises';
import type { Db } from '../../db/database';
import type { ProgressReporter } from './progress';

/**
 * How many rows one slice of a long operation (import, draw, fan-out) writes or checks before it
 * hands the event loop back: a few milliseconds of work, so the pages and the organizer's screens
 * never wait long behind a 10 000-person operation (SPEC §10: no block over 50 ms).
 */
export const SLICE_ROWS = 100;

/** Waits for the next turn of the event loop, after pending I/O: requests waiting get served. */
export function nextTurn(): Promise<void> {
  return setImmediate();
}

/**
 * Calls `fn` on consecutive slices of `items`, yielding to the event loop before each; `progress`
 * is told how many items are done after each slice.
 */
export async function eachSlice<T>(items: readonly T[], fn: (slice: T[], start: number) => void, size = SLICE_ROWS, progress?: Pick<ProgressReporter, 'update'>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await nextTurn();
    fn(items.slice(start, start + size), start);
    progress?.update(Math.min(items.length, start + size), items.length);
  }
}

/** Like `Array.prototype.map`, computed in slices that yield to the event loop (and told to `progress`). */
export async function mapInSlices<T, U>(items: readonly T[], fn: (item: T, index: number) => U, size = SLICE_ROWS * 4, progress?: Pick<ProgressReporter, 'update'>): Promise<U[]> {
  const out: U[] = new Array<U>(items.length);
  await eachSlice(
    items,
    (slice, start) => {
      slice.forEach((item, i) => (out[start + i] = fn(item, start + i)));
    },
    size,
    progress,
  );
  return out;
}

/**
 * One slice's transaction, committed without waiting for the disk (`synchronous = NORMAL` for this
 * commit only): in WAL mode the database stays consistent through a crash, only the last such
 * commits may be lost. For writes that the operation's own durable commit confirms later, or that
 * are redone after a crash (staged rows, idempotent fan-outs): an fsync per slice would cost more
 * than the slice itself.
 */
export function sliceTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn, { syncLater: true });
}
