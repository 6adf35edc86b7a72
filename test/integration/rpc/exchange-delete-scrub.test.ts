import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

/**
 * Issue #13: deleting an exchange by hand must leave no trace of its people in any file the app
 * keeps (database, WAL, backups), as the scheduled purge already guarantees.
 */
let t: TestApp;
afterEach(() => t.close());

/** Every needle found in the raw bytes of the database, its WAL or a backup, with the file. */
function traces(needles: string[]): string[] {
  const db = t.deps.paths.databaseFile;
  const backups = existsSync(t.deps.paths.backupDir) ? readdirSync(t.deps.paths.backupDir).map((n) => join(t.deps.paths.backupDir, n)) : [];
  const found: string[] = [];
  for (const file of [db, `${db}-wal`, ...backups].filter((f) => existsSync(f))) {
    const bytes = readFileSync(file);
    for (const needle of needles) if (bytes.includes(Buffer.from(needle))) found.push(`${file.slice(t.dir.length)}: ${needle}`);
  }
  return found;
}

describe('exchanges.delete', () => {
  it('scrubs the WAL and the backups like the purge; other exchanges stay', async () => {
    t = await createTestApp();
    const gone = (await t.ok('exchanges.create', exchangeInput({ name: 'Zorblax party' }))).id;
    const kept = (await t.ok('exchanges.create', exchangeInput({ name: 'Quillfeather party' }))).id;
    const secrets = ['Xanthippe Vormund', 'xanthippe@vormund.example', 'Ideas of Xanthippe: a kazoo'];
    await t.ok('participants.add', { exchangeId: gone, name: secrets[0]!, email: secrets[1]!, giftIdeas: secrets[2]! });
    await t.ok('participants.add', { exchangeId: kept, name: 'Keeper Person', email: 'keeper@example.com' });
    await t.ok('backups.create', {});
    expect(traces(secrets).length).toBeGreaterThan(0);

    await t.ok('exchanges.transition', { exchangeId: gone, action: 'cancel' });
    t.clock.advance(1000);
    expect(await t.ok('exchanges.delete', { exchangeId: gone })).toEqual({ done: true });

    expect(traces(secrets)).toEqual([]);
    expect(traces(['Keeper Person']).some((hit) => hit.includes('backups'))).toBe(true);
    expect((await t.ok('backups.list', {})).map((b) => b.reason)).toEqual(['after-purge']);
    expect((await t.ok('participants.list', { exchangeId: kept })).map((p) => p.name)).toEqual(['Keeper Person']);
  });
});
