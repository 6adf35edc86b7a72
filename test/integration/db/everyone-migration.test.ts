import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { openSqlite } from '../../../src-main/db/database';
import { migrate } from '../../../src-main/db/migrate';

/**
 * Migration 0008 (people without email, cards, the table draw) rebuilds `organizer_access` and
 * `magic_tokens` to allow new values: their rows must survive as they were, the old checks must
 * still refuse nonsense, and everyone already there learns their giftee by email.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sk-everyone-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0008 (everyone takes part)', () => {
  it('keeps tokens and access records, allows card and hand-over links and printed cards, and sets everyone to email', async () => {
    const file = join(dir, 'sneaky-klaus.sqlite3');
    const sqlite = openSqlite(file);
    await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0, migrations: migrations.slice(0, 7) });
    sqlite.exec(`insert into exchanges (id, name, exchange_at, timezone, invite_code, state, history_key, created_at, updated_at)
                 values (1, 'Family', 1, 'Europe/Berlin', 'code', 'matched', 'k', 1, 1)`);
    sqlite.exec(`insert into participants (id, exchange_id, name, email, created_at, updated_at) values (1, 1, 'ann', 'ann@example.test', 1, 1)`);
    sqlite.exec(`insert into magic_tokens (token_hash, participant_id, purpose, created_at, expires_at) values ('h1', 1, 'login', 1, 2)`);
    sqlite.exec(`insert into organizer_access (exchange_id, participant_id, action, created_at) values (1, 1, 'reveal', 5)`);

    await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0 });
    expect(sqlite.prepare('select delivery, delivered_by from participants').all()).toEqual([{ delivery: 'email', delivered_by: null }]);
    expect(sqlite.prepare('select token_hash, purpose from magic_tokens').all()).toEqual([{ token_hash: 'h1', purpose: 'login' }]);
    expect(sqlite.prepare('select action, created_at from organizer_access').all()).toEqual([{ action: 'reveal', created_at: 5 }]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);

    const token = sqlite.prepare(`insert into magic_tokens (token_hash, participant_id, purpose, created_at, expires_at) values (?, 1, ?, 1, 2)`);
    expect(() => token.run('h2', 'card')).not.toThrow();
    expect(() => token.run('h3', 'handover')).not.toThrow();
    expect(() => token.run('h4', 'anything')).toThrow(/CHECK/);
    const access = sqlite.prepare(`insert into organizer_access (exchange_id, participant_id, action, created_at) values (1, 1, ?, 6)`);
    expect(() => access.run('printed-card')).not.toThrow();
    expect(() => access.run('anything')).toThrow(/CHECK/);
    expect(() => sqlite.exec(`update participants set delivery = 'pigeon'`)).toThrow(/CHECK/);
    // The rebuilt tables still cascade with the participant.
    sqlite.exec('delete from participants where id = 1');
    expect(sqlite.prepare('select count(*) as n from magic_tokens').get()).toEqual({ n: 0 });
    expect(sqlite.prepare('select count(*) as n from organizer_access where participant_id is not null').get()).toEqual({ n: 0 });
    sqlite.close();
  });
});
