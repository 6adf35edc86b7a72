// Frozen: once released, never edit this file; add a new migration instead.
import { sql, type Kysely } from 'kysely';

/**
 * Sign-ups are told to the organizer once each, either at once or in a daily digest.
 *
 * - `participants.registered_at`: when the person signed up themselves with the invite link (null
 *   for people the organizer added or imported).
 * - `participants.signup_reported_at`: when the organizer was told of that sign-up (by its own
 *   notice or in a digest); the digest lists exactly the sign-ups where it is null, and sets it in
 *   the transaction that queues the digest.
 *
 * Before this migration only a registration wrote a welcome email or a new-registration notice,
 * so those rows say who signed up; every earlier sign-up counts as told already.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('participants').addColumn('registered_at', 'integer').execute();
  await db.schema.alterTable('participants').addColumn('signup_reported_at', 'integer').execute();
  await sql`
    update participants set registered_at = created_at, signup_reported_at = created_at
    where id in (select participant_id from email_outbox where kind in ('welcome', 'organizer-new-registration') and participant_id is not null)`.execute(db);
  await db.schema.createIndex('participants_unreported_signups').on('participants').columns(['signup_reported_at', 'registered_at']).execute();
}
