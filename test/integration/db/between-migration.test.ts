import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { openSqlite } from '../../../src-main/db/database';
import { migrate } from '../../../src-main/db/migrate';
import { createTestApp } from '../../support/test-app';

/** Migration 0009 (between a Santa and their giftee): earlier exchanges keep working, never revealing a Santa. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sk-between-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0009', () => {
  it('gives an existing drawn exchange "never" and no email, and its people no address and no conversation', async () => {
    const sqlite = openSqlite(join(dir, 'sneaky-klaus.sqlite3'));
    const before = migrations.findIndex((m) => m.name === '0009_between_santa_and_giftee');
    await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0, migrations: migrations.slice(0, before) });
    sqlite.exec(`insert into exchanges (name, exchange_at, timezone, invite_code, state, avoid_past_exchanges, history_key, drawn_at, created_at, updated_at)
                 values ('Old', ${Date.parse('2026-11-02T17:00:00Z')}, 'Europe/Berlin', 'code-old', 'matched', 0, 'k', 1, 1, 1)`);
    const person = sqlite.prepare(
      'insert into participants (exchange_id, name, email, gift_ideas, reminders_enabled, is_organizer, created_at, updated_at) values (1, ?, ?, ?, 1, 0, 1, 1)',
    );
    person.run('Ann', 'ann@example.com', '');
    person.run('Bob', 'bob@example.com', '');
    sqlite.exec('insert into matches (exchange_id, giver_id, receiver_id, created_at) values (1, 1, 2, 1), (1, 2, 1, 1)');
    sqlite.close();

    // A day after the party: with "never", nobody's Santa is named.
    const t = await createTestApp({ dir, start: '2026-11-03T09:00:00Z' });
    expect(await t.ok('exchanges.get', { exchangeId: 1 })).toMatchObject({ santaReveal: 'never', santaRevealEmail: false, santasRevealedAt: null });
    expect((await t.ok('participants.list', { exchangeId: 1 })).map((p) => p.addressGiven)).toEqual([false, false]);
    expect(t.deps.db.sqlite.prepare('select count(*) n from conversations').get()).toEqual({ n: 0 });
    t.close();
  });
});
