// Frozen: once released, never edit this file; add a new migration instead.
import { sql, type Kysely } from 'kysely';

const strict = sql`strict`;

/**
 * Between a Santa and their giftee (issue #19), none of it readable by the organizer:
 *
 * - `conversations`: one per drawn pair (giver → receiver) while the pair holds. Keyed by the pair,
 *   not by "the" giftee, so a person with several giftees has several. When a re-draw, splice or
 *   withdrawal breaks the pair, `ended_at` is set and the thread is never shown to a new pair.
 * - `messages`: the thread of a conversation; `from_giver` says which side wrote.
 * - `private_addresses`: a participant's postal address, shown only to their Santa (and in the
 *   Santa's match email when `in_match_email`). A table of its own so that no participant query
 *   of the organizer's screens or the CSV export can pick it up.
 * - `exchanges.santa_reveal`: when participants learn who their Santa was (never, after the party,
 *   or when the organizer presses "Reveal to everyone": `santas_revealed_at`); with an optional
 *   email (`santa_reveal_email`).
 *
 * Every row hangs off the exchange or a participant with ON DELETE CASCADE, so the purge takes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('exchange_id', 'integer', (c) => c.notNull().references('exchanges.id').onDelete('cascade'))
    .addColumn('giver_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('receiver_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('ended_at', 'integer')
    .modifyEnd(strict)
    .execute();
  await sql`create unique index conversations_open_pair on conversations (giver_id, receiver_id) where ended_at is null`.execute(db);
  await db.schema.createIndex('conversations_receiver').on('conversations').column('receiver_id').execute();
  await db.schema.createIndex('conversations_exchange').on('conversations').column('exchange_id').execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('conversation_id', 'integer', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('from_giver', 'integer', (c) => c.notNull().check(sql`from_giver in (0, 1)`))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('messages_conversation').on('messages').columns(['conversation_id', 'id']).execute();

  await db.schema
    .createTable('private_addresses')
    .addColumn('participant_id', 'integer', (c) => c.primaryKey().references('participants.id').onDelete('cascade'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('in_match_email', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .alterTable('exchanges')
    .addColumn('santa_reveal', 'text', (c) => c.notNull().defaultTo('never').check(sql`santa_reveal in ('never', 'after_party', 'manual')`))
    .execute();
  await db.schema.alterTable('exchanges').addColumn('santa_reveal_email', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('exchanges').addColumn('santas_revealed_at', 'integer').execute();
}
