// Frozen: once released, never edit this file; add a new migration instead.
import { sql, type Kysely } from 'kysely';

/**
 * A re-draw without freezing the app (issue #15): the new draw is written beside the old one, in
 * slices, and one short commit switches which one counts.
 *
 * - `exchanges.match_draw`: the number of the exchange's draw that counts. Every reader of
 *   `matches` keeps to the rows of that number.
 * - `matches.draw`: which draw a row belongs to. Its keys gain it, so the old and the new draw
 *   may hold the same giver and round side by side. SQLite cannot change a primary key, so the
 *   table is rebuilt from its own stored definition, as 0010 did; nothing points at `matches`.
 * - `pair_history_hidden`: pair-history keys whose rows no draw may use: a re-draw's rows while it
 *   is written, and the replaced draw's rows until they are removed. Rows under such a key are
 *   removed in slices; a crash half-way leaves the key listed, and the next sweep finishes.
 * - An index by which the commit reads who was told their match without touching the rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table exchanges add column match_draw integer not null default 0`.execute(db);

  const table = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'table' and name = 'matches'`.execute(db);
  const definition = table.rows[0]?.sql;
  if (!definition) throw new Error('the matches table is missing');
  const primaryKey = /constraint\s+"?matches_pk"?\s+primary key\s*\(\s*"?exchange_id"?\s*,\s*"?giver_id"?\s*,\s*"?slot"?\s*\)/i;
  const receiverKey = /constraint\s+"?matches_receiver"?\s+unique\s*\(\s*"?exchange_id"?\s*,\s*"?receiver_id"?\s*,\s*"?slot"?\s*\)/i;
  const pairKey = /constraint\s+"?matches_pair"?\s+unique\s*\(\s*"?exchange_id"?\s*,\s*"?giver_id"?\s*,\s*"?receiver_id"?\s*\)/i;
  const slot = /"?slot"?\s+integer\s+not null\s+default 0\s+check\s*\(\s*"?slot"?\s+between 0 and 2\s*\)/i;
  if (![primaryKey, receiverKey, pairKey, slot].every((re) => re.test(definition))) throw new Error('the matches table does not have the expected keys');
  const rebuilt = definition
    .replace(/^create table\s+"?matches"?/i, 'create table "matches_rebuilt"')
    .replace(slot, (column) => `${column}, "draw" integer not null default 0`)
    .replace(primaryKey, 'constraint "matches_pk" primary key ("exchange_id", "draw", "giver_id", "slot")')
    .replace(receiverKey, 'constraint "matches_receiver" unique ("exchange_id", "draw", "receiver_id", "slot")')
    .replace(pairKey, 'constraint "matches_pair" unique ("exchange_id", "draw", "giver_id", "receiver_id")');
  const columns = (await sql<{ name: string }>`select name from pragma_table_info('matches')`.execute(db)).rows.map((c) => `"${c.name}"`).join(', ');
  const indexes = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'index' and tbl_name = 'matches' and sql is not null`.execute(db);

  await sql.raw(rebuilt).execute(db);
  await sql.raw(`insert into matches_rebuilt (${columns}) select ${columns} from matches`).execute(db);
  await sql`drop table matches`.execute(db);
  await sql`alter table matches_rebuilt rename to matches`.execute(db);
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db);

  await sql`create table "pair_history_hidden" ("exchange_key" text primary key, "exchange_id" integer not null, "created_at" integer not null) strict`.execute(db);

  // Who was told their match, read inside the re-draw's commit, comes from this index alone (its
  // prefix is the old (exchange_id, kind) index, which goes); withdrawn rows sit apart in it.
  await sql`create index "email_outbox_match_state" on "email_outbox" ("exchange_id", "kind", "status", "participant_id")`.execute(db);
  await sql`drop index if exists email_outbox_exchange`.execute(db);
}
