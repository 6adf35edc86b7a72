// Frozen: once released, never edit this file; add a new migration instead.
import { sql, type Kysely } from 'kysely';

/**
 * Two privacy records:
 * - `magic_tokens.pending_profile`: what a returning (withdrawn) address asked to rejoin with. It is
 *   applied only when the emailed link is used, so a stranger cannot rewrite someone's entry.
 * - `organizer_access`: every time the organizer chose to see what a participant drew (a personal
 *   link, the reveal, a match email's text). The participant is shown these on their page.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('magic_tokens').addColumn('pending_profile', 'text').execute();

  await db.schema
    .createTable('organizer_access')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('exchange_id', 'integer', (c) => c.notNull().references('exchanges.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.references('participants.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('personal-link', 'reveal', 'private-email')`))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('organizer_access_exchange_id').on('organizer_access').column('exchange_id').execute();
  await db.schema.createIndex('organizer_access_participant_id').on('organizer_access').column('participant_id').execute();
}
