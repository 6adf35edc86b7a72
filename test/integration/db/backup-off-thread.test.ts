import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupFileName } from '../../../src-main/db/backup';
import { createBackup, listBackups } from '../../../src-main/services/organizer/backups';
import { silentLogger } from '../../../src-main/log';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

/**
 * Backups are copied by a worker thread with its own read-only connection (SQLite's final sync of
 * a big file would otherwise hold the event loop: bench:scale's catch-up row). What a user relies
 * on: the file is a whole, readable database of what was committed, even while the app writes.
 */
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.app.stop(1_000);
  t.close();
});

describe('a backup', () => {
  it('is a whole database of what was committed, copied without the main connection, while the app goes on writing', async () => {
    const { id } = await t.ok('exchanges.create', exchangeInput({ name: 'Before the backup' }));
    for (let i = 0; i < 50; i++) await t.ok('participants.add', { exchangeId: id, name: `Person ${i}`, email: `p${i}@example.com` });
    const mainCopies = vi.spyOn(t.deps.db.sqlite, 'backup');

    const backingUp = createBackup(t.deps, 'manual');
    // Writes while the worker copies: they land in the live database, never half in the file.
    const later = await t.ok('exchanges.create', exchangeInput({ name: 'During the backup' }));
    for (let i = 0; i < 20; i++) await t.ok('participants.add', { exchangeId: later.id, name: `Late ${i}`, email: `late${i}@example.com` });
    const file = await backingUp;

    expect(mainCopies).not.toHaveBeenCalled();
    expect(file.reason).toBe('manual');
    const copy = new Database(file.path, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const names = (copy.prepare('select name from exchanges order by id').all() as Array<{ name: string }>).map((r) => r.name);
      expect(names[0]).toBe('Before the backup');
      expect((copy.prepare('select count(*) as n from participants where exchange_id = ?').get(id) as { n: number }).n).toBe(50);
    } finally {
      copy.close();
    }
    // The live database has everything.
    expect(await t.ok('participants.list', { exchangeId: later.id })).toHaveLength(20);
  });

  it('that cannot be written says why, and the app keeps its data and its other backups', async () => {
    const first = await createBackup(t.deps, 'manual');
    t.clock.advance(60_000);
    // Something else already holds the next backup's name (a folder): the worker cannot write there.
    const blocked = join(t.deps.paths.backupDir, backupFileName('manual', t.clock.now()));
    mkdirSync(blocked);
    await expect(createBackup(t.deps, 'manual')).rejects.toMatchObject({ code: 'unavailable', text: { key: 'error.backup.notWritten' } });
    expect(existsSync(blocked)).toBe(true);
    expect(listBackups(t.deps).map((b) => b.name)).toContain(first.name);
    expect(await t.ok('exchanges.list', {})).toEqual([]);
  });

  it('is still made, on the main thread, when the worker cannot open the database (the desktop build passes its own SQLite binding)', async () => {
    const warnings: string[] = [];
    await t.app.stop(1_000);
    t.close();
    t = await createTestApp({ log: { ...silentLogger, warn: (message) => warnings.push(message) } });
    await t.ok('exchanges.create', exchangeInput({ name: 'Kept anyway' }));
    (t.deps.paths as { sqliteBinding?: string }).sqliteBinding = join(t.dir, 'no-such-binding.node');

    const file = await createBackup(t.deps, 'manual');

    expect(warnings).toContain('backing up on the main thread: the backup worker could not');
    const copy = new Database(file.path, { readonly: true });
    try {
      expect((copy.prepare('select name from exchanges').all() as Array<{ name: string }>).map((r) => r.name)).toEqual(['Kept anyway']);
    } finally {
      copy.close();
    }
  });

  it("opens its own connection with the app's SQLite binding when the app was given one", async () => {
    const warnings: string[] = [];
    await t.app.stop(1_000);
    t.close();
    t = await createTestApp({ log: { ...silentLogger, warn: (message) => warnings.push(message) } });
    (t.deps.paths as { sqliteBinding?: string }).sqliteBinding = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
    const mainCopies = vi.spyOn(t.deps.db.sqlite, 'backup');
    await t.ok('exchanges.create', exchangeInput({ name: 'Bound' }));
    expect((await createBackup(t.deps, 'manual')).sizeBytes).toBeGreaterThan(0);
    expect(mainCopies).not.toHaveBeenCalled();
    expect(warnings).toEqual([]);
  });
});
