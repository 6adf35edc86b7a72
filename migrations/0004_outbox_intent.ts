// Frozen: once released, never edit this file; add a new migration instead.
import { sql, type Kysely } from 'kysely';

/**
 * The outbox holds intent: what a message is about (draw generation, parameters), why it was
 * withdrawn, and whether its failure was reported to the organizer. The old body columns stay
 * (SQLite cannot drop them cheaply) and are empty for messages rendered at sending time.
 * `exchange_mail_state` keeps the calendar SEQUENCE per exchange, raised on each change that
 * moves the event, so calendars replace the older copy.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('email_outbox').addColumn('generation', 'text').execute();
  await db.schema.alterTable('email_outbox').addColumn('params', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  await db.schema.alterTable('email_outbox').addColumn('withdrawn_reason', 'text').execute();
  await db.schema.alterTable('email_outbox').addColumn('reported_at', 'integer').execute();
  await db.schema.createIndex('email_outbox_participant').on('email_outbox').columns(['participant_id', 'kind']).execute();
  await db.schema.createIndex('email_outbox_exchange').on('email_outbox').columns(['exchange_id', 'kind']).execute();
  await db.schema
    .createTable('exchange_mail_state')
    .addColumn('exchange_id', 'integer', (c) => c.primaryKey().references('exchanges.id').onDelete('cascade'))
    .addColumn('ics_sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .modifyEnd(sql`strict`)
    .execute();
}
