import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { migrate } from '../../../src-main/db/migrate';
import { drawnFolderBefore } from '../../support/old-folder';

/**
 * Migration 0007 rebuilds `participants` (the unique key becomes exchange + email + name): every
 * row pointing at a participant must still point at the same person, nothing cascades away, and
 * foreign keys are on again afterwards. A real file at version 6, with a drawn exchange in it.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sk-shared-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function version6() {
  const { file, sqlite } = await drawnFolderBefore(dir, '0007_shared_addresses');
  sqlite.exec(`insert into exclusions (exchange_id, giver_id, receiver_id, kind, created_at) values (1, 1, 3, 'one-way', 1)`);
  return { file, sqlite };
}

describe('migration 0007 (shared addresses)', () => {
  it('keeps every participant, match and rule, with foreign keys on again, and lets two people share an address', async () => {
    const { sqlite } = await version6();
    const report = await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0 });
    expect(report.to).toBe(migrations.length);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.prepare('select id, name, email from participants order by id').all()).toEqual([
      { id: 1, name: 'ann', email: 'ann@example.test' },
      { id: 2, name: 'bob', email: 'bob@example.test' },
      { id: 3, name: 'cy', email: 'cy@example.test' },
    ]);
    expect(sqlite.prepare('select giver_id, receiver_id from matches order by giver_id').all()).toEqual([
      { giver_id: 1, receiver_id: 2 },
      { giver_id: 2, receiver_id: 3 },
      { giver_id: 3, receiver_id: 1 },
    ]);
    expect(sqlite.prepare('select giver_id, receiver_id from exclusions').all()).toEqual([{ giver_id: 1, receiver_id: 3 }]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);

    // Mia shares Ann's address; the same name at the same address is still one person.
    const add = sqlite.prepare("insert into participants (exchange_id, name, email, created_at, updated_at) values (1, ?, 'ann@example.test', 1, 1)");
    expect(() => add.run('mia')).not.toThrow();
    expect(() => add.run('ann')).toThrow(/UNIQUE/);
    // The rebuilt table still cascades: deleting the exchange removes its people and matches.
    sqlite.exec('delete from exchanges where id = 1');
    expect(sqlite.prepare('select count(*) as n from participants').get()).toEqual({ n: 0 });
    expect(sqlite.prepare('select count(*) as n from matches').get()).toEqual({ n: 0 });
    sqlite.close();
  });

  it('refuses a rebuild that would leave rows pointing at nothing: nothing changes, foreign keys on again', async () => {
    const { sqlite } = await version6();
    const careless = { version: 7, name: 'careless', foreignKeysOff: true as const, up: async () => void sqlite.exec('delete from participants where id = 2') };
    await expect(migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0, migrations: [...migrations.slice(0, 6), careless] })).rejects.toThrow(
      /Updating the database failed at step careless \(\d+ rows would point at nothing\)\. Nothing was changed/,
    );
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(6);
    expect(sqlite.prepare('select count(*) as n from participants').get()).toEqual({ n: 3 });
    sqlite.close();
  });
});
