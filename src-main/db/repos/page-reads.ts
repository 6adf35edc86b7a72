import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { Exchange, Participant } from '../../core/types';
import type { Db } from '../database';
import type { ExchangesTable, ParticipantsTable, SessionsTable } from '../schema';
import { toExchange } from './exchanges';
import type { OrganizerAccess, OrganizerAccessAction } from './organizer-access';
import { toParticipant } from './participants';

/**
 * The reads behind every participant page (`/me`, the invite page), as statements prepared once
 * per connection: building and compiling them with kysely on every request cost more than running
 * them. Each returns exactly what its kysely twin in the other repositories returns.
 */
interface Statements {
  session: BetterSqlite3.Statement<[string], Selectable<SessionsTable>>;
  participant: BetterSqlite3.Statement<[number], Selectable<ParticipantsTable>>;
  exchange: BetterSqlite3.Statement<[number], Selectable<ExchangesTable>>;
  exchangeByInviteCode: BetterSqlite3.Statement<[string], Selectable<ExchangesTable>>;
  activeParticipantCount: BetterSqlite3.Statement<[number], { n: number }>;
  receiverOf: BetterSqlite3.Statement<[number, number], { receiver_id: number }>;
  receiversOf: BetterSqlite3.Statement<[number, number], { receiver_id: number }>;
  organizerAccess: BetterSqlite3.Statement<[number, number], { action: string; participant_id: number | null; created_at: number }>;
  inviteExchange: BetterSqlite3.Statement<[string], Selectable<ExchangesTable> & { active_participants: number }>;
  together: BetterSqlite3.Transaction<(read: () => unknown) => unknown>;
}

const prepared = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = prepared.get(db);
  if (!s) {
    const sqlite = db.sqlite;
    s = {
      session: sqlite.prepare('select * from "sessions" where "session_hash" = ?'),
      participant: sqlite.prepare('select * from "participants" where "id" = ?'),
      exchange: sqlite.prepare('select * from "exchanges" where "id" = ?'),
      exchangeByInviteCode: sqlite.prepare('select * from "exchanges" where "invite_code" = ?'),
      activeParticipantCount: sqlite.prepare('select count(*) as "n" from "participants" where "exchange_id" = ? and "withdrawn_at" is null'),
      receiverOf: sqlite.prepare(
        'select "receiver_id" from "matches" where "exchange_id" = ? and "giver_id" = ? and "draw" = (select "match_draw" from "exchanges" where "exchanges"."id" = "matches"."exchange_id") order by "slot" limit 1',
      ),
      receiversOf: sqlite.prepare(
        'select "receiver_id" from "matches" where "exchange_id" = ? and "giver_id" = ? and "draw" = (select "match_draw" from "exchanges" where "exchanges"."id" = "matches"."exchange_id") order by "slot"',
      ),
      organizerAccess: sqlite.prepare(
        'select "action", "participant_id", "created_at" from "organizer_access" where "exchange_id" = ? and ("participant_id" = ? or "participant_id" is null) order by "created_at", "id"',
      ),
      inviteExchange: sqlite.prepare(
        'select "exchanges".*, (select count(*) from "participants" where "exchange_id" = "exchanges"."id" and "withdrawn_at" is null) as "active_participants" from "exchanges" where "invite_code" = ?',
      ),
      together: sqlite.transaction((read: () => unknown) => read()),
    };
    prepared.set(db, s);
  }
  return s;
}

/**
 * Runs several reads under one read transaction: in WAL mode every statement outside a
 * transaction takes and drops its own read lock, which costs more than a small read itself.
 * Inside an open transaction it just runs. Only for reads: nothing may be written in `read`.
 */
export function readTogether<T>(db: Db, read: () => T): T {
  if (db.sqlite.inTransaction) return read();
  return statements(db).together.deferred(read) as T;
}

/** The exchange an invite code names and how many are in it (not withdrawn), in one statement. */
export function inviteExchange(db: Db, code: string): { exchange: Exchange; activeParticipants: number } | undefined {
  const row = statements(db).inviteExchange.get(code);
  return row && { exchange: toExchange(row), activeParticipants: row.active_participants };
}

export function sessionByHash(db: Db, hash: string): Selectable<SessionsTable> | undefined {
  return statements(db).session.get(hash);
}

export function participantById(db: Db, id: number): Participant | undefined {
  const row = statements(db).participant.get(id);
  return row && toParticipant(row);
}

export function exchangeById(db: Db, id: number): Exchange | undefined {
  const row = statements(db).exchange.get(id);
  return row && toExchange(row);
}

export function exchangeByInviteCode(db: Db, code: string): Exchange | undefined {
  const row = statements(db).exchangeByInviteCode.get(code);
  return row && toExchange(row);
}

/** Non-withdrawn participants of one exchange. */
export function activeParticipantsIn(db: Db, exchangeId: number): number {
  return statements(db).activeParticipantCount.get(exchangeId)?.n ?? 0;
}

/** The giver's giftee (the first round's, with several giftees each). */
export function receiverOf(db: Db, exchangeId: number, giverId: number): number | undefined {
  return statements(db).receiverOf.get(exchangeId, giverId)?.receiver_id;
}

/** All of the giver's giftees, in round order (one, or k with several giftees each). */
export function receiversOf(db: Db, exchangeId: number, giverId: number): number[] {
  return statements(db)
    .receiversOf.all(exchangeId, giverId)
    .map((row) => row.receiver_id);
}

/** What concerned this participant (their own records and the exchange-wide ones), oldest first. */
export function organizerAccessOf(db: Db, exchangeId: number, participantId: number): OrganizerAccess[] {
  return statements(db)
    .organizerAccess.all(exchangeId, participantId)
    .map((row) => ({ action: row.action as OrganizerAccessAction, participantId: row.participant_id, at: row.created_at }));
}
