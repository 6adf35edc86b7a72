// Frozen: once released, never edit this file; add a new migration instead.
import { sql, type Kysely } from 'kysely';

/**
 * Everyone can take part (issue #18): people without email, printed cards, the table draw.
 *
 * - `participants.delivery`: how the person learns their giftee: `email` (the match email),
 *   `card` (a printed card), `in_person` (the table draw) or `delivered` (another participant,
 *   `delivered_by`, is emailed a link to pass on). A person without email keeps `email = ''`
 *   rather than NULL: the unique key (exchange, email, name) then also keeps two people without
 *   email apart by name, and no table rebuild is needed.
 * - `table_draws`: a "pass the phone" session started by the organizer; `code_hash` is the
 *   one-time code of its link, `device_hash` the cookie of the one device that opened it.
 * - `table_looks`: who has seen which giftee at the table (a second look there is refused until
 *   a latecomer or a withdrawal changes that giftee).
 * - `printed_cards`: every card printed, with the giftees a "full" card shows (`giftees`, the ids
 *   in ascending order, comma-separated: several with several giftees each), so a later change of
 *   giftee marks it `replaced_at` and the organizer is told to reprint it. `table_looks.giftees`
 *   likewise.
 * - `organizer_access.action` also allows `printed-card` (a full card shows the giftee), and
 *   `magic_tokens.purpose` allows `card` (a card's QR) and `handover` (a link passed on): both are
 *   the only way in for someone without email, so they are not spent when used.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('participants')
    .addColumn('delivery', 'text', (c) => c.notNull().defaultTo('email').check(sql`delivery in ('email', 'card', 'in_person', 'delivered')`))
    .execute();
  await db.schema
    .alterTable('participants')
    .addColumn('delivered_by', 'integer', (c) => c.references('participants.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('table_draws')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('exchange_id', 'integer', (c) => c.notNull().references('exchanges.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('device_hash', 'text', (c) => c.unique())
    .addColumn('showing_participant_id', 'integer', (c) => c.references('participants.id').onDelete('set null'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'integer', (c) => c.notNull())
    .addColumn('closed_at', 'integer')
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('table_draws_exchange_id').on('table_draws').column('exchange_id').execute();
  // Every foreign key has an index: deleting a person (or a whole exchange) must not scan the table
  // once per deleted row to null or cascade what points at them.
  await db.schema.createIndex('participants_delivered_by').on('participants').column('delivered_by').execute();
  await db.schema.createIndex('table_draws_showing_participant_id').on('table_draws').column('showing_participant_id').execute();

  await db.schema
    .createTable('table_looks')
    .addColumn('exchange_id', 'integer', (c) => c.notNull().references('exchanges.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('giftees', 'text')
    .addColumn('looked_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('table_looks_pk', ['exchange_id', 'participant_id'])
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('table_looks_participant_id').on('table_looks').column('participant_id').execute();

  await db.schema
    .createTable('printed_cards')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('exchange_id', 'integer', (c) => c.notNull().references('exchanges.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('style', 'text', (c) => c.notNull().check(sql`style in ('full', 'name-qr')`))
    .addColumn('giftees', 'text')
    .addColumn('printed_at', 'integer', (c) => c.notNull())
    .addColumn('replaced_at', 'integer')
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('printed_cards_exchange_id').on('printed_cards').columns(['exchange_id', 'participant_id']).execute();
  await db.schema.createIndex('printed_cards_participant_id').on('printed_cards').column('participant_id').execute();

  await allowValue(db, 'organizer_access', 'action', 'printed-card');
  await allowValue(db, 'magic_tokens', 'purpose', 'card');
  await allowValue(db, 'magic_tokens', 'purpose', 'handover');
}

/**
 * SQLite cannot change a CHECK: the table is rebuilt from its own stored definition (columns added
 * since stay as they are) with `value` added to the list of `column in (...)`. Nothing points at
 * these tables, so foreign keys can stay on.
 */
async function allowValue(db: Kysely<unknown>, table: string, column: string, value: string): Promise<void> {
  const found = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'table' and name = ${table}`.execute(db);
  const definition = found.rows[0]?.sql;
  if (!definition) throw new Error(`the ${table} table is missing`);
  const check = new RegExp(`("?${column}"?\\s+in\\s*\\()`, 'i');
  if (!check.test(definition)) throw new Error(`the ${table} table does not have the expected check on ${column}`);
  const rebuilt = definition.replace(new RegExp(`^create table\\s+"?${table}"?`, 'i'), `create table "${table}_rebuilt"`).replace(check, `$1'${value}', `);
  const indexes = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'index' and tbl_name = ${table} and sql is not null`.execute(db);
  await sql.raw(rebuilt).execute(db);
  await sql.raw(`insert into "${table}_rebuilt" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${table}_rebuilt" rename to "${table}"`).execute(db);
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
}
