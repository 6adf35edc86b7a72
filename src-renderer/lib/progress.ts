/** Counts by status from `outbox.status`. */
export interface OutboxCounts {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
}

/** A batch being sent: how much was waiting when it started, and what was done by then. */
export interface Batch {
  total: number;
  doneAtStart: number;
}

/**
 * Follows one sending batch across status updates: starts when mail is waiting, grows when
 * more is queued meanwhile, ends (null) when nothing waits any more.
 */
export function nextBatch(batch: Batch | null, counts: OutboxCounts): Batch | null {
  const waiting = counts.queued + counts.sending;
  const done = counts.sent + counts.failed;
  if (waiting === 0) return null;
  if (!batch) return { total: waiting, doneAtStart: done };
  const soFar = done - batch.doneAtStart;
  return { total: Math.max(batch.total, soFar + waiting), doneAtStart: batch.doneAtStart };
}

export function batchDone(batch: Batch, counts: OutboxCounts): number {
  return Math.min(batch.total, Math.max(0, counts.sent + counts.failed - batch.doneAtStart));
}
