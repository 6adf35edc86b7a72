import { afterEach, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app';

/**
 * Every foreign key has an index that starts with its column. Without one, deleting a person or an
 * exchange scans the whole child table once per deleted row to cascade or null what points at it:
 * a 100-person exchange took 75 ms to purge at 10 000 people (the catch-up's longest block).
 */
let t: TestApp;
afterEach(() => t.close());

it('indexes every foreign key column of the migrated schema', async () => {
  t = await createTestApp();
  const db = t.deps.db.sqlite;
  const tables = (db.prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%'").all() as Array<{ name: string }>).map((r) => r.name);
  const missing: string[] = [];
  let checked = 0;
  for (const table of tables) {
    const leading = new Set(
      (db.prepare('select name from pragma_index_list(?)').all(table) as Array<{ name: string }>).map(
        (index) => (db.prepare('select name from pragma_index_info(?) order by seqno limit 1').get(index.name) as { name: string } | undefined)?.name,
      ),
    );
    const primary = (db.prepare('select name from pragma_table_info(?) where pk = 1').get(table) as { name: string } | undefined)?.name;
    for (const fk of db.prepare('select "from", "table" from pragma_foreign_key_list(?)').all(table) as Array<{ from: string; table: string }>) {
      checked++;
      if (!leading.has(fk.from) && primary !== fk.from) missing.push(`${table}.${fk.from} -> ${fk.table}`);
    }
  }
  expect(checked).toBeGreaterThan(20);
  expect(missing).toEqual([]);
});
