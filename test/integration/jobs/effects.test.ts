import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src-main/core/tokens';
import { DAY_MS, HOUR_MS, drawnExchange, exchangeRow, jobState, outbox } from '../../support/jobs-fixtures';
import { createTestApp, type TestApp } from '../../support/test-app';

/**
 * Each job's effect at its due time, and nothing a moment before. Every test first lets the
 * scheduler see its recurring jobs once (a first sight owes nothing), as a real launch does.
 */
let t: TestApp;
const ORGANIZER = { name: 'Olga Organizer', email: 'olga@jobs-test.example' };
const XMAS = '2026-12-24T18:00'; // Berlin, = 17:00Z

async function at(iso: string) {
  t.clock.set(iso);
  return (await t.ok('jobs.runDue', {})).runs;
}

beforeEach(async () => {
  t = await createTestApp({ start: '2026-12-01T09:00:00Z' });
  await t.ok('settings.update', { organizer: ORGANIZER });
  await t.app.jobs.runDue();
});
afterEach(() => t.close());

describe('reminders', () => {
  it('go at the due instant to opted-in, non-withdrawn participants, with their giftee’s ideas, once', async () => {
    const x = await drawnExchange(t, { n: 8, exchangeAt: XMAS, timezone: 'Europe/Berlin', tag: 'Rem', optedOut: (i) => i === 1 || i === 5 });
    const withdrawn = x.people[3]!;
    t.deps.db.sqlite.prepare('update participants set withdrawn_at = ? where id = ?').run(t.clock.now(), withdrawn.id);
    const active = new Set(x.people.filter((p) => p !== withdrawn).map((p) => p.id));
    // Someone whose giftee withdrew has nobody to be reminded of (the loop is mended by removal).
    const expected = x.people.filter((p) => p.remindersEnabled && active.has(p.id) && active.has(x.receiverOf.get(p.id)!));
    expect(expected.length).toBeGreaterThanOrEqual(4);

    expect((await at('2026-12-17T16:59:59.999Z')).filter((r) => r.job === 'reminders')).toEqual([]);
    expect(outbox(t, 'reminder')).toEqual([]);
    expect(await t.ok('jobs.runNow', { job: 'reminders' })).toEqual({ runs: [], nothingDue: true, message: expect.stringContaining('No reminder is due right now') });

    const runs = await at('2026-12-17T17:00:00Z');
    const reminderRuns = runs.filter((r) => r.job === 'reminders');
    expect(reminderRuns).toMatchObject([{ jobKey: `reminder:${x.exchangeId}:7`, outcome: 'ok', counts: { queued: expected.length, daysBefore: 7 } }]);
    const rows = outbox(t, 'reminder');
    expect(rows.map((r) => r.to_address).sort()).toEqual(expected.map((p) => p.email).sort());
    // The match emails went out long before; the reminder is rendered from the data as it is now.
    t.deps.db.sqlite.prepare("update email_outbox set status = 'sent', sent_at = ? where kind = 'match'").run(Date.parse('2026-12-01T10:00:00Z'));
    for (const row of rows) {
      const giver = x.people.find((p) => p.id === row.participant_id)!;
      const giftee = x.people.find((p) => p.id === x.receiverOf.get(giver.id))!;
      const rendered = await t.ok('outbox.get', { id: row.id, showPrivate: true, confirm: true });
      expect(rendered.subject).toMatch(/the gift exchange is in 7 days$/);
      expect(rendered.text).toContain(giftee.name);
      expect(rendered.text).toContain(giftee.giftIdeas);
      expect(row.idempotency_key).toBe(`reminder:${x.exchangeId}:7:${giver.id}`);
    }
    expect(jobState(t, `reminder:${x.exchangeId}:7`)).toMatchObject({ last_outcome: 'sent' });

    expect(await at('2026-12-17T17:30:00Z')).toEqual([]);
    expect(outbox(t, 'reminder')).toHaveLength(expected.length);
  });
});

describe('auto-complete', () => {
  it('completes a drawn exchange at its date, dated at the exchange, not at the run', async () => {
    const x = await drawnExchange(t, { n: 3, exchangeAt: XMAS, timezone: 'Europe/Berlin', reminderDays: [1] });
    await at('2026-12-24T16:59:59.999Z');
    expect(exchangeRow(t, x.exchangeId)?.state).toBe('matched');
    const runs = await at('2026-12-24T17:00:00Z');
    expect(runs.find((r) => r.job === 'auto-complete')).toMatchObject({ exchangeId: x.exchangeId, outcome: 'ok', counts: { completed: 1 } });
    expect(exchangeRow(t, x.exchangeId)).toMatchObject({ state: 'completed', completed_at: Date.parse('2026-12-24T17:00:00Z') });
    // The daily 00:00 UTC run finds nothing left to do.
    const daily = await at('2026-12-25T00:00:00Z');
    expect(daily.filter((r) => r.job === 'auto-complete')).toMatchObject([{ jobKey: 'auto-complete', counts: { completed: 0 } }]);
  });
});

describe('registration close', () => {
  it('closes at the deadline and tells the organizer once', async () => {
    const { id } = await t.ok('exchanges.create', { name: 'Office', exchangeAt: XMAS, registrationDeadline: '2026-12-10T20:00', timezone: 'Europe/Berlin' });
    await t.ok('exchanges.transition', { exchangeId: id, action: 'open' });
    for (const name of ['Ann', 'Bob', 'Cy']) await t.ok('participants.add', { exchangeId: id, name, email: `${name}@jobs-test.example` });

    await at('2026-12-10T18:59:59.999Z');
    expect((await t.ok('exchanges.get', { exchangeId: id })).state).toBe('registration_open');
    expect(outbox(t, 'organizer-registration-closed')).toEqual([]);

    const runs = await at('2026-12-10T19:00:00Z');
    expect(runs.filter((r) => r.job === 'registration-close')).toMatchObject([{ exchangeId: id, outcome: 'ok', counts: { closed: 1 } }]);
    expect((await t.ok('exchanges.get', { exchangeId: id })).state).toBe('registration_closed');
    const notices = outbox(t, 'organizer-registration-closed');
    expect(notices).toMatchObject([{ to_address: ORGANIZER.email, exchange_id: id }]);
    expect(notices[0]!.text_body).toMatch(/\b3\b/);

    await at('2026-12-10T21:00:00Z');
    expect(outbox(t, 'organizer-registration-closed')).toHaveLength(1);
  });
});

describe('cleanup jobs', () => {
  it('token cleanup (hourly) deletes expired tokens and ones used more than 24 h ago, nothing else', async () => {
    const x = await drawnExchange(t, { n: 2, exchangeAt: XMAS, timezone: 'Europe/Berlin' });
    const due = Date.parse('2026-12-01T10:00:00Z');
    const insert = t.deps.db.sqlite.prepare('insert into magic_tokens (token_hash, participant_id, purpose, created_at, expires_at, used_at) values (?, ?, ?, ?, ?, ?)');
    const tokens = {
      expired: [due - 1, null],
      usedLongAgo: [due + HOUR_MS, due - 25 * HOUR_MS],
      usedRecently: [due + HOUR_MS, due - 23 * HOUR_MS],
      fresh: [due + HOUR_MS, null],
    } as const;
    for (const [name, [expiresAt, usedAt]] of Object.entries(tokens)) insert.run(sha256Hex(name), x.people[0]!.id, 'login', due - DAY_MS * 2, expiresAt, usedAt);
    const left = () => Object.keys(tokens).filter((name) => t.deps.db.sqlite.prepare('select 1 from magic_tokens where token_hash = ?').get(sha256Hex(name)));

    expect(await at('2026-12-01T09:59:59.999Z')).toEqual([]);
    expect(left()).toEqual(Object.keys(tokens));
    const runs = await at('2026-12-01T10:00:00Z');
    expect(runs).toMatchObject([{ job: 'token-cleanup', outcome: 'ok', counts: { deleted: 2 } }]);
    expect(left()).toEqual(['usedRecently', 'fresh']);
    expect(await t.ok('jobs.runNow', { job: 'token-cleanup' })).toMatchObject({ runs: [{ counts: { deleted: 0 } }] });
  });

  it('session cleanup (03:00 UTC) and rate-limit cleanup (04:00 UTC) delete only expired rows', async () => {
    const due = Date.parse('2026-12-02T03:00:00Z');
    const session = t.deps.db.sqlite.prepare(
      "insert into sessions (session_hash, kind, csrf_secret, created_at, last_seen_at, expires_at, max_expires_at) values (?, 'organizer', 'c', 0, 0, ?, ?)",
    );
    session.run('expired', due - 1, due + DAY_MS);
    session.run('live', due + 1, due + DAY_MS);
    const limit = t.deps.db.sqlite.prepare('insert into rate_limits (key, count, window_started_at, expires_at) values (?, 1, 0, ?)');
    limit.run('login:old', due + HOUR_MS - 1);
    limit.run('login:new', due + HOUR_MS + 1);
    const names = (table: string, column: string) =>
      (t.deps.db.sqlite.prepare(`select ${column} v from ${table} order by ${column}`).all() as Array<{ v: string }>).map((r) => r.v);

    await at('2026-12-02T02:59:59Z');
    expect(names('sessions', 'session_hash')).toEqual(['expired', 'live']);
    const at3 = await at('2026-12-02T03:00:00Z');
    expect(at3.filter((r) => r.job === 'session-cleanup')).toMatchObject([{ outcome: 'ok', counts: { deleted: 1 } }]);
    expect(at3.some((r) => r.job === 'rate-limit-cleanup')).toBe(false);
    expect(names('sessions', 'session_hash')).toEqual(['live']);
    expect(names('rate_limits', 'key')).toEqual(['login:new', 'login:old']);
    const at4 = await at('2026-12-02T04:00:00Z');
    expect(at4.filter((r) => r.job === 'rate-limit-cleanup')).toMatchObject([{ outcome: 'ok', counts: { deleted: 1 } }]);
    expect(names('rate_limits', 'key')).toEqual(['login:new']);
  });
});

describe('data purge', () => {
  it('without mail set up, shows the warning on screen once, 7 days before; purges at the first 02:00 run ≥ 7 days after it', async () => {
    const x = await drawnExchange(t, { n: 3, exchangeAt: XMAS, timezone: 'Europe/Berlin', tag: 'Purgee' });
    const keep = await drawnExchange(t, { n: 3, exchangeAt: '2027-01-20T18:00', timezone: 'Europe/Berlin', tag: 'Keeper' });
    await at('2026-12-24T17:00:00Z');
    expect(exchangeRow(t, x.exchangeId)?.state).toBe('completed');
    // Completed 24 Dec 17:00Z + 30 days → purge due 23 Jan 17:00Z; warning due 16 Jan 17:00Z.
    const history = [];
    for (let day = 15; day <= 25; day++) {
      const runs = await at(`2027-01-${day}T02:00:00Z`);
      const purge = runs.find((r) => r.job === 'data-purge')!;
      history.push({
        day,
        warned: purge.counts.warned,
        purged: purge.counts.purged,
        warnings: outbox(t, 'organizer-purge-warning').length,
        exists: exchangeRow(t, x.exchangeId) !== undefined,
      });
      if (day === 17) {
        await at('2027-01-17T12:00:00Z'); // a second pass the same day sends nothing more
        const notices = (await t.ok('outbox.status', {})).notices.filter((n) => n.exchangeId === x.exchangeId);
        // The real deletion moment, in the organizer's zone: the 02:00 UTC run of 24 Jan.
        expect(notices).toMatchObject([{ kind: 'purge-warning', message: expect.stringContaining('24 January 2027') }]);
      }
    }
    expect(history).toEqual([
      { day: 15, warned: 0, purged: 0, warnings: 0, exists: true },
      { day: 16, warned: 0, purged: 0, warnings: 0, exists: true },
      // No mail is set up: the warning is shown in the organizer's screens (outbox.status notices).
      { day: 17, warned: 1, purged: 0, warnings: 0, exists: true },
      { day: 18, warned: 0, purged: 0, warnings: 0, exists: true },
      { day: 19, warned: 0, purged: 0, warnings: 0, exists: true },
      { day: 20, warned: 0, purged: 0, warnings: 0, exists: true },
      { day: 21, warned: 0, purged: 0, warnings: 0, exists: true },
      { day: 22, warned: 0, purged: 0, warnings: 0, exists: true },
      { day: 23, warned: 0, purged: 0, warnings: 0, exists: true },
      // Warned 17 Jan 02:00 → purge allowed from 24 Jan 02:00 (later than the 23 Jan 17:00 retention end).
      { day: 24, warned: 0, purged: 1, warnings: 0, exists: false },
      { day: 25, warned: 0, purged: 0, warnings: 0, exists: false },
    ]);
    expect(exchangeRow(t, keep.exchangeId)?.state).toBe('completed');
    expect(t.deps.db.sqlite.prepare('select count(*) n from participants where exchange_id = ?').get(x.exchangeId)).toEqual({ n: 0 });
    expect(t.deps.db.sqlite.prepare('select count(*) n from participants where exchange_id = ?').get(keep.exchangeId)).toEqual({ n: 3 });
  });
});
