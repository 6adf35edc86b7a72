// Frozen: once released, never edit this file; add a new migration instead.
import { sql, type Kysely } from 'kysely';

/**
 * Languages (issue #20). An exchange speaks a default language (its pages and the emails of
 * people who chose none); a participant may have their own, taken from their browser when they
 * sign up, chosen by the organizer, or changed on their page (null: the exchange's). Existing
 * exchanges were English. No CHECK on the values: adding a language must not need a migration
 * (docs/translating.md); the contract admits only known languages and the repositories read an
 * unknown one as the default.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table exchanges add column locale text not null default 'en'`.execute(db);
  await sql`alter table participants add column locale text`.execute(db);
}
