import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, openSqlite, type Db } from '../../../src-main/db/database';
import { commitDeferringSync } from '../../../src-main/db/durable-commit';

/**
 * The relay's commits leave the fsync to the thread pool (bench:mail): the commit must still be a
 * real commit, visible to another connection at once, the connection must go back to FULL for
 * everyone else, and `durable` must settle. Real SQLite files with the production pragmas.
 */
describe('commitDeferringSync', () => {
  let dir: string;
  let file: string;
  let db: Db;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sk-durable-'));
    file = join(dir, 'data.sqlite');
    db = createDb(openSqlite(file));
    db.sqlite.exec('create table notes (id integer primary key, text text not null)');
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = (d: Db) => (d.sqlite.prepare('select count(*) as n from notes').get() as { n: number }).n;

  it('commits at once (another connection sees it), restores FULL and then settles', async () => {
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    const { result, durable } = commitDeferringSync(db, () => db.sqlite.prepare("insert into notes (text) values ('a')").run().changes);
    expect(result).toBe(1);
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    const reader = createDb(openSqlite(file, { readonly: true }));
    try {
      expect(count(reader)).toBe(1);
    } finally {
      reader.close();
    }
    expect(existsSync(`${file}-wal`)).toBe(true);
    await expect(durable).resolves.toBeUndefined();
  });

  it("runs the transaction's after-commit effects with FULL again (their own writes wait for the disk)", () => {
    const seen: unknown[] = [];
    commitDeferringSync(db, () => {
      db.sqlite.prepare("insert into notes (text) values ('a')").run();
      db.afterCommit(() => seen.push(db.sqlite.pragma('synchronous', { simple: true })));
    });
    expect(seen).toEqual([2]);
  });

  it('restores FULL and commits nothing when the work throws', () => {
    expect(() =>
      commitDeferringSync(db, () => {
        db.sqlite.prepare("insert into notes (text) values ('a')").run();
        throw new Error('half-way');
      }),
    ).toThrow('half-way');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(count(db)).toBe(0);
  });

  it('inside a transaction is part of it: rolled back with it', () => {
    expect(() =>
      db.transaction(() => {
        commitDeferringSync(db, () => db.sqlite.prepare("insert into notes (text) values ('a')").run());
        throw new Error('outer fails');
      }),
    ).toThrow('outer fails');
    expect(count(db)).toBe(0);
  });

  it('leaves a connection that is not FULL as it is', async () => {
    db.sqlite.pragma('synchronous = NORMAL');
    const { durable } = commitDeferringSync(db, () => db.sqlite.prepare("insert into notes (text) values ('a')").run());
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(1);
    await expect(durable).resolves.toBeUndefined();
    expect(count(db)).toBe(1);
  });

  it('settles when the database was closed before the sync ran (closing removes the WAL)', async () => {
    const { durable } = commitDeferringSync(db, () => db.sqlite.prepare("insert into notes (text) values ('a')").run());
    db.close();
    await expect(durable).resolves.toBeUndefined();
    db = createDb(openSqlite(file));
    expect(count(db)).toBe(1);
  });
});
