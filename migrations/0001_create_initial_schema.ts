// Frozen: once released, never edit this file; add a new migration instead.
// Imports only kysely, so the file means the same thing forever.
import { sql, type Kysely } from 'kysely';

const strict = sql`strict`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('exchanges')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('budget_amount', 'text')
    .addColumn('budget_currency', 'text')
    .addColumn('max_participants', 'integer')
    .addColumn('registration_deadline_at', 'integer')
    .addColumn('exchange_at', 'integer', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('reminder_days', 'text', (c) => c.notNull().defaultTo('[7,3,1]'))
    .addColumn('match_mode', 'text', (c) =>
      c.notNull().defaultTo('single-loop').check(sql`match_mode in ('single-loop', 'no-mutual', 'any')`),
    )
    .addColumn('avoid_history_years', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('previous_exchange_id', 'integer', (c) => c.references('exchanges.id').onDelete('set null'))
    .addColumn('invite_code', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`state in ('draft', 'registration_open', 'registration_closed', 'matched', 'completed', 'cancelled')`,
        ),
    )
    .addColumn('drawn_at', 'integer')
    .addColumn('revealed_at', 'integer')
    .addColumn('completed_at', 'integer')
    .addColumn('cancelled_at', 'integer')
    .addColumn('purge_warned_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('participants')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('exchange_id', 'integer', (c) => c.notNull().references('exchanges.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('gift_ideas', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reminders_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_organizer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_confirmed_at', 'integer')
    .addColumn('assignment_viewed_at', 'integer')
    .addColumn('withdrawn_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('participants_exchange_email', ['exchange_id', 'email'])
    .modifyEnd(strict)
    .execute();

  // 'pair' rows mean both directions and are stored once with giver_id < receiver_id.
  await db.schema
    .createTable('exclusions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('exchange_id', 'integer', (c) => c.notNull().references('exchanges.id').onDelete('cascade'))
    .addColumn('giver_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('receiver_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('pair', 'one-way')`))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('exclusions_not_self', sql`giver_id <> receiver_id`)
    .addUniqueConstraint('exclusions_unique', ['exchange_id', 'giver_id', 'receiver_id'])
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('households')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('exchange_id', 'integer', (c) => c.notNull().references('exchanges.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('households_exchange_name', ['exchange_id', 'name'])
    .modifyEnd(strict)
    .execute();

  // A participant belongs to at most one household.
  await db.schema
    .createTable('household_members')
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) =>
      c.notNull().unique().references('participants.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('household_members_pk', ['household_id', 'participant_id'])
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('must_draw_pairs')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('exchange_id', 'integer', (c) => c.notNull().references('exchanges.id').onDelete('cascade'))
    .addColumn('giver_id', 'integer', (c) => c.notNull().unique().references('participants.id').onDelete('cascade'))
    .addColumn('receiver_id', 'integer', (c) =>
      c.notNull().unique().references('participants.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('must_draw_not_self', sql`giver_id <> receiver_id`)
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('matches')
    .addColumn('exchange_id', 'integer', (c) => c.notNull().references('exchanges.id').onDelete('cascade'))
    .addColumn('giver_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('receiver_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('matches_pk', ['exchange_id', 'giver_id'])
    .addUniqueConstraint('matches_receiver', ['exchange_id', 'receiver_id'])
    .addCheckConstraint('matches_not_self', sql`giver_id <> receiver_id`)
    .modifyEnd(strict)
    .execute();

  // Survives the purge: keyed hashes only, no names or addresses.
  await db.schema
    .createTable('pair_history')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('giver_hash', 'text', (c) => c.notNull())
    .addColumn('receiver_hash', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('pair_history_unique', ['giver_hash', 'receiver_hash', 'year'])
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('magic_tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('login', 'welcome', 'match', 'personal')`))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'integer', (c) => c.notNull())
    .addColumn('used_at', 'integer')
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('session_hash', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('participant', 'organizer')`))
    .addColumn('participant_id', 'integer', (c) => c.references('participants.id').onDelete('cascade'))
    .addColumn('csrf_secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('last_seen_at', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'integer', (c) => c.notNull())
    .addColumn('max_expires_at', 'integer', (c) => c.notNull())
    .addCheckConstraint(
      'sessions_owner',
      sql`(kind = 'participant') = (participant_id is not null)`,
    )
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'integer', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('email_outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('exchange_id', 'integer', (c) => c.references('exchanges.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.references('participants.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'sending', 'sent', 'failed', 'cancelled')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'integer', (c) => c.notNull())
    .addColumn('lease_until', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'integer')
    .modifyEnd(strict)
    .execute();
  await db.schema
    .createIndex('email_outbox_due')
    .on('email_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();

  // One row per schedulable unit: a recurring job ('token-cleanup') or an exchange's one-off
  // ('reminder:12:7', 'auto-complete:12'). The database, not the timer, knows what is due.
  await db.schema
    .createTable('job_state')
    .addColumn('job_key', 'text', (c) => c.primaryKey())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('exchange_id', 'integer', (c) => c.references('exchanges.id').onDelete('cascade'))
    .addColumn('due_at', 'integer')
    .addColumn('last_run_at', 'integer')
    .addColumn('last_outcome', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('job_key', 'text', (c) => c.notNull())
    .addColumn('exchange_id', 'integer', (c) => c.references('exchanges.id').onDelete('cascade'))
    .addColumn('scheduled_for', 'integer')
    .addColumn('started_at', 'integer', (c) => c.notNull())
    .addColumn('finished_at', 'integer')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('running', 'ok', 'failed', 'skipped')`))
    .addColumn('counts', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('error', 'text')
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('job_runs_started').on('job_runs').column('started_at').execute();

  for (const [table, column] of [
    ['participants', 'exchange_id'],
    ['exclusions', 'exchange_id'],
    ['households', 'exchange_id'],
    ['must_draw_pairs', 'exchange_id'],
    ['magic_tokens', 'participant_id'],
    ['sessions', 'participant_id'],
    ['email_outbox', 'exchange_id'],
    ['email_outbox', 'participant_id'],
  ] as const) {
    await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute();
  }
}
