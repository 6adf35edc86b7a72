import type { Db } from '../database';

export interface TableDraw {
  id: number;
  exchangeId: number;
  deviceHash: string | null;
  showingParticipantId: number | null;
  expiresAt: number;
  closedAt: number | null;
}

type Row = { id: number; exchange_id: number; device_hash: string | null; showing_participant_id: number | null; expires_at: number; closed_at: number | null };

const toTableDraw = (row: Row): TableDraw => ({
  id: row.id,
  exchangeId: row.exchange_id,
  deviceHash: row.device_hash,
  showingParticipantId: row.showing_participant_id,
  expiresAt: row.expires_at,
  closedAt: row.closed_at,
});

const COLUMNS = ['id', 'exchange_id', 'device_hash', 'showing_participant_id', 'expires_at', 'closed_at'] as const;

export function insertTableDraw(db: Db, exchangeId: number, codeHash: string, now: number, expiresAt: number): number {
  return db.run(db.q.insertInto('table_draws').values({ exchange_id: exchangeId, code_hash: codeHash, created_at: now, expires_at: expiresAt })).lastInsertRowid;
}

/** Earlier table sessions of the exchange stop working when a new one starts. */
export function closeTableDraws(db: Db, exchangeId: number, now: number): void {
  db.run(db.q.updateTable('table_draws').set({ closed_at: now, showing_participant_id: null }).where('exchange_id', '=', exchangeId).where('closed_at', 'is', null));
}

export function findTableDrawByCode(db: Db, codeHash: string): TableDraw | undefined {
  const row = db.first(db.q.selectFrom('table_draws').select(COLUMNS).where('code_hash', '=', codeHash));
  return row && toTableDraw(row);
}

export function findTableDrawByDevice(db: Db, deviceHash: string): TableDraw | undefined {
  const row = db.first(db.q.selectFrom('table_draws').select(COLUMNS).where('device_hash', '=', deviceHash));
  return row && toTableDraw(row);
}

/** The one device that opens the code keeps the session; returns false if another device was first. */
export function claimTableDevice(db: Db, id: number, deviceHash: string): boolean {
  return db.run(db.q.updateTable('table_draws').set({ device_hash: deviceHash }).where('id', '=', id).where('device_hash', 'is', null)).changes === 1;
}

export function setShowing(db: Db, id: number, participantId: number | null): void {
  db.run(db.q.updateTable('table_draws').set({ showing_participant_id: participantId }).where('id', '=', id));
}

/** The latest session of an exchange, open or not. */
export function latestTableDraw(db: Db, exchangeId: number): TableDraw | undefined {
  const row = db.first(db.q.selectFrom('table_draws').select(COLUMNS).where('exchange_id', '=', exchangeId).orderBy('id', 'desc').limit(1));
  return row && toTableDraw(row);
}

/** Records a look; false when this person has looked already (the primary key refuses a second). */
export function insertTableLook(db: Db, exchangeId: number, participantId: number, giftees: string, now: number): boolean {
  return (
    db.prepared(`insert into table_looks (exchange_id, participant_id, giftees, looked_at) values (?, ?, ?, ?) on conflict do nothing`).run(exchangeId, participantId, giftees, now)
      .changes === 1
  );
}

/** Who has looked at the table, by participant id. */
export function tableLooks(db: Db, exchangeId: number): Map<number, number> {
  const rows = db.all(db.q.selectFrom('table_looks').select(['participant_id', 'looked_at']).where('exchange_id', '=', exchangeId));
  return new Map(rows.map((r) => [r.participant_id, r.looked_at]));
}

/** A look at giftees that are no longer theirs (`gifteesKey`) is forgotten: they may look again at the table. */
export function forgetStaleLook(db: Db, exchangeId: number, participantId: number, current: string | null): void {
  db.prepared(`delete from table_looks where exchange_id = ? and participant_id = ? and giftees is not ?`).run(exchangeId, participantId, current);
}
