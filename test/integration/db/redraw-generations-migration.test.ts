import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/migrate';
import { drawnFolderBefore } from '../../support/old-folder';

/**
 * Migration 0013 (a re-draw written beside the draw that counts) gives `matches` a draw number in
 * its keys and the exchange the number that counts. A real file just before it, with a drawn
 * exchange of three and its match emails waiting.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sk-draws-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const before0013 = async () => (await drawnFolderBefore(dir, '0013_redraw_generations')).sqlite;

describe('migration 0013 (a re-draw beside the draw that counts)', () => {
  it('keeps every drawn pair as draw 0, which counts, and guards the keys per draw', async () => {
    const sqlite = await before0013();
    await migrate(sqlite, { backupDir: join(dir, 'backups'), now: 0 });
    expect(sqlite.prepare('select match_draw from exchanges').all()).toEqual([{ match_draw: 0 }]);
    expect(sqlite.prepare('select giver_id, receiver_id, slot, draw from matches order by giver_id').all()).toEqual([
      { giver_id: 1, receiver_id: 2, slot: 0, draw: 0 },
      { giver_id: 2, receiver_id: 3, slot: 0, draw: 0 },
      { giver_id: 3, receiver_id: 1, slot: 0, draw: 0 },
    ]);
    // The next draw may hold the same giver, round and receiver beside it; the same draw may not.
    const insert = sqlite.prepare('insert into matches (exchange_id, giver_id, receiver_id, slot, draw, created_at) values (1, ?, ?, 0, ?, 1)');
    insert.run(1, 2, 1);
    expect(() => insert.run(1, 3, 1)).toThrow(/UNIQUE/);
    expect(() => insert.run(3, 2, 1)).toThrow(/UNIQUE/);
    expect(() => insert.run(1, 1, 1)).toThrow(/CHECK/);
    // Who was told is read from the index alone.
    const plan = sqlite
      .prepare(
        "explain query plan select participant_id, max(status = 'sent') from email_outbox where exchange_id = 1 and kind in ('match', 'assignment-changed') group by participant_id",
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX email_outbox_match_state/);
    expect(sqlite.prepare("select count(*) n from sqlite_schema where name = 'pair_history_hidden'").get()).toEqual({ n: 1 });
    sqlite.close();
  });
});
