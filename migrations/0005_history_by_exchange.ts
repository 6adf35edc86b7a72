// Frozen: once released, never edit this file; add a new migration instead.
import { sql, type Kysely } from 'kysely';

/**
 * "Earlier exchanges" means earlier exchanges of this organizer, not earlier calendar years.
 *
 * - `exchanges.avoid_history_years` becomes `avoid_past_exchanges`, keeping its value: most
 *   organizers run one exchange a year, so "the last N years" was meant as "the last N exchanges".
 * - `exchanges.draw_method` records how the draw was sampled (null until drawn).
 * - `exchanges.history_key` is a random key made once per exchange; its pair-history rows carry a
 *   keyed hash of it. Not the id: SQLite may give a purged exchange's id to the next new one.
 * - `pair_history` rows say which exchange they came from (`exchange_key`, an opaque keyed hash,
 *   never a name) and when it took place (`exchange_at`), so the last N exchanges can be found
 *   after an exchange is purged. Two exchanges of one year may now hold the same pair, so the
 *   unique key changes and the table is rebuilt (SQLite cannot drop a constraint).
 *   Rows from before this migration know only their year: each year becomes one past exchange
 *   keyed `year:<year>`, placed at the very end of that year so that, as before, it counts only
 *   for exchanges of later years (an exchange drawn before the migration never avoids itself).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table exchanges rename column avoid_history_years to avoid_past_exchanges`.execute(db);
  await db.schema.alterTable('exchanges').addColumn('draw_method', 'text').execute();
  // SQLite adds a NOT NULL column only with a constant default; each exchange then gets its own key.
  await db.schema.alterTable('exchanges').addColumn('history_key', 'text', (c) => c.notNull().defaultTo('')).execute();
  await sql`update exchanges set history_key = lower(hex(randomblob(16)))`.execute(db);

  await db.schema
    .createTable('pair_history_by_exchange')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('giver_hash', 'text', (c) => c.notNull())
    .addColumn('receiver_hash', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('exchange_key', 'text', (c) => c.notNull())
    .addColumn('exchange_at', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('pair_history_exchange_unique', ['exchange_key', 'giver_hash', 'receiver_hash'])
    .modifyEnd(sql`strict`)
    .execute();
  await sql`
    insert into pair_history_by_exchange (id, giver_hash, receiver_hash, year, exchange_key, exchange_at, created_at)
    select id, giver_hash, receiver_hash, year, 'year:' || year,
           cast(strftime('%s', printf('%04d-01-01', year + 1)) as integer) * 1000 - 1, created_at
    from pair_history`.execute(db);
  await db.schema.dropTable('pair_history').execute();
  await sql`alter table pair_history_by_exchange rename to pair_history`.execute(db);
  await db.schema.createIndex('pair_history_giver').on('pair_history').columns(['giver_hash']).execute();
}
