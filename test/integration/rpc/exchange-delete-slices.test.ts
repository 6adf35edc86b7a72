import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/log';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';
import { duringTurns } from '../../support/turns';

/**
 * Deleting a big exchange runs in slices (services/jobs/purge.ts `deleteExchangeInSlices`): the
 * pages and screens keep being answered meanwhile, and a deletion a crash cut short is finished
 * by the next jobs pass, not left half done.
 */
let t: TestApp;
afterEach(async () => {
  await t.app.stop(1_000);
  t.close();
});

const csv = (n: number, prefix: string) => ['name,email', ...Array.from({ length: n }, (_, i) => `${prefix} ${i},${prefix.toLowerCase()}${i}@example.com`)].join('\n');
const rows = (table: string, exchangeId: number) => (t.deps.db.sqlite.prepare(`select count(*) as n from ${table} where exchange_id = ?`).get(exchangeId) as { n: number }).n;

describe('deleting a big exchange', () => {
  it('lets the event loop turn between slices, and leaves no row of it; the other exchange stays whole', async () => {
    t = await createTestApp();
    const big = (await t.ok('exchanges.create', exchangeInput({ name: 'Big party' }))).id;
    const kept = (await t.ok('exchanges.create', exchangeInput({ name: 'Small party' }))).id;
    await t.ok('participants.import', { exchangeId: big, csv: csv(600, 'Guest'), dryRun: false });
    await t.ok('participants.import', { exchangeId: kept, csv: csv(3, 'Keeper'), dryRun: false });
    await t.ok('exchanges.transition', { exchangeId: big, action: 'open' });
    await t.ok('exchanges.transition', { exchangeId: big, action: 'close' });
    await t.ok('exchanges.draw', { exchangeId: big });
    await t.ok('exchanges.transition', { exchangeId: big, action: 'cancel' });
    expect(rows('email_outbox', big)).toBeGreaterThanOrEqual(600);

    const { turns } = await duringTurns(() => t.ok('exchanges.delete', { exchangeId: big }));

    // 600 people in slices of 100 and their 600 match emails in slices of 200: ten turns at least.
    expect(turns).toBeGreaterThanOrEqual(10);
    for (const table of ['participants', 'email_outbox', 'matches', 'job_state']) expect(rows(table, big)).toBe(0);
    expect((await t.ok('exchanges.list', {})).map((e) => e.name)).toEqual(['Small party']);
    expect(await t.ok('participants.list', { exchangeId: kept })).toHaveLength(3);
  });

  it('that a crash cut short is finished by the next jobs pass', async () => {
    t = await createTestApp();
    const big = (await t.ok('exchanges.create', exchangeInput({ name: 'Half-deleted party' }))).id;
    await t.ok('participants.import', { exchangeId: big, csv: csv(250, 'Guest'), dryRun: false });
    await t.ok('exchanges.transition', { exchangeId: big, action: 'cancel' });
    // As the deletion leaves things after its first slices: its job-state row, some people gone.
    const now = t.clock.now();
    t.deps.db.sqlite.prepare("insert into job_state (job_key, job, exchange_id, updated_at) values (?, 'exchange-delete', ?, ?)").run(`exchange-delete:${big}`, big, now);
    t.deps.db.sqlite.prepare('delete from participants where id in (select id from participants where exchange_id = ? limit 100)').run(big);
    const deleted: number[] = [];
    t.deps.events.subscribe((event) => {
      if (event.type === 'exchange.deleted') deleted.push(event.exchangeId);
    });

    await t.ok('backups.create', {});
    const before = (await t.ok('backups.list', {})).map((b) => b.name);

    await t.deps.jobs.runDue();

    expect(await t.ok('exchanges.list', {})).toEqual([]);
    // The backup taken while the people were still there is gone; a fresh one replaces it.
    const after = await t.ok('backups.list', {});
    expect(after.map((b) => b.name).filter((name) => before.includes(name))).toEqual([]);
    expect(after.map((b) => b.reason)).toContain('after-purge');
    expect(rows('participants', big)).toBe(0);
    expect(rows('job_state', big)).toBe(0);
    expect(deleted).toEqual([big]);
  });

  it('a jobs pass while it runs leaves it to finish: one deletion, told once, nothing logged as failed', async () => {
    const errors: string[] = [];
    t = await createTestApp({ log: { ...silentLogger, error: (message) => errors.push(message) } });
    const big = (await t.ok('exchanges.create', exchangeInput({ name: 'Busy party' }))).id;
    await t.ok('participants.import', { exchangeId: big, csv: csv(500, 'Guest'), dryRun: false });
    await t.ok('exchanges.transition', { exchangeId: big, action: 'cancel' });
    const deleted: number[] = [];
    t.deps.events.subscribe((event) => {
      if (event.type === 'exchange.deleted') deleted.push(event.exchangeId);
    });

    const deleting = t.ok('exchanges.delete', { exchangeId: big });
    await new Promise((resolve) => setImmediate(resolve));
    await t.deps.jobs.runDue();
    await deleting;

    expect(deleted).toEqual([big]);
    expect(errors).toEqual([]);
    expect(rows('participants', big)).toBe(0);
    expect(await t.ok('exchanges.list', {})).toEqual([]);
  });
});

describe('deleting a big draft', () => {
  it('cannot be opened, drawn or added to while its people are removed', async () => {
    t = await createTestApp();
    const draft = (await t.ok('exchanges.create', exchangeInput({ name: 'Draft party', registrationDeadline: null }))).id;
    await t.ok('participants.import', { exchangeId: draft, csv: csv(400, 'Guest'), dryRun: false });
    const deleting = t.call('exchanges.delete', { exchangeId: draft });
    // A few turns in: some of its people are gone, the rest still there.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(rows('participants', draft)).toBeGreaterThan(0);
    expect(rows('participants', draft)).toBeLessThan(400);
    for (const [name, input] of [
      ['exchanges.transition', { exchangeId: draft, action: 'open' }],
      ['exchanges.draw', { exchangeId: draft }],
      ['participants.add', { exchangeId: draft, name: 'Latecomer', email: 'late@example.com' }],
    ] as const) {
      const refused = await t.call(name, input as never);
      expect(refused.ok, name).toBe(false);
    }
    expect((await deleting).ok).toBe(true);
    expect(rows('participants', draft)).toBe(0);
    expect(await t.ok('exchanges.list', {})).toEqual([]);
  });
});
