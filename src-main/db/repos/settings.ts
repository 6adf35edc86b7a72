import type { Db } from '../database';

/** Settings are JSON values under fixed keys; the settings service validates what it reads. */
export function readSettings(db: Db): Map<string, unknown> {
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
  const json = JSON.stringify(value);
  db.run(
    db.q
      .insertInto('settings')
      .values({ key, value: json, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now })),
  );
}

/** One setting's stored JSON value (undefined when unset or unreadable); cheap for hot paths. */
export function readSetting(db: Db, key: string): unknown {
  const row = db.first(db.q.selectFrom('settings').select('value').where('key', '=', key));
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}
