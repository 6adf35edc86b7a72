import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { openSqlite } from '../../../src-main/db/database';
import { migrate } from '../../../src-main/db/migrate';

/**
 * Migration 0011 (languages) gives every exchange a language (English for those made before it:
 * they spoke English) and every participant an optional one (null: the exchange's). A real file
 * just before it, with two exchanges and their people.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sk-languages-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const position = migrations.findIndex((m) => m.name === '0011_languages');

async function before0011() {
  expect(position).toBeGreaterThan(0);
  const sqlite = openSqlite(join(dir, 'sneaky-klaus.sqlite3'));
  await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0, migrations: migrations.slice(0, position) });
  const exchange = sqlite.prepare(`insert into exchanges (id, name, exchange_at, timezone, invite_code, state, history_key, created_at, updated_at)
                                   values (?, ?, 1, 'Europe/Berlin', ?, ?, ?, 1, 1)`);
  exchange.run(1, 'Family', 'code-1', 'registration_open', 'k1');
  exchange.run(2, 'Office', 'code-2', 'draft', 'k2');
  const person = sqlite.prepare('insert into participants (id, exchange_id, name, email, created_at, updated_at) values (?, ?, ?, ?, 1, 1)');
  person.run(1, 1, 'Ann', 'ann@example.test');
  person.run(2, 1, 'Bob', 'bob@example.test');
  person.run(3, 2, 'Cy', '');
  return sqlite;
}

describe('migration 0011 (languages)', () => {
  it('makes every existing exchange English and leaves participants to their exchange', async () => {
    const sqlite = await before0011();
    await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0 });
    expect(sqlite.prepare('select id, locale from exchanges order by id').all()).toEqual([
      { id: 1, locale: 'en' },
      { id: 2, locale: 'en' },
    ]);
    expect(sqlite.prepare('select id, locale from participants order by id').all()).toEqual([
      { id: 1, locale: null },
      { id: 2, locale: null },
      { id: 3, locale: null },
    ]);
    sqlite.close();
  });

  it('stores languages as codes without a CHECK: a new language needs no migration', async () => {
    const sqlite = await before0011();
    await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0 });
    for (const locale of ['en', 'de', 'fr', 'es', 'it']) {
      expect(() => sqlite.prepare('update exchanges set locale = ? where id = 1').run(locale)).not.toThrow();
      expect(() => sqlite.prepare('update participants set locale = ? where id = 1').run(locale)).not.toThrow();
    }
    expect(() => sqlite.exec('update participants set locale = null where id = 1')).not.toThrow();
    expect(() => sqlite.exec('update exchanges set locale = null where id = 1')).toThrow(/NOT NULL/);
    // A new exchange written without a language is English.
    sqlite.exec(`insert into exchanges (id, name, exchange_at, timezone, invite_code, state, history_key, created_at, updated_at)
                 values (3, 'New', 1, 'UTC', 'code-3', 'draft', 'k3', 1, 1)`);
    expect(sqlite.prepare('select locale from exchanges where id = 3').get()).toEqual({ locale: 'en' });
    sqlite.close();
  });
});
