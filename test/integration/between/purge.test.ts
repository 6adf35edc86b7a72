import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getParticipant } from '../../../src-main/db/repos/participants';
import { saveAddress } from '../../../src-main/services/between/address';
import { readThreads, sendMessage } from '../../../src-main/services/between/messages';
import { dataFolder, drawnExchange, nextSeed, type DrawnExchange } from '../../support/jobs-fixtures';
import { createTestApp, type TestApp } from '../../support/test-app';

/**
 * Messages between Santas and giftees, and private addresses, go with the exchange: after the
 * purge, the raw bytes of the database, its WAL and every backup hold none of them.
 */
let folder: ReturnType<typeof dataFolder>;
let t: TestApp;
afterEach(() => {
  t.close();
  folder.remove();
});

function files(): string[] {
  const db = join(folder.dir, 'sneaky-klaus.sqlite3');
  const backups = join(folder.dir, 'backups');
  const backupFiles = existsSync(backups) ? readdirSync(backups).map((name) => join(backups, name)) : [];
  return [db, `${db}-wal`, ...backupFiles].filter((file) => existsSync(file));
}

function occurrences(needles: string[]): string[] {
  const found: string[] = [];
  for (const file of files()) {
    const bytes = readFileSync(file);
    for (const needle of needles) if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push(`${file.slice(folder.dir.length)}: ${needle}`);
  }
  return found;
}

/** Each Santa asks their giftee, each giftee answers, each person gives an address; returns the texts. */
function talk(x: DrawnExchange, tag: string): string[] {
  const texts: string[] = [];
  for (const [giver, receiver] of x.receiverOf) {
    const question = `${tag}-question-${giver} what colour?`;
    const answer = `${tag}-answer-${receiver} green please`;
    sendMessage(t.deps, getParticipant(t.deps.db, giver), `giftee:${receiver}`, question);
    const santaThread = readThreads(t.deps, getParticipant(t.deps.db, receiver)).find((th) => th.side === 'santa')!;
    sendMessage(t.deps, getParticipant(t.deps.db, receiver), santaThread.ref, answer);
    const address = `${tag}-street ${receiver}, 12345 Hometown`;
    saveAddress(t.deps, getParticipant(t.deps.db, receiver), address, true);
    texts.push(question, answer, address);
  }
  return texts;
}

describe('the purge takes the messages and addresses with the exchange', () => {
  it('leaves 0 bytes of them in the database, WAL and backups; the other exchange keeps its own', async () => {
    folder = dataFolder();
    t = await createTestApp({ dir: folder.dir, start: '2026-12-01T09:00:00Z', seed: nextSeed() });
    await t.ok('settings.update', { organizer: { name: 'Olga', email: 'olga@jobs-test.example' } });
    await t.app.jobs.runDue();
    const gone = await drawnExchange(t, { n: 5, exchangeAt: '2026-12-24T18:00', timezone: 'Europe/Berlin', tag: 'Vrillmoth' });
    const kept = await drawnExchange(t, { n: 3, exchangeAt: '2027-02-20T18:00', timezone: 'Europe/Berlin', tag: 'Sadoqua' });
    const goneTexts = talk(gone, 'Vrillmoth');
    const keptTexts = talk(kept, 'Sadoqua');
    expect(t.deps.db.sqlite.prepare('select count(*) n from messages').get()).toEqual({ n: 16 });

    for (const when of ['2026-12-17T17:00:00Z', '2026-12-25T02:00:00Z', '2027-01-02T02:00:00Z', '2027-01-17T02:00:00Z']) {
      t.clock.set(when);
      await t.app.jobs.runDue();
    }
    t.deps.db.sqlite.pragma('wal_checkpoint(PASSIVE)');
    // The search works: before the purge the texts are in the database and in the backups.
    const before = occurrences(goneTexts);
    expect(before.some((hit) => hit.startsWith('/sneaky-klaus.sqlite3:'))).toBe(true);
    expect(before.some((hit) => hit.startsWith('/backups/'))).toBe(true);

    t.clock.set('2027-01-24T02:00:00Z');
    const runs = await t.app.jobs.runDue();
    expect(runs.find((r) => r.job === 'data-purge')).toMatchObject({ outcome: 'ok', counts: { purged: 1 } });
    t.clock.set('2027-01-24T03:00:00Z');
    await t.app.jobs.runDue();

    expect(occurrences(goneTexts)).toEqual([]);
    expect(occurrences(keptTexts).some((hit) => hit.startsWith('/sneaky-klaus.sqlite3'))).toBe(true);
    const count = (sql: string) => (t.deps.db.sqlite.prepare(sql).get() as { n: number }).n;
    expect(count('select count(*) n from conversations')).toBe(3);
    expect(count('select count(*) n from messages')).toBe(6);
    expect(count('select count(*) n from private_addresses')).toBe(3);
  });
});
