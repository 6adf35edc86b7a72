import type { Selectable } from 'kysely';
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
    registeredAt: row.registered_at,
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
  p: {
    exchangeId: number;
    name: string;
    email: string;
    giftIdeas: string;
    remindersEnabled: boolean;
    isOrganizer: boolean;
    now: number;
    /** A sign-up with the invite link; `reported` when the organizer is told of it at once. */
    registration?: { reported: boolean };
  },
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
      registered_at: p.registration ? p.now : null,
      signup_reported_at: p.registration?.reported ? p.now : null,
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

export function findParticipantByEmail(db: Db, exchangeId: number, email: string): Participant | undefined {
  const row = db.first(db.q.selectFrom('participants').selectAll().where('exchange_id', '=', exchangeId).where('email', '=', email));
  return row && toParticipant(row);
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

/** A sign-up the organizer has not been told of yet. */
export interface UnreportedSignup {
  id: number;
  exchangeId: number;
  email: string;
  registeredAt: number;
}

/** Sign-ups (through the invite link) not yet told to the organizer, by exchange, oldest first. */
export function unreportedSignups(db: Db): UnreportedSignup[] {
  return db
    .all(
      db.q
        .selectFrom('participants')
        .select(['id', 'exchange_id', 'email', 'registered_at'])
        .where('registered_at', 'is not', null)
        .where('signup_reported_at', 'is', null)
        .orderBy('exchange_id')
        .orderBy('registered_at')
        .orderBy('id'),
    )
    .map((row) => ({ id: row.id, exchangeId: row.exchange_id, email: row.email, registeredAt: row.registered_at! }));
}

/** Records that the organizer was told of these sign-ups. */
export function markSignupsReported(db: Db, ids: readonly number[], now: number): void {
  for (let i = 0; i < ids.length; i += 500) {
    db.run(
      db.q
        .updateTable('participants')
        .set({ signup_reported_at: now })
        .where('id', 'in', ids.slice(i, i + 500)),
    );
  }
}

/** Participants of an exchange who were sent (or are waiting for) a welcome email, whatever its purpose. */
export function participantsWithWelcome(db: Db, exchangeId: number): Set<number> {
  const rows = db.all(
    db.q
      .selectFrom('email_outbox')
      .select('participant_id')
      .distinct()
      .where('exchange_id', '=', exchangeId)
      .where('kind', '=', 'welcome')
      .where('status', 'in', ['pending', 'sending', 'sent', 'failed'])
      .where('participant_id', 'is not', null),
  );
  return new Set(rows.map((row) => row.participant_id!));
}
