import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAY_MS, HOUR_MS } from '../../src-main/core/schedule';
import { loadMatches } from '../../src-main/db/repos/matches';
import { insertParticipant } from '../../src-main/db/repos/participants';
import { createTestApp, type TestApp } from './test-app';

export { DAY_MS, HOUR_MS };

export interface Person {
  id: number;
  name: string;
  email: string;
  giftIdeas: string;
  remindersEnabled: boolean;
}

export interface DrawnExchange {
  exchangeId: number;
  people: Person[];
  /** giver id → receiver id */
  receiverOf: Map<number, number>;
}

export interface DrawnOptions {
  /** Number of participants (≥ 2). */
  n: number;
  /** Local date-time in `timezone`, e.g. '2026-12-24T18:00'. */
  exchangeAt: string;
  timezone: string;
  reminderDays?: number[];
  name?: string;
  /** Distinctive prefix for names and emails (searched for in raw files after a purge). */
  tag?: string;
  /** Participants (by index) who turned reminders off. */
  optedOut?: (index: number) => boolean;
}

/**
 * An exchange drawn through the operations (create, open, close, draw) at the test clock's time;
 * the participants are inserted in one transaction so that thousands stay cheap.
 */
export async function drawnExchange(t: TestApp, o: DrawnOptions): Promise<DrawnExchange> {
  const tag = o.tag ?? 'person';
  const { id: exchangeId } = await t.ok('exchanges.create', {
    name: o.name ?? `Exchange ${tag}`,
    exchangeAt: o.exchangeAt,
    timezone: o.timezone,
    registrationDeadline: null,
    ...(o.reminderDays && { reminderDays: o.reminderDays }),
  });
  const now = t.clock.now();
  const people = t.deps.db.transaction(() =>
    Array.from({ length: o.n }, (_, i): Person => {
      const p = {
        name: `${tag} Name${i}`,
        email: `${tag.toLowerCase()}.${i}@jobs-test.example`,
        giftIdeas: `${tag} wishes for item ${i}`,
        remindersEnabled: !(o.optedOut?.(i) ?? false),
      };
      const id = insertParticipant(t.deps.db, { exchangeId, ...p, isOrganizer: false, now });
      return { id, ...p };
    }),
  );
  await t.ok('exchanges.transition', { exchangeId, action: 'open' });
  await t.ok('exchanges.transition', { exchangeId, action: 'close' });
  await t.ok('exchanges.draw', { exchangeId });
  return { exchangeId, people, receiverOf: new Map(loadMatches(t.deps.db, exchangeId)) };
}

/**
 * The same shape without the draw's own work (matching, match emails, tokens): participants and a
 * single loop written in one transaction, state set to matched. For thousands of participants.
 */
export async function quickMatchedExchange(t: TestApp, o: Omit<DrawnOptions, 'optedOut'>): Promise<DrawnExchange> {
  const tag = o.tag ?? 'person';
  const { id: exchangeId } = await t.ok('exchanges.create', {
    name: o.name ?? `Exchange ${tag}`,
    exchangeAt: o.exchangeAt,
    timezone: o.timezone,
    registrationDeadline: null,
    ...(o.reminderDays && { reminderDays: o.reminderDays }),
  });
  const now = t.clock.now();
  const db = t.deps.db;
  const people = db.transaction(() => {
    const list = Array.from({ length: o.n }, (_, i): Person => {
      const p = { name: `${tag} Name${i}`, email: `${tag.toLowerCase()}.${i}@jobs-test.example`, giftIdeas: `${tag} wishes for item ${i}`, remindersEnabled: true };
      return { id: insertParticipant(db, { exchangeId, ...p, isOrganizer: false, now }), ...p };
    });
    const match = db.sqlite.prepare('insert into matches (exchange_id, giver_id, receiver_id, created_at) values (?, ?, ?, ?)');
    list.forEach((p, i) => match.run(exchangeId, p.id, list[(i + 1) % list.length]!.id, now));
    db.sqlite.prepare("update exchanges set state = 'matched', drawn_at = ? where id = ?").run(now, exchangeId);
    return list;
  });
  return { exchangeId, people, receiverOf: new Map(loadMatches(db, exchangeId)) };
}

/** A data folder owned by the test (not deleted by `close()`), so the app can be reopened in it. */
export function dataFolder(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sk-jobs-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

let launches = 0;
/**
 * A seed for each launch: the same seed twice would replay the same "random" message ids and
 * tokens in one database (production randomness never repeats).
 */
export const nextSeed = (): number => 1000 + ++launches;

/** A restart: close the app, open the same folder at `at`. */
export async function restart(t: TestApp, at: string | number): Promise<TestApp> {
  t.close();
  return createTestApp({ dir: t.dir, seed: nextSeed(), start: typeof at === 'string' ? at : new Date(at).toISOString() });
}

export interface OutboxRow {
  id: number;
  idempotency_key: string;
  kind: string;
  to_address: string;
  participant_id: number | null;
  exchange_id: number | null;
  subject: string;
  text_body: string;
}

export function outbox(t: TestApp, kind?: string): OutboxRow[] {
  const sql = 'select id, idempotency_key, kind, to_address, participant_id, exchange_id, subject, text_body from email_outbox';
  const rows = kind === undefined ? t.deps.db.sqlite.prepare(`${sql} order by id`).all() : t.deps.db.sqlite.prepare(`${sql} where kind = ? order by id`).all(kind);
  return rows as OutboxRow[];
}

/** Idempotency keys with more than one row (always empty: the column is unique — checked anyway). */
export function duplicateKeys(t: TestApp): string[] {
  const rows = t.deps.db.sqlite.prepare('select idempotency_key k, count(*) n from email_outbox group by idempotency_key having n > 1').all() as Array<{ k: string }>;
  return rows.map((r) => r.k);
}

/** Reminder rows per participant: participant id → number of reminder emails. */
export function remindersPerPerson(t: TestApp, exchangeId: number): Map<number, number> {
  const rows = t.deps.db.sqlite
    .prepare("select participant_id p, count(*) n from email_outbox where kind = 'reminder' and exchange_id = ? group by participant_id")
    .all(exchangeId) as Array<{ p: number; n: number }>;
  return new Map(rows.map((r) => [r.p, r.n]));
}

export function jobState(t: TestApp, jobKey: string): { last_outcome: string | null; last_run_at: number | null } | undefined {
  return t.deps.db.sqlite.prepare('select last_outcome, last_run_at from job_state where job_key = ?').get(jobKey) as never;
}

export function exchangeRow(t: TestApp, exchangeId: number): { state: string; completed_at: number | null; purge_warned_at: number | null; exchange_at: number } | undefined {
  return t.deps.db.sqlite.prepare('select state, completed_at, purge_warned_at, exchange_at from exchanges where id = ?').get(exchangeId) as never;
}

/** Recurring job runs of one pass, by job name. */
export function byJob<R extends { job: string }>(runs: R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of runs) out.set(r.job, [...(out.get(r.job) ?? []), r]);
  return out;
}
