import { sql } from 'kysely';
import type { Db } from '../database';

/**
 * Only the rows of the exchange's draw that counts (`exchanges.match_draw`): a re-draw writes the
 * next draw beside it and one commit switches over (migration 0013). Every read of `matches` keeps to it.
 */
const LIVE_SQL = 'matches.draw = (select match_draw from exchanges where exchanges.id = matches.exchange_id)';
const live = (table: 'matches' | 'm') => sql<boolean>`${sql.ref(`${table}.draw`)} = (select match_draw from exchanges where exchanges.id = ${sql.ref(`${table}.exchange_id`)})`;

/** The number of the exchange's draw that counts (0 for an exchange never re-drawn). */
export function currentDraw(db: Db, exchangeId: number): number {
  return (db.prepared('select match_draw from exchanges where id = ?').pluck().get(exchangeId) as number | undefined) ?? 0;
}

/** Makes `draw` the exchange's draw that counts (inside a re-draw's commit). */
export function switchDraw(db: Db, exchangeId: number, draw: number): void {
  db.prepared('update exchanges set match_draw = ? where id = ?').run(draw, exchangeId);
}

/** A drawn pair, optionally with its round (slot 0..k-1 with k giftees each; 0 when left out). */
export type MatchRow = readonly [giver: number, receiver: number] | readonly [giver: number, receiver: number, slot: number];

/** Every drawn pair (k per giver with several giftees each), by giver then round. */
export function loadMatches(db: Db, exchangeId: number): Array<[giver: number, receiver: number]> {
  return loadMatchRounds(db, exchangeId).pairs;
}

/** The drawn pairs and, in the same order, the round of each (needed to mend single loops). */
export function loadMatchRounds(db: Db, exchangeId: number): { pairs: Array<[giver: number, receiver: number]>; slots: number[] } {
  const rows = db.all(
    db.q.selectFrom('matches').select(['giver_id', 'receiver_id', 'slot']).where('exchange_id', '=', exchangeId).where(live('matches')).orderBy('giver_id').orderBy('slot'),
  );
  return { pairs: rows.map((r) => [r.giver_id, r.receiver_id]), slots: rows.map((r) => r.slot) };
}

/** The giver's giftee of the first round (the only one with one giftee each). */
export function findReceiverOf(db: Db, exchangeId: number, giverId: number): number | undefined {
  return findReceiversOf(db, exchangeId, giverId)[0];
}

/** All of the giver's giftees, in round order. */
export function findReceiversOf(db: Db, exchangeId: number, giverId: number): number[] {
  return db
    .all(db.q.selectFrom('matches').select('receiver_id').where('exchange_id', '=', exchangeId).where('giver_id', '=', giverId).where(live('matches')).orderBy('slot'))
    .map((r) => r.receiver_id);
}

/**
 * A giver's giftees as one comparable value (ids ascending, comma-separated), or null before the
 * draw: what a printed card or a look at the table showed, to tell later whether it still holds.
 */
export function gifteesKey(db: Db, exchangeId: number, giverId: number): string | null {
  const ids = db
    .prepared(`select receiver_id from matches where exchange_id = ? and giver_id = ? and ${LIVE_SQL} order by receiver_id`)
    .pluck()
    .all(exchangeId, giverId) as number[];
  return ids.length === 0 ? null : ids.join(',');
}

/** Every giver's `gifteesKey` in the draw that counts, in one read (a re-draw compares 10 000 of them). */
export function gifteesKeys(db: Db, exchangeId: number): Map<number, string> {
  const rows = db.prepared(`select giver_id, receiver_id from matches where exchange_id = ? and ${LIVE_SQL} order by giver_id, receiver_id`).raw().all(exchangeId) as Array<
    [number, number]
  >;
  const out = new Map<number, string>();
  for (const [giver, receiver] of rows) {
    const known = out.get(giver);
    out.set(giver, known === undefined ? String(receiver) : `${known},${receiver}`);
  }
  return out;
}

/** Replaces the exchange's whole assignment in the draw that counts (rows' rounds, or `slots` in the same order, or round 0). */
export function replaceMatches(db: Db, exchangeId: number, assignment: ReadonlyArray<MatchRow>, now: number, slots?: readonly number[]): void {
  const draw = currentDraw(db, exchangeId);
  db.run(db.q.deleteFrom('matches').where('exchange_id', '=', exchangeId).where('draw', '=', draw));
  assignment.forEach(([giver, receiver, slot], e) => {
    db.run(db.q.insertInto('matches').values({ exchange_id: exchangeId, giver_id: giver, receiver_id: receiver, slot: slot ?? slots?.[e] ?? 0, created_at: now, draw }));
  });
}

/** Every row of the exchange, of every draw (undo). */
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
        .where('exchange_at', '<', before)
        .where('exchange_key', 'not in', (eb) => eb.selectFrom('pair_history_hidden').select('exchange_key')),
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
      .where(live('m'))
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
 * Adds pairs to an exchange's draw number `draw` with multi-row inserts (one slice of a staged
 * draw; the caller holds the transaction). Rows of an exchange that is not `matched`, and rows of
 * a draw that does not count (yet), are shown nowhere.
 */
export function insertMatches(db: Db, exchangeId: number, pairs: ReadonlyArray<MatchRow>, now: number, draw: number): void {
  for (let start = 0; start < pairs.length; start += 100) {
    const batch = pairs.slice(start, start + 100);
    const params: number[] = [];
    for (const [giver, receiver, slot] of batch) params.push(exchangeId, giver, receiver, slot ?? 0, now, draw);
    bulkInsert(db, 'insert into matches (exchange_id, giver_id, receiver_id, slot, created_at, draw)', 6, batch.length).run(params);
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

/** Deletes up to `limit` of an exchange's matches, of every draw; returns how many (a slice of a long clean-up). */
export function deleteSomeMatches(db: Db, exchangeId: number, limit: number): number {
  return db.prepared('delete from matches where rowid in (select rowid from matches where exchange_id = ? limit ?)').run(exchangeId, limit).changes;
}

/** Deletes up to `limit` rows of the exchange's draws other than the one that counts (replaced, or never committed); returns how many. */
export function deleteSomeStaleMatches(db: Db, exchangeId: number, limit: number): number {
  // Two ranges of the (exchange, draw, …) key, not a scan past the live rows on every slice.
  return db
    .prepared(
      `delete from matches where rowid in (select rowid from matches where exchange_id = @exchange and draw < @live
         union all select rowid from matches where exchange_id = @exchange and draw > @live limit @limit)`,
    )
    .run({ exchange: exchangeId, live: currentDraw(db, exchangeId), limit }).changes;
}

/**
 * Lists a pair-history key as hidden: no draw uses its rows, and a sweep removes them (a re-draw's
 * rows while they are written; a replaced draw's until they are gone). See migration 0013.
 */
export function hideHistoryKey(db: Db, exchangeKey: string, exchangeId: number, now: number): void {
  db.prepared('insert into pair_history_hidden (exchange_key, exchange_id, created_at) values (?, ?, ?) on conflict do nothing').run(exchangeKey, exchangeId, now);
}

/** The key's rows count again (a re-draw's commit, for its own rows). */
export function unhideHistoryKey(db: Db, exchangeKey: string): void {
  db.prepared('delete from pair_history_hidden where exchange_key = ?').run(exchangeKey);
}

/** Hidden keys with the exchange that wrote them (all, or one exchange's). */
export function hiddenHistoryKeys(db: Db, exchangeId?: number): Array<{ key: string; exchangeId: number }> {
  const rows = (
    exchangeId === undefined
      ? db.prepared('select exchange_key, exchange_id from pair_history_hidden order by created_at').all()
      : db.prepared('select exchange_key, exchange_id from pair_history_hidden where exchange_id = ? order by created_at').all(exchangeId)
  ) as Array<{ exchange_key: string; exchange_id: number }>;
  return rows.map((r) => ({ key: r.exchange_key, exchangeId: r.exchange_id }));
}

/** Deletes up to `limit` history rows under one exchange key; returns how many. */
export function deleteSomePairHistory(db: Db, exchangeKey: string, limit: number): number {
  return db.prepared('delete from pair_history where id in (select id from pair_history where exchange_key = ? limit ?)').run(exchangeKey, limit).changes;
}

/** How many pairs the exchange's draw that counts holds, or draw number `draw` (one being written). */
export function countMatches(db: Db, exchangeId: number, draw = currentDraw(db, exchangeId)): number {
  return db.prepared('select count(*) from matches where exchange_id = ? and draw = ?').pluck().get(exchangeId, draw) as number;
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
      .where(live('m'))
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
