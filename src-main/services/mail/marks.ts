import { commitDeferringSync } from '../../db/durable-commit';
import { findExchange, updateExchange } from '../../db/repos/exchanges';
import * as repo from '../../db/repos/outbox';
import type { Deps } from '../common/deps';
import { getSettings } from '../organizer/settings';
import { UNLISTED_KINDS } from './kinds';
import { enqueueMail } from './outbox';

/** Waits after the 1st, 2nd, … failed attempt; after the last, the message is `failed` (SPEC §5). */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;

/**
 * Marks delivered messages sent, many in one transaction (one fsync). Their text was never stored,
 * so nothing that names a giftee stays behind. A delivered purge warning starts the 7 days.
 */
export function markSent(deps: Deps, rows: ReadonlyArray<repo.OutboxRow>, sentAt: number): void {
  if (rows.length === 0) return;
  // A "sent" mark lost to a power cut only resends its message with the same Message-ID (README):
  // nothing waits for the disk here. Inside the relay's claim it shares that commit.
  const { durable } = commitDeferringSync(deps.db, () => {
    for (const row of rows) {
      repo.markRowSent(deps.db, row.id, sentAt);
      if (row.kind !== 'organizer-purge-warning' || row.exchangeId === null) continue;
      const exchange = findExchange(deps.db, row.exchangeId);
      if (exchange && exchange.purgeWarnedAt === null) updateExchange(deps.db, exchange.id, { purgeWarnedAt: sentAt });
    }
  });
  durable.catch((error: unknown) => deps.log.error('mail: "sent" marks could not be synced to disk', { error }));
}

/**
 * Longest a delivered message waits for its "sent" mark when too few others come to share it. A
 * crash within it resends those messages with their Message-IDs (README: the delivery promise).
 */
const MARK_DELAY_MS = 100;

/**
 * Group commit of "sent" marks: they ride along with the relay's next claim (take), or are flushed
 * once `limit` are waiting (a batch) or after MARK_DELAY_MS: one fsync with synchronous=FULL covers
 * tens of messages instead of each (bench:mail shows the difference).
 */
export class PendingMarks {
  readonly #rows: repo.OutboxRow[] = [];
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: Deps,
    private readonly limit: number,
  ) {}

  add(row: repo.OutboxRow): void {
    this.#rows.push(row);
    if (this.#rows.length >= this.limit) this.flush();
    else this.#timer ??= setTimeout(() => this.flush(), MARK_DELAY_MS);
  }

  /** The waiting rows, for a caller that marks them in its own transaction. */
  take(): repo.OutboxRow[] {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    return this.#rows.splice(0);
  }

  flush(): void {
    markSent(this.deps, this.take(), this.deps.clock.now());
  }
}

/**
 * Records one real attempt that failed: a temporary failure waits for its retry, a permanent one
 * (or the last retry) is `failed`, and in the same transaction the organizer's notice is derived
 * from every failure not yet reported, so no crash can lose it.
 */
export function markFailure(deps: Deps, row: repo.OutboxRow, failure: { temporary: boolean; message: string }): 'retrying' | 'failed' {
  const attempts = row.attempts + 1;
  const giveUp = !failure.temporary || attempts > BACKOFF_MS.length;
  const now = deps.clock.now();
  deps.db.transaction(() => {
    repo.updateOutboxRow(deps.db, row.id, {
      status: giveUp ? 'failed' : 'pending',
      attempts,
      nextAttemptAt: giveUp ? now : now + BACKOFF_MS[attempts - 1]!,
      leaseUntil: null,
      lastError: failure.message,
    });
    if (giveUp) reportFailures(deps);
  });
  return giveUp ? 'failed' : 'retrying';
}

/**
 * Tells the organizer about failed messages not yet reported, one notice per exchange (so a purge
 * removes it with the addresses it names). Without an organizer address they stay unreported and
 * visible in the outbox.
 */
export function reportFailures(deps: Deps): number {
  const organizer = getSettings(deps).organizer;
  if (!organizer) return 0;
  return deps.db.transaction(() => {
    const now = deps.clock.now();
    const all = repo.unreportedFailures(deps.db);
    // An unlisted kind's failure would name its recipient to the organizer: it is marked, not told.
    for (const row of all) if (UNLISTED_KINDS.has(row.kind)) repo.updateOutboxRow(deps.db, row.id, { reportedAt: now });
    const rows = all.filter((row) => !UNLISTED_KINDS.has(row.kind));
    const groups = new Map<number | null, repo.OutboxRow[]>();
    for (const row of rows) groups.set(row.exchangeId, [...(groups.get(row.exchangeId) ?? []), row]);
    for (const [exchangeId, group] of groups) {
      enqueueMail(deps, {
        key: `organizer-delivery-failures:${group[0]!.id}:${group.at(-1)!.id}:${group.length}`,
        kind: 'organizer-delivery-failures',
        to: organizer.email,
        exchangeId,
        participantId: null,
        params: { failures: group.map((r) => ({ to: r.to, kind: r.kind, error: r.lastError ?? '' })) },
      });
      for (const row of group) repo.updateOutboxRow(deps.db, row.id, { reportedAt: now });
    }
    return rows.length;
  });
}
