/**
 * Deleting people scrubs at once (secure_delete, WAL truncated: see purge-privacy) but compacts the
 * file only when the jobs stop (quitting), never in the catch-up at launch.
 */
import { afterEach, expect, it } from 'vitest';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

let t: TestApp;
afterEach(() => t?.close());

it('a deletion leaves free pages and asks for compaction; stopping the jobs compacts the file once', async () => {
  t = await createTestApp();
  const { id: exchangeId } = await t.ok('exchanges.create', exchangeInput());
  const csv = ['name,email,gift ideas', ...Array.from({ length: 400 }, (_, i) => `Person ${i},p${i}@example.com,${'socks '.repeat(40)}`)].join('\n');
  await t.ok('participants.import', { exchangeId, csv, dryRun: false });
  const pragma = (name: string) => t.deps.db.sqlite.pragma(name, { simple: true }) as number;
  const wanted = () => t.deps.db.sqlite.prepare("select count(*) n from job_state where job_key = 'compact-database'").get() as { n: number };

  await t.ok('exchanges.delete', { exchangeId });
  expect(pragma('freelist_count')).toBeGreaterThan(0);
  expect(wanted()).toEqual({ n: 1 });

  await t.app.jobs.stop();
  expect(pragma('freelist_count')).toBe(0);
  expect(wanted()).toEqual({ n: 0 });
  // Nothing to do the next time.
  const pages = pragma('page_count');
  await t.app.jobs.stop();
  expect(pragma('page_count')).toBe(pages);
});
