import type { Selectable } from 'kysely';
import { personKey } from '../../contract/common';
import { notFound } from '../../core/errors';
import type { Participant } from '../../core/types';
import type { Db } from '../database';
import type { ParticipantsTable } from '../schema';

type Row = Selectable<ParticipantsTable>;

function toParticipant(row: Row): Participant {
  return {
    id: row.id,
    exchangeId: row.exchange_id,
    name: row.name,
    email: row.email,
    giftIdeas: row.gift_ideas,
    remindersEnabled: row.reminders_enabled === 1,
    isOrganizer: row.is_organizer === 1,
    emailConfirmedAt: row.email_confirmed_at,
    assignmentViewedAt: row.assignment_viewed_at,
    withdrawnAt: row.withdrawn_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface ParticipantFields {
  name?: string;
  email?: string;
  giftIdeas?: string;
  remindersEnabled?: boolean;
  isOrganizer?: boolean;
  emailConfirmedAt?: number | null;
  assignmentViewedAt?: number | null;
  withdrawnAt?: number | null;
  updatedAt?: number;
}

export function insertParticipant(
  db: Db,
  p: { exchangeId: number; name: string; email: string; giftIdeas: string; remindersEnabled: boolean; isOrganizer: boolean; now: number },
): number {
  return db.run(
    db.q.insertInto('participants').values({
      exchange_id: p.exchangeId,
      name: p.name,
      email: p.email,
      gift_ideas: p.giftIdeas,
      reminders_enabled: p.remindersEnabled ? 1 : 0,
      is_organizer: p.isOrganizer ? 1 : 0,
      created_at: p.now,
      updated_at: p.now,
    }),
  ).lastInsertRowid;
}

export function findParticipant(db: Db, id: number): Participant | undefined {
  const row = db.first(db.q.selectFrom('participants').selectAll().where('id', '=', id));
  return row && toParticipant(row);
}

export function getParticipant(db: Db, id: number): Participant {
  const participant = findParticipant(db, id);
  if (!participant) throw notFound('That participant');
  return participant;
}

/** Everyone of the exchange at this address (a family may share one), in the order they joined. */
export function participantsByEmail(db: Db, exchangeId: number, email: string): Participant[] {
  return db.all(db.q.selectFrom('participants').selectAll().where('exchange_id', '=', exchangeId).where('email', '=', email).orderBy('id')).map(toParticipant);
}

/** The person with this name at this address (names without case: see personKey). */
export function findParticipantByNameAndEmail(db: Db, exchangeId: number, name: string, email: string): Participant | undefined {
  const key = personKey(name, email);
  return participantsByEmail(db, exchangeId, email).find((p) => personKey(p.name, p.email) === key);
}

export function listParticipants(db: Db, exchangeId: number): Participant[] {
  return db.all(db.q.selectFrom('participants').selectAll().where('exchange_id', '=', exchangeId).orderBy('name').orderBy('id')).map(toParticipant);
}

export function updateParticipant(db: Db, id: number, f: ParticipantFields): void {
  const columns = {
    ...(f.name !== undefined && { name: f.name }),
    ...(f.email !== undefined && { email: f.email }),
    ...(f.giftIdeas !== undefined && { gift_ideas: f.giftIdeas }),
    ...(f.remindersEnabled !== undefined && { reminders_enabled: f.remindersEnabled ? 1 : 0 }),
    ...(f.isOrganizer !== undefined && { is_organizer: f.isOrganizer ? 1 : 0 }),
    ...(f.emailConfirmedAt !== undefined && { email_confirmed_at: f.emailConfirmedAt }),
    ...(f.assignmentViewedAt !== undefined && { assignment_viewed_at: f.assignmentViewedAt }),
    ...(f.withdrawnAt !== undefined && { withdrawn_at: f.withdrawnAt }),
    ...(f.updatedAt !== undefined && { updated_at: f.updatedAt }),
  };
  if (Object.keys(columns).length === 0) return;
  db.run(db.q.updateTable('participants').set(columns).where('id', '=', id));
}

export function deleteParticipant(db: Db, id: number): void {
  db.run(db.q.deleteFrom('participants').where('id', '=', id));
}

/** participant id → household id, for one exchange. */
export function householdOfParticipants(db: Db, exchangeId: number): Map<number, number> {
  const rows = db.all(
    db.q
      .selectFrom('household_members as m')
      .innerJoin('households as h', 'h.id', 'm.household_id')
      .select(['m.participant_id', 'm.household_id'])
      .where('h.exchange_id', '=', exchangeId),
  );
  return new Map(rows.map((row) => [row.participant_id, row.household_id]));
}
