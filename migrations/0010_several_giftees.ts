// Frozen: once released, never edit this file; add a new migration instead.
import { sql, type Kysely } from 'kysely';

/**
 * Several giftees each (1, 2 or 3 per person). The exchange gets `gifts_per_person`; `matches`
 * gets `slot`, the round of the pair (0..k-1; every round is a one-giftee draw, and in single-loop
 * mode round j is loop j), and its keys change: (exchange, giver) and (exchange, receiver) are unique
 * per round, and a pair is never drawn twice. SQLite cannot change a primary key, so `matches` is
 * rebuilt (nothing points at it, so foreign keys can stay on). Existing draws become round 0.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table exchanges add column gifts_per_person integer not null default 1 check (gifts_per_person in (1, 2, 3))`.execute(db);
  const indexes = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'index' and tbl_name = 'matches' and sql is not null`.execute(db);
  await sql`
    create table matches_rebuilt (
      exchange_id integer not null references exchanges (id) on delete cascade,
      giver_id integer not null references participants (id) on delete cascade,
      receiver_id integer not null references participants (id) on delete cascade,
      slot integer not null default 0 check (slot between 0 and 2),
      created_at integer not null,
      constraint matches_pk primary key (exchange_id, giver_id, slot),
      constraint matches_receiver unique (exchange_id, receiver_id, slot),
      constraint matches_pair unique (exchange_id, giver_id, receiver_id),
      constraint matches_not_self check (giver_id <> receiver_id)
    ) strict`.execute(db);
  await sql`insert into matches_rebuilt (exchange_id, giver_id, receiver_id, slot, created_at) select exchange_id, giver_id, receiver_id, 0, created_at from matches`.execute(db);
  await sql`drop table matches`.execute(db);
  await sql`alter table matches_rebuilt rename to matches`.execute(db);
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
}
