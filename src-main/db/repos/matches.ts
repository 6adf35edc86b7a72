import type { Db } from '../database';

export function loadMatches(db: Db, exchangeId: number): Array<[giver: number, receiver: number]> {
  return db
    .all(db.q.selectFrom('matches').select(['giver_id', 'receiver_id']).where('exchange_id', '=', exchangeId).orderBy('giver_id'))
    .map((r) => [r.giver_id, r.receiver_id]);
}

export function findReceiverOf(db: Db, exchangeId: number, giverId: number): number | undefined {
  return db.first(db.q.selectFrom('matches').select('receiver_id').where('exchange_id', '=', exchangeId).where('giver_id', '=', giverId))
    ?.receiver_id;
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

export function insertPairHistory(db: Db, rows: Array<{ giverHash: string; receiverHash: string; year: number }>, now: number): void {
  for (const r of rows) {
    db.run(
      db.q
        .insertInto('pair_history')
        .values({ giver_hash: r.giverHash, receiver_hash: r.receiverHash, year: r.year, created_at: now })
        .onConflict((oc) => oc.doNothing()),
    );
  }
}

export function deletePairHistory(db: Db, rows: Array<{ giverHash: string; receiverHash: string; year: number }>): void {
  for (const r of rows) {
    db.run(
      db.q
        .deleteFrom('pair_history')
        .where('giver_hash', '=', r.giverHash)
        .where('receiver_hash', '=', r.receiverHash)
        .where('year', '=', r.year),
    );
  }
}

/** History rows among the given person hashes in [fromYear, toYear]. */
export function findPairHistory(db: Db, hashes: string[], fromYear: number, toYear: number): Array<{ giverHash: string; receiverHash: string }> {
  if (hashes.length === 0) return [];
  const out: Array<{ giverHash: string; receiverHash: string }> = [];
  // Chunked: SQLite limits the number of bound parameters per statement.
  for (let i = 0; i < hashes.length; i += 500) {
    const chunk = hashes.slice(i, i + 500);
    const rows = db.all(
      db.q
        .selectFrom('pair_history')
        .select(['giver_hash', 'receiver_hash'])
        .where('giver_hash', 'in', chunk)
        .where('year', '>=', fromYear)
        .where('year', '<=', toYear),
    );
    out.push(...rows.map((r) => ({ giverHash: r.giver_hash, receiverHash: r.receiver_hash })));
  }
  return out;
}
