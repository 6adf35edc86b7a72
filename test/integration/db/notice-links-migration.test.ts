import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { openSqlite } from '../../../src-main/db/database';
import { migrate } from '../../../src-main/db/migrate';

/**
 * Migration 0012 rebuilds `magic_tokens` to allow `notice` links (new-message notices and the
 * Santa reveal): the links people already hold must keep working, and nonsense stays refused.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sk-notice-links-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const position = migrations.findIndex((m) => m.name === '0012_notice_links');

describe('migration 0012 (notice links)', () => {
  it('keeps the tokens people hold, allows notice links, and still cascades with the participant', async () => {
    expect(position).toBeGreaterThan(0);
    const sqlite = openSqlite(join(dir, 'sneaky-klaus.sqlite3'));
    await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0, migrations: migrations.slice(0, position) });
    sqlite.exec(`insert into exchanges (id, name, exchange_at, timezone, invite_code, state, history_key, created_at, updated_at)
                 values (1, 'Family', 1, 'Europe/Berlin', 'code', 'matched', 'k', 1, 1)`);
    sqlite.exec(`insert into participants (id, exchange_id, name, email, created_at, updated_at) values (1, 1, 'ann', 'ann@example.test', 1, 1)`);
    sqlite.exec(
      `insert into magic_tokens (token_hash, participant_id, purpose, created_at, expires_at, used_at) values ('h1', 1, 'match', 1, 2, null), ('h2', 1, 'card', 1, 2, 1)`,
    );

    await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0 });
    expect(sqlite.prepare('select token_hash, purpose, used_at from magic_tokens order by id').all()).toEqual([
      { token_hash: 'h1', purpose: 'match', used_at: null },
      { token_hash: 'h2', purpose: 'card', used_at: 1 },
    ]);
    const token = sqlite.prepare(`insert into magic_tokens (token_hash, participant_id, purpose, created_at, expires_at) values (?, 1, ?, 1, 2)`);
    expect(() => token.run('h3', 'notice')).not.toThrow();
    expect(() => token.run('h4', 'anything')).toThrow(/CHECK/);
    expect(sqlite.prepare("select count(*) as n from sqlite_schema where type = 'index' and tbl_name = 'magic_tokens' and sql is not null").get()).toEqual({ n: 1 });
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.exec('delete from participants where id = 1');
    expect(sqlite.prepare('select count(*) as n from magic_tokens').get()).toEqual({ n: 0 });
    sqlite.close();
  });
});
