import type { Db } from '../database';

/**
 * Parsed settings per database, read on almost every request. Cleared by every write; never
 * filled inside a transaction, so a rolled-back write cannot leave a stale copy behind.
 */
const cache = new WeakMap<Db, Map<string, unknown>>();

/** Settings are JSON values under fixed keys; the settings service validates what it reads. */
export function readSettings(db: Db): Map<string, unknown> {
  const cached = cache.get(db);
  if (cached) return cached;
  const out = loadSettings(db);
  if (!db.sqlite.inTransaction) cache.set(db, out);
  return out;
}

function loadSettings(db: Db): Map<string, unknown> {
  const rows = db.all(db.q.selectFrom('settings').select(['key', 'value']));
  const out = new Map<string, unknown>();
  for (const row of rows) {
    try {
      out.set(row.key, JSON.parse(row.value));
    } catch {
      // A hand-edited, unreadable value falls back to its default.
    }
  }
  return out;
}

export function writeSetting(db: Db, key: string, value: unknown, now: number): void {
  cache.delete(db);
  const json = JSON.stringify(value);
  db.run(
    db.q
      .insertInto('settings')
      .values({ key, value: json, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now })),
  );
}

/** One setting's stored JSON value (undefined when unset or unreadable). */
export function readSetting(db: Db, key: string): unknown {
  return readSettings(db).get(key);
}
