import type { Selectable } from 'kysely';
import { personKey } from '../../contract/values';
import { notFound } from '../../core/errors';
import type { Participant } from '../../core/types';
import type { Delivery } from '../../contract/participants';
import type { Db } from '../database';
import { isLocale, type Locale } from '../../i18n';
import type { ParticipantsTable } from '../schema';

type Row = Selectable<ParticipantsTable>;

export function toParticipant(row: Row): Participant {
  return {
    id: row.id,
    exchangeId: row.exchange_id,
    name: row.name,
    email: row.email,
    delivery: row.delivery as Delivery,
    deliveredBy: row.delivered_by,
    locale: isLocale(row.locale) ? row.locale : null,
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
  delivery?: Delivery;
  deliveredBy?: number | null;
  locale?: Locale | null;
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
    delivery?: Delivery;
    deliveredBy?: number | null;
    locale?: Locale | null;
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
      delivery: p.delivery ?? 'email',
      delivered_by: p.deliveredBy ?? null,
      locale: p.locale ?? null,
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

export type NewParticipantRow = {
  name: string;
  email: string;
  delivery: Delivery;
  deliveredBy: number | null;
  /** Their own language (a CSV column); null = the exchange's. */
  locale: Locale | null;
  giftIdeas: string;
  remindersEnabled: boolean;
  isOrganizer: boolean;
};

const BULK_ROWS = 100;

/**
 * Many participants of one exchange in one go (an import): multi-row INSERTs of up to 100 rows on
 * prepared statements, a fraction of the cost of one built query per row. Call inside the
 * caller's transaction. Returns the new ids by personKey(name, email): RETURNING gives no order,
 * and one address may hold several people.
 */
export function insertParticipants(db: Db, exchangeId: number, rows: readonly NewParticipantRow[], now: number): Map<string, number> {
  const ids = new Map<string, number>();
  for (let start = 0; start < rows.length; start += BULK_ROWS) {
    const batch = rows.slice(start, start + BULK_ROWS);
    const values = Array.from({ length: batch.length }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
    const stmt = db.prepared(
      `insert into participants (exchange_id, name, email, delivery, delivered_by, locale, gift_ideas, reminders_enabled, is_organizer, created_at, updated_at) values ${values} returning id, name, email`,
    );
    const params: unknown[] = [];
    for (const p of batch) params.push(exchangeId, p.name, p.email, p.delivery, p.deliveredBy, p.locale, p.giftIdeas, p.remindersEnabled ? 1 : 0, p.isOrganizer ? 1 : 0, now, now);
    for (const row of stmt.all(params) as Array<{ id: number; name: string; email: string }>) ids.set(personKey(row.name, row.email), row.id);
  }
  return ids;
}

let stages = 0;

/**
 * A staging table for an import, in the connection's TEMP database: invisible to everything
 * else, filled in slices, and gone with the process if it dies. `commitImportStage` moves its
 * rows into an exchange in one statement. Drop it with `dropImportStage`.
 */
export function createImportStage(db: Db): string {
  const table = `import_stage_${++stages}`;
  db.sqlite.exec(
    `create temp table ${table} (name text not null, email text not null, delivery text not null, locale text, gift_ideas text not null, reminders_enabled integer not null, is_organizer integer not null)`,
  );
  return table;
}

export function stageParticipants(db: Db, table: string, rows: readonly NewParticipantRow[]): void {
  // An import names no deliverer (`delivered` is chosen on the screen, where the people exist).
  const insert = db.sqlite.prepare(`insert into temp.${table} values (?, ?, ?, ?, ?, ?, ?)`);
  for (const p of rows) insert.run(p.name, p.email, p.delivery, p.locale, p.giftIdeas, p.remindersEnabled ? 1 : 0, p.isOrganizer ? 1 : 0);
}

/** The first staged person (name at address) already taking part in the exchange, if any. */
export function stagedConflict(db: Db, table: string, exchangeId: number): { name: string; email: string } | undefined {
  return db.sqlite
    .prepare(`select s.name, s.email from temp.${table} s join participants p on p.exchange_id = ? and p.email = s.email and lower(p.name) = lower(s.name) limit 1`)
    .get(exchangeId) as { name: string; email: string } | undefined;
}

/** Moves the staged rows into the exchange (in the caller's transaction); returns how many. */
export function commitImportStage(db: Db, table: string, exchangeId: number, now: number): number {
  return db.sqlite
    .prepare(
      `insert into participants (exchange_id, name, email, delivery, locale, gift_ideas, reminders_enabled, is_organizer, created_at, updated_at) select ?, name, email, delivery, locale, gift_ideas, reminders_enabled, is_organizer, ?, ? from temp.${table} order by rowid`,
    )
    .run(exchangeId, now, now).changes;
}

export function dropImportStage(db: Db, table: string): void {
  if (db.sqlite.open) db.sqlite.exec(`drop table if exists temp.${table}`);
}

/** Everyone already in an exchange as personKey(name, email), withdrawn people included. */
export function participantKeys(db: Db, exchangeId: number): Set<string> {
  return new Set(db.all(db.q.selectFrom('participants').select(['name', 'email']).where('exchange_id', '=', exchangeId)).map((r) => personKey(r.name, r.email)));
}

export function findParticipant(db: Db, id: number): Participant | undefined {
  const row = db.first(db.q.selectFrom('participants').selectAll().where('id', '=', id));
  return row && toParticipant(row);
}

export function getParticipant(db: Db, id: number): Participant {
  const participant = findParticipant(db, id);
  if (!participant) throw notFound('participant');
  return participant;
}

/** Everyone of the exchange at this address (a family may share one), in the order they joined. No address is nobody's. */
export function participantsByEmail(db: Db, exchangeId: number, email: string): Participant[] {
  if (email === '') return [];
  return db.all(db.q.selectFrom('participants').selectAll().where('exchange_id', '=', exchangeId).where('email', '=', email).orderBy('id')).map(toParticipant);
}

/** The person with this name at this address (names without case: see personKey). */
export function findParticipantByNameAndEmail(db: Db, exchangeId: number, name: string, email: string): Participant | undefined {
  const key = personKey(name, email);
  const people = email === '' ? withoutEmail(db, exchangeId) : participantsByEmail(db, exchangeId, email);
  return people.find((p) => personKey(p.name, p.email) === key);
}

function withoutEmail(db: Db, exchangeId: number): Participant[] {
  return db.all(db.q.selectFrom('participants').selectAll().where('exchange_id', '=', exchangeId).where('email', '=', '').orderBy('id')).map(toParticipant);
}

/** Who takes part in a draw: the people not withdrawn, in the roster's order, with only what the draw needs. */
export function drawPeople(db: Db, exchangeId: number): Array<Pick<Participant, 'id' | 'name' | 'email'>> {
  return db.all(
    db.q.selectFrom('participants').select(['id', 'name', 'email']).where('exchange_id', '=', exchangeId).where('withdrawn_at', 'is', null).orderBy('name').orderBy('id'),
  );
}

export function listParticipants(db: Db, exchangeId: number): Participant[] {
  return db.all(db.q.selectFrom('participants').selectAll().where('exchange_id', '=', exchangeId).orderBy('name').orderBy('id')).map(toParticipant);
}

export function updateParticipant(db: Db, id: number, f: ParticipantFields): void {
  const columns = {
    ...(f.name !== undefined && { name: f.name }),
    ...(f.email !== undefined && { email: f.email }),
    ...(f.delivery !== undefined && { delivery: f.delivery }),
    ...(f.deliveredBy !== undefined && { delivered_by: f.deliveredBy }),
    ...(f.locale !== undefined && { locale: f.locale }),
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
