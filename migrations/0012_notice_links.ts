// Frozen: once released, never edit this file; add a new migration instead.
import { sql, type Kysely } from 'kysely';

/**
 * `magic_tokens.purpose` allows `notice`: the link in a new-message notice or the Santa reveal.
 * Those emails used `match` links, and each one revoked the link of the person's match email (a
 * new token replaces older unused ones of its purpose). SQLite cannot change a CHECK, so the table
 * is rebuilt from its own stored definition with the value added, as 0008 did; nothing points at
 * `magic_tokens`, so foreign keys can stay on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const found = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'table' and name = 'magic_tokens'`.execute(db);
  const definition = found.rows[0]?.sql;
  if (!definition) throw new Error('the magic_tokens table is missing');
  const check = /("?purpose"?\s+in\s*\()/i;
  if (!check.test(definition)) throw new Error('the magic_tokens table does not have the expected check on purpose');
  const rebuilt = definition.replace(/^create table\s+"?magic_tokens"?/i, 'create table "magic_tokens_rebuilt"').replace(check, `$1'notice', `);
  const indexes = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'index' and tbl_name = 'magic_tokens' and sql is not null`.execute(db);
  await sql.raw(rebuilt).execute(db);
  await sql`insert into magic_tokens_rebuilt select * from magic_tokens`.execute(db);
  await sql`drop table magic_tokens`.execute(db);
  await sql`alter table magic_tokens_rebuilt rename to magic_tokens`.execute(db);
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
}
