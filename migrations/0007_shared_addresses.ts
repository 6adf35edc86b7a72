// Frozen: once released, never edit this file; add a new migration instead.
import { sql, type Kysely } from 'kysely';

/**
 * Several participants of one exchange may share an email address (a parent and the children, a
 * couple): the unique key (exchange, email) becomes (exchange, email, name). SQLite cannot drop a
 * constraint, so `participants` is rebuilt from its own stored definition (every column added
 * since stays as it is) with the usual procedure: new table, copy, drop, rename, indexes again.
 * It runs with foreign keys off (`foreignKeysOff` in the list); the runner checks them all before
 * committing, so rows pointing at participants keep pointing at the same ids.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const table = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'table' and name = 'participants'`.execute(db);
  const definition = table.rows[0]?.sql;
  if (!definition) throw new Error('the participants table is missing');
  const unique = /constraint\s+"?participants_exchange_email"?\s+unique\s*\(\s*"?exchange_id"?\s*,\s*"?email"?\s*\)/i;
  if (!unique.test(definition)) throw new Error('the participants table does not have the expected unique key');
  const rebuilt = definition
    .replace(/^create table\s+"?participants"?/i, 'create table "participants_rebuilt"')
    .replace(unique, 'constraint "participants_exchange_email_name" unique ("exchange_id", "email", "name")');
  const indexes = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'index' and tbl_name = 'participants' and sql is not null`.execute(db);

  await sql.raw(rebuilt).execute(db);
  await sql`insert into participants_rebuilt select * from participants`.execute(db);
  await sql`drop table participants`.execute(db);
  await sql`alter table participants_rebuilt rename to participants`.execute(db);
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
  await db.schema.createIndex('participants_exchange_email').on('participants').columns(['exchange_id', 'email']).execute();
}
