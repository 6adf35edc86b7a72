import type { Db } from '../database';

/** A drawn pair, optionally with its round (slot 0..k-1 with k giftees each; 0 when left out). */
export type MatchRow = readonly [giver: number, receiver: number] | readonly [giver: number, receiver: number, slot: number];

/** Every drawn pair (k per giver with several giftees each), by giver then round. */
export function loadMatches(db: Db, exchangeId: number): Array<[giver: number, receiver: number]> {
  return loadMatchRounds(db, exchangeId).pairs;
}

/** The drawn pairs and, in the same order, the round of each (needed to mend single loops). */
export function loadMatchRounds(db: Db, exchangeId: number): { pairs: Array<[giver: number, receiver: number]>; slots: number[] } {
  const rows = db.all(db.q.selectFrom('matches').select(['giver_id', 'receiver_id', 'slot']).where('exchange_id', '=', exchangeId).orderBy('giver_id').orderBy('slot'));
  return { pairs: rows.map((r) => [r.giver_id, r.receiver_id]), slots: rows.map((r) => r.slot) };
}

/** The giver's giftee of the first round (the only one with one giftee each). */
export function findReceiverOf(db: Db, exchangeId: number, giverId: number): number | undefined {
  return findReceiversOf(db, exchangeId, giverId)[0];
}

/** All of the giver's giftees, in round order. */
export function findReceiversOf(db: Db, exchangeId: number, giverId: number): number[] {
  return db.all(db.q.selectFrom('matches').select('receiver_id').where('exchange_id', '=', exchangeId).where('giver_id', '=', giverId).orderBy('slot')).map((r) => r.receiver_id);
}

/**
 * A giver's giftees as one comparable value (ids ascending, comma-separated), or null before the
 * draw: what a printed card or a look at the table showed, to tell later whether it still holds.
 */
export function gifteesKey(db: Db, exchangeId: number, giverId: number): string | null {
  const ids = db.prepared('select receiver_id from matches where exchange_id = ? and giver_id = ? order by receiver_id').pluck().all(exchangeId, giverId) as number[];
  return ids.length === 0 ? null : ids.join(',');
}

/** Replaces the exchange's whole assignment (rows' rounds, or `slots` in the same order, or round 0). */
export function replaceMatches(db: Db, exchangeId: number, assignment: ReadonlyArray<MatchRow>, now: number, slots?: readonly number[]): void {
  db.run(db.q.deleteFrom('matches').where('exchange_id', '=', exchangeId));
  assignment.forEach(([giver, receiver, slot], e) => {
    db.run(db.q.insertInto('matches').values({ exchange_id: exchangeId, giver_id: giver, receiver_id: receiver, slot: slot ?? slots?.[e] ?? 0, created_at: now }));
  });
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

/**
 * One page of a drawn exchange's reminder recipients, by id after `afterId`: givers still in, with
 * reminders on, whose giftee is still in.
 */
export function reminderRecipients(db: Db, exchangeId: number, afterId: number, limit: number): Array<{ id: number; email: string; delivery: string }> {
  return db.all(
    db.q
      .selectFrom('participants as p')
      .innerJoin('matches as m', (join) => join.onRef('m.exchange_id', '=', 'p.exchange_id').onRef('m.giver_id', '=', 'p.id'))
      .innerJoin('participants as r', 'r.id', 'm.receiver_id')
      .select(['p.id', 'p.email', 'p.delivery'])
      .where('p.exchange_id', '=', exchangeId)
      .where('p.id', '>', afterId)
      .where('p.withdrawn_at', 'is', null)
      .where('p.reminders_enabled', '=', 1)
      .where('r.withdrawn_at', 'is', null)
      // One row per giver: every giver has a pair in round 0.
      .where('m.slot', '=', 0)
      .orderBy('p.id')
      .limit(limit),
  );
}

/** A multi-row INSERT of `rows` rows of `width` values each, prepared once per shape. */
function bulkInsert(db: Db, head: string, width: number, rows: number, tail = ''): ReturnType<Db['prepared']> {
  const row = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  return db.prepared(`${head} values ${Array.from({ length: rows }, () => row).join(', ')}${tail}`);
}

/**
 * Adds pairs to an exchange's matches with multi-row inserts (one slice of a staged draw; the
 * caller holds the transaction). Rows of an exchange that is not `matched` are shown nowhere.
 */
export function insertMatches(db: Db, exchangeId: number, pairs: ReadonlyArray<MatchRow>, now: number): void {
  for (let start = 0; start < pairs.length; start += 100) {
    const batch = pairs.slice(start, start + 100);
    const params: number[] = [];
    for (const [giver, receiver, slot] of batch) params.push(exchangeId, giver, receiver, slot ?? 0, now);
    bulkInsert(db, 'insert into matches (exchange_id, giver_id, receiver_id, slot, created_at)', 5, batch.length).run(params);
  }
}

/** Like insertPairHistory, with multi-row inserts. */
export function insertPairHistoryRows(db: Db, rows: readonly PairHistoryRow[], now: number): void {
  for (let start = 0; start < rows.length; start += 100) {
    const batch = rows.slice(start, start + 100);
    const params: Array<string | number> = [];
    for (const r of batch) params.push(r.giverHash, r.receiverHash, r.year, r.exchangeKey, r.exchangeAt, now);
    bulkInsert(db, 'insert into pair_history (giver_hash, receiver_hash, year, exchange_key, exchange_at, created_at)', 6, batch.length, ' on conflict do nothing').run(params);
  }
}

/** Deletes up to `limit` of an exchange's matches; returns how many (a slice of a long clean-up). */
export function deleteSomeMatches(db: Db, exchangeId: number, limit: number): number {
  return db.prepared('delete from matches where rowid in (select rowid from matches where exchange_id = ? limit ?)').run(exchangeId, limit).changes;
}

/** Every pair-history row of one exchange (a re-draw replaces them all). */
export function deleteExchangePairHistory(db: Db, exchangeKey: string): number {
  return db.prepared('delete from pair_history where exchange_key = ?').run(exchangeKey).changes;
}

/** Deletes up to `limit` history rows under one exchange key; returns how many. */
export function deleteSomePairHistory(db: Db, exchangeKey: string, limit: number): number {
  return db.prepared('delete from pair_history where id in (select id from pair_history where exchange_key = ? limit ?)').run(exchangeKey, limit).changes;
}

export function countMatches(db: Db, exchangeId: number): number {
  return (
    db.first(
      db.q
        .selectFrom('matches')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('exchange_id', '=', exchangeId),
    )?.n ?? 0
  );
}

/** One page of a drawn exchange's givers still in, by id after `afterId`, with their address. */
export function matchedGivers(db: Db, exchangeId: number, afterId: number, limit: number): Array<{ id: number; email: string }> {
  return db.all(
    db.q
      .selectFrom('matches as m')
      .innerJoin('participants as p', 'p.id', 'm.giver_id')
      .select(['p.id', 'p.email'])
      .where('m.exchange_id', '=', exchangeId)
      .where('m.giver_id', '>', afterId)
      .where('m.slot', '=', 0)
      .where('p.withdrawn_at', 'is', null)
      .orderBy('m.giver_id')
      .limit(limit),
  );
}

/**
 * What a draw depends on, in one row: who takes part (ids, withdrawals, addresses) and the rules
 * (gift ideas and names may change meanwhile). A draw computed over many turns of the event loop compares it before it commits.
 */
export function rosterFingerprint(db: Db, exchangeId: number): string {
  const row = db.sqlite
    .prepare(
      `select
        (select count(*) || ':' || total(id) || ':' || total(withdrawn_at is null) || ':' || total(length(email)) from participants where exchange_id = @id) as people,
        (select count(*) || ':' || ifnull(max(id), 0) || ':' || total(id) from exclusions where exchange_id = @id) as exclusions,
        (select count(*) || ':' || ifnull(max(id), 0) || ':' || total(id) from households where exchange_id = @id) as households,
        (select count(*) || ':' || total(participant_id) || ':' || total(household_id * participant_id) from household_members where household_id in (select id from households where exchange_id = @id)) as members,
        (select count(*) || ':' || ifnull(max(id), 0) || ':' || total(id) from must_draw_pairs where exchange_id = @id) as must`,
    )
    .get({ id: exchangeId }) as Record<string, string>;
  return Object.values(row).join('|');
}
