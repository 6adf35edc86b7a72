// Frozen: once released, never edit this file; add a new migration instead.
import type { Kysely } from 'kysely';

/**
 * Indexes on the columns that foreign-key cascades search when a participant or an exchange is
 * deleted (purge, removal). Without them each deleted row scans whole tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of [
    ['matches', 'giver_id'],
    ['matches', 'receiver_id'],
    ['exclusions', 'giver_id'],
    ['exclusions', 'receiver_id'],
    ['job_state', 'exchange_id'],
    ['job_runs', 'exchange_id'],
    ['exchanges', 'previous_exchange_id'],
  ] as const) {
    await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute();
  }
}
