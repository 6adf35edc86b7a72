import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/migrate';
import { drawnFolderBefore } from '../../support/old-folder';

/**
 * Migration 0010 (several giftees each) adds exchanges.gifts_per_person and rebuilds `matches` with
 * a round per pair. A real file just before it, with a drawn exchange of three.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sk-giftees-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const before0010 = async () => (await drawnFolderBefore(dir, '0010_several_giftees')).sqlite;

describe('migration 0010 (several giftees each)', () => {
  it('keeps every drawn pair as round 0, defaults exchanges to one giftee, and guards the new keys', async () => {
    const sqlite = await before0010();
    await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0 });
    expect(sqlite.prepare('select gifts_per_person from exchanges').all()).toEqual([{ gifts_per_person: 1 }]);
    expect(sqlite.prepare('select giver_id, receiver_id, slot from matches order by giver_id').all()).toEqual([
      { giver_id: 1, receiver_id: 2, slot: 0 },
      { giver_id: 2, receiver_id: 3, slot: 0 },
      { giver_id: 3, receiver_id: 1, slot: 0 },
    ]);
    const add = sqlite.prepare('insert into matches (exchange_id, giver_id, receiver_id, slot, created_at) values (1, ?, ?, ?, 1)');
    // Round 1 of a two-giftee draw fits next to round 0; the same pair twice, a giver twice in a
    // round, a fourth round or a gift to oneself do not.
    expect(() => add.run(1, 3, 1)).not.toThrow();
    expect(() => add.run(1, 2, 2)).toThrow(/UNIQUE/);
    expect(() => add.run(2, 1, 0)).toThrow(/UNIQUE/);
    expect(() => add.run(2, 1, 3)).toThrow(/CHECK/);
    expect(() => add.run(2, 2, 1)).toThrow(/CHECK/);
    expect(() => sqlite.exec('update exchanges set gifts_per_person = 4')).toThrow(/CHECK/);
    // The indexes on giver and receiver are back.
    expect(sqlite.prepare("select name from sqlite_schema where type = 'index' and tbl_name = 'matches' and sql is not null order by name").all()).toEqual([
      { name: 'matches_giver_id' },
      { name: 'matches_receiver_id' },
    ]);
    // Still cascades with the exchange.
    sqlite.exec('delete from exchanges where id = 1');
    expect(sqlite.prepare('select count(*) as n from matches').get()).toEqual({ n: 0 });
    sqlite.close();
  });

  it('keeps a column another migration added to matches before it, with its values', async () => {
    const sqlite = await before0010();
    sqlite.exec('alter table matches add column handed_over_at integer');
    sqlite.exec('update matches set handed_over_at = 42 where giver_id = 2');
    await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0 });
    expect(sqlite.prepare('select giver_id, handed_over_at, slot from matches order by giver_id').all()).toEqual([
      { giver_id: 1, handed_over_at: null, slot: 0 },
      { giver_id: 2, handed_over_at: 42, slot: 0 },
      { giver_id: 3, handed_over_at: null, slot: 0 },
    ]);
    sqlite.close();
  });
});
