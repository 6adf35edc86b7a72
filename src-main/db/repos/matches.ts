import type { Db } from '../database';

export function loadMatches(db: Db, exchangeId: number): Array<[giver: number, receiver: number]> {
  return db.all(db.q.selectFrom('matches').select(['giver_id', 'receiver_id']).where('exchange_id', '=', exchangeId).orderBy('giver_id')).map((r) => [r.giver_id, r.receiver_id]);
}

export function findReceiverOf(db: Db, exchangeId: number, giverId: number): number | undefined {
  return db.first(db.q.selectFrom('matches').select('receiver_id').where('exchange_id', '=', exchangeId).where('giver_id', '=', giverId))?.receiver_id;
}

/** Replaces the exchange's whole assignment. */
export function replaceMatches(db: Db, exchangeId: number, assignment: ReadonlyArray<readonly [number, number]>, now: number): void {
  db.run(db.q.deleteFrom('matches').where('exchange_id', '=', exchangeId));
  for (const [giver, receiver] of assignment) {
    db.run(db.q.insertInto('matches').values({ exchange_id: exchangeId, giver_id: giver, receiver_id: receiver, created_at: now }));
  }
}

export function deleteMatches(db: Db, exchangeId: number): void {
  db.run(db.q.deleteFrom('matches').where('exchange_id', '=', exchangeId));
}

/** One drawn pair in the history: hashes only, with the exchange it came from. */
export interface PairHistoryRow {
  giverHash: string;
  receiverHash: string;
  year: number;
  exchangeKey: string;
  exchangeAt: number;
}

export function insertPairHistory(db: Db, rows: PairHistoryRow[], now: number): void {
  for (const r of rows) {
    db.run(
      db.q
        .insertInto('pair_history')
        .values({ giver_hash: r.giverHash, receiver_hash: r.receiverHash, year: r.year, exchange_key: r.exchangeKey, exchange_at: r.exchangeAt, created_at: now })
        .onConflict((oc) => oc.doNothing()),
    );
  }
}

/**
 * Removes an exchange's pairs from the history (re-draw, undo, splice). Rows written before
 * migration 0005 carry only their year (`year:<y>`); the exchange's pairs among them go too.
 */
export function deletePairHistory(db: Db, rows: PairHistoryRow[]): void {
  for (const r of rows) {
    db.run(
      db.q
        .deleteFrom('pair_history')
        .where('giver_hash', '=', r.giverHash)
        .where('receiver_hash', '=', r.receiverHash)
        .where('exchange_key', 'in', [r.exchangeKey, `year:${r.year}`]),
    );
  }
}

/** Keeps an exchange's history rows in order when its date moves after the draw. */
export function movePairHistory(db: Db, exchangeKey: string, exchangeAt: number, year: number): void {
  db.run(db.q.updateTable('pair_history').set({ exchange_at: exchangeAt, year }).where('exchange_key', '=', exchangeKey));
}

/** History rows whose giver is one of the given person hashes, from exchanges that took place before `before`. */
export function findPairHistory(db: Db, hashes: string[], before: number): PairHistoryRow[] {
  if (hashes.length === 0) return [];
  const out: PairHistoryRow[] = [];
  // Chunked: SQLite limits the number of bound parameters per statement.
  for (let i = 0; i < hashes.length; i += 500) {
    const chunk = hashes.slice(i, i + 500);
    const rows = db.all(
      db.q
        .selectFrom('pair_history')
        .select(['giver_hash', 'receiver_hash', 'year', 'exchange_key', 'exchange_at'])
        .where('giver_hash', 'in', chunk)
        .where('exchange_at', '<', before),
    );
    out.push(...rows.map((r) => ({ giverHash: r.giver_hash, receiverHash: r.receiver_hash, year: r.year, exchangeKey: r.exchange_key, exchangeAt: r.exchange_at })));
  }
  return out;
}
