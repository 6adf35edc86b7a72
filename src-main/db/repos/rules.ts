import type { Db } from '../database';

/** Exclusions, households and must-draw pairs of one exchange, as stored. */
export interface StoredRules {
  exclusions: Array<{ id: number; giverId: number; receiverId: number; kind: 'pair' | 'one-way' }>;
  mustDraw: Array<{ id: number; giverId: number; receiverId: number }>;
  households: Array<{ id: number; name: string; memberIds: number[] }>;
}

export function loadRules(db: Db, exchangeId: number): StoredRules {
  const exclusions = db
    .all(db.q.selectFrom('exclusions').select(['id', 'giver_id', 'receiver_id', 'kind']).where('exchange_id', '=', exchangeId).orderBy('id'))
    .map((r) => ({ id: r.id, giverId: r.giver_id, receiverId: r.receiver_id, kind: r.kind as 'pair' | 'one-way' }));
  const mustDraw = db
    .all(db.q.selectFrom('must_draw_pairs').select(['id', 'giver_id', 'receiver_id']).where('exchange_id', '=', exchangeId).orderBy('id'))
    .map((r) => ({ id: r.id, giverId: r.giver_id, receiverId: r.receiver_id }));
  const households = db
    .all(db.q.selectFrom('households').select(['id', 'name']).where('exchange_id', '=', exchangeId).orderBy('name'))
    .map((h) => ({ id: h.id, name: h.name, memberIds: [] as number[] }));
  const byId = new Map(households.map((h) => [h.id, h]));
  const members = db.all(
    db.q
      .selectFrom('household_members as m')
      .innerJoin('households as h', 'h.id', 'm.household_id')
      .select(['m.household_id', 'm.participant_id'])
      .where('h.exchange_id', '=', exchangeId)
      .orderBy('m.participant_id'),
  );
  for (const m of members) byId.get(m.household_id)?.memberIds.push(m.participant_id);
  return { exclusions, mustDraw, households };
}

export function insertExclusion(db: Db, e: { exchangeId: number; giverId: number; receiverId: number; kind: 'pair' | 'one-way'; now: number }): number {
  return db.run(
    db.q.insertInto('exclusions').values({
      exchange_id: e.exchangeId,
      giver_id: e.giverId,
      receiver_id: e.receiverId,
      kind: e.kind,
      created_at: e.now,
    }),
  ).lastInsertRowid;
}

export function deleteExclusions(db: Db, ids: number[]): void {
  if (ids.length > 0) db.run(db.q.deleteFrom('exclusions').where('id', 'in', ids));
}

export function insertMustDraw(db: Db, m: { exchangeId: number; giverId: number; receiverId: number; now: number }): number {
  return db.run(db.q.insertInto('must_draw_pairs').values({ exchange_id: m.exchangeId, giver_id: m.giverId, receiver_id: m.receiverId, created_at: m.now })).lastInsertRowid;
}

export function deleteMustDraw(db: Db, id: number): void {
  db.run(db.q.deleteFrom('must_draw_pairs').where('id', '=', id));
}

export function findRuleExchange(db: Db, table: 'exclusions' | 'must_draw_pairs' | 'households', id: number): number | undefined {
  return db.first(db.q.selectFrom(table).select('exchange_id').where('id', '=', id))?.exchange_id;
}

export function insertHousehold(db: Db, h: { exchangeId: number; name: string; now: number }): number {
  return db.run(db.q.insertInto('households').values({ exchange_id: h.exchangeId, name: h.name, created_at: h.now })).lastInsertRowid;
}

export function renameHousehold(db: Db, id: number, name: string): void {
  db.run(db.q.updateTable('households').set({ name }).where('id', '=', id));
}

export function setHouseholdMembers(db: Db, householdId: number, memberIds: number[]): void {
  db.run(db.q.deleteFrom('household_members').where('household_id', '=', householdId));
  for (const participantId of memberIds) {
    db.run(db.q.insertInto('household_members').values({ household_id: householdId, participant_id: participantId }));
  }
}

export function deleteHousehold(db: Db, id: number): void {
  db.run(db.q.deleteFrom('households').where('id', '=', id));
}
