// Frozen: once released, never edit this file; add a new migration instead.
import { sql, type Kysely } from 'kysely';

/**
 * Several giftees each (1, 2 or 3 per person). The exchange gets `gifts_per_person`; `matches`
 * gets `slot`, the round of the pair (0..k-1; every round is a one-giftee draw, and in single-loop
 * mode round j is loop j), and its keys change: (exchange, giver) and (exchange, receiver) are unique
 * per round, and a pair is never drawn twice. SQLite cannot change a primary key, so `matches` is
 * rebuilt from its own stored definition (columns other migrations added stay as they are), the
 * usual way: new table, copy, drop, rename, indexes again. Nothing points at `matches`, so foreign
 * keys can stay on. Existing draws become round 0.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table exchanges add column gifts_per_person integer not null default 1 check (gifts_per_person in (1, 2, 3))`.execute(db);

  const table = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'table' and name = 'matches'`.execute(db);
  const definition = table.rows[0]?.sql;
  if (!definition) throw new Error('the matches table is missing');
  const primaryKey = /constraint\s+"?matches_pk"?\s+primary key\s*\(\s*"?exchange_id"?\s*,\s*"?giver_id"?\s*\)/i;
  const receiverKey = /constraint\s+"?matches_receiver"?\s+unique\s*\(\s*"?exchange_id"?\s*,\s*"?receiver_id"?\s*\)/i;
  const createdAt = /"?created_at"?\s+integer\s+not null/i;
  if (!primaryKey.test(definition) || !receiverKey.test(definition) || !createdAt.test(definition)) throw new Error('the matches table does not have the expected keys');
  const rebuilt = definition
    .replace(/^create table\s+"?matches"?/i, 'create table "matches_rebuilt"')
    .replace(createdAt, (column) => `${column}, "slot" integer not null default 0 check ("slot" between 0 and 2)`)
    .replace(primaryKey, 'constraint "matches_pk" primary key ("exchange_id", "giver_id", "slot")')
    .replace(receiverKey, 'constraint "matches_receiver" unique ("exchange_id", "receiver_id", "slot"), constraint "matches_pair" unique ("exchange_id", "giver_id", "receiver_id")');
  const columns = (await sql<{ name: string }>`select name from pragma_table_info('matches')`.execute(db)).rows.map((c) => `"${c.name}"`).join(', ');
  const indexes = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'index' and tbl_name = 'matches' and sql is not null`.execute(db);

  await sql.raw(rebuilt).execute(db);
  await sql.raw(`insert into matches_rebuilt (${columns}) select ${columns} from matches`).execute(db);
  await sql`drop table matches`.execute(db);
  await sql`alter table matches_rebuilt rename to matches`.execute(db);
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
}
