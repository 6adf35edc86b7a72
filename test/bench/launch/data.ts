/**
 * The launch benchmark's data folder: 100 exchanges, 10 000 participants, and a job state saying
 * the app last ran 40 days before `now` (the real wall clock, since `serve` reads it).
 */
import { insertParticipant } from '../../../src-main/db/repos/participants';
import { DAY_MS } from '../../../src-main/core/schedule';
import { createTestApp } from '../../support/test-app';

export const EXCHANGES = 100;
export const PER_EXCHANGE = 100;

/** What the folder holds, by group (the catch-up at launch has work in each). */
export const GROUPS = [
  { kind: 'completed, warned 48 days ago (purged at launch)', count: 5 },
  { kind: 'completed 45-65 days ago (warned at launch)', count: 10 },
  { kind: 'drawn, date passed while off (reminders skipped, completed)', count: 10 },
  { kind: 'drawn, date in 1-30 days (latest missed reminder sent)', count: 30 },
  { kind: 'open, deadline passed while off (closed)', count: 15 },
  { kind: 'open, deadline ahead', count: 10 },
  { kind: 'draft', count: 10 },
  { kind: 'cancelled 50 days ago (warned at launch)', count: 10 },
] as const;

const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);

export async function buildLaunchData(dir: string, now: number): Promise<{ participants: number; drawn: number }> {
  const created = now - 70 * DAY_MS;
  const t = await createTestApp({ dir, start: new Date(created).toISOString(), seed: 7 });
  const db = t.deps.db;
  await t.ok('settings.update', { organizer: { name: 'Bench Organizer', email: 'organizer@bench.example' } });
  let participants = 0;
  let drawn = 0;
  let n = 0;
  const addPeople = (exchangeId: number) =>
    db.transaction(() => {
      for (let i = 0; i < PER_EXCHANGE; i++) {
        insertParticipant(db, {
          exchangeId,
          name: `Person ${n}-${i}`,
          email: `p${n}.${i}@bench.example`,
          giftIdeas: `Books, tea, socks (${i})`,
          remindersEnabled: i % 10 !== 0,
          isOrganizer: false,
          now: created,
        });
      }
      participants += PER_EXCHANGE;
    });

  for (const group of GROUPS) {
    for (let g = 0; g < group.count; g++, n++) {
      const spread = (from: number, to: number) => now + (from + ((to - from) * g) / Math.max(1, group.count - 1)) * DAY_MS;
      const dates: Record<(typeof GROUPS)[number]['kind'], [number, number | null]> = {
        'completed, warned 48 days ago (purged at launch)': [spread(-65, -55), null],
        'completed 45-65 days ago (warned at launch)': [spread(-65, -45), null],
        'drawn, date passed while off (reminders skipped, completed)': [spread(-35, -5), null],
        'drawn, date in 1-30 days (latest missed reminder sent)': [spread(1, 30), null],
        'open, deadline passed while off (closed)': [spread(10, 40), spread(-20, -1)],
        'open, deadline ahead': [spread(20, 50), spread(5, 15)],
        draft: [spread(30, 60), null],
        'cancelled 50 days ago (warned at launch)': [spread(10, 20), null],
      };
      const [exchangeAt, deadline] = dates[group.kind];
      const { id } = await t.ok('exchanges.create', {
        name: `Exchange ${n}`,
        exchangeAt: local(exchangeAt),
        timezone: 'UTC',
        registrationDeadline: deadline === null ? null : local(deadline),
      });
      addPeople(id);
      if (group.kind === 'draft') continue;
      await t.ok('exchanges.transition', { exchangeId: id, action: 'open' });
      if (group.kind.startsWith('open')) continue;
      if (group.kind.startsWith('cancelled')) {
        await t.ok('exchanges.transition', { exchangeId: id, action: 'cancel' });
        db.sqlite.prepare('update exchanges set cancelled_at = ? where id = ?').run(now - 50 * DAY_MS, id);
        continue;
      }
      await t.ok('exchanges.transition', { exchangeId: id, action: 'close' });
      await t.ok('exchanges.draw', { exchangeId: id });
      drawn++;
      if (group.kind.startsWith('completed')) {
        const warned = group.kind.includes('warned 48') ? now - 48 * DAY_MS : null;
        db.sqlite.prepare("update exchanges set state = 'completed', completed_at = exchange_at, purge_warned_at = ? where id = ?").run(warned, id);
      }
    }
  }

  db.transaction(() => {
    const lastRun = now - 40 * DAY_MS;
    const state = db.sqlite.prepare(
      'insert into job_state (job_key, job, exchange_id, due_at, last_run_at, last_outcome, updated_at) values (?, ?, null, null, ?, ?, ?) on conflict (job_key) do update set last_run_at = excluded.last_run_at, updated_at = excluded.updated_at',
    );
    for (const job of ['token-cleanup', 'auto-complete', 'data-purge', 'session-cleanup', 'rate-limit-cleanup']) state.run(job, job, lastRun, 'ok', lastRun);
    const session = db.sqlite.prepare(
      "insert into sessions (session_hash, kind, participant_id, csrf_secret, created_at, last_seen_at, expires_at, max_expires_at) values (?, 'participant', ?, 'c', ?, ?, ?, ?)",
    );
    const ids = db.sqlite.prepare('select id from participants order by id limit 3000').all() as Array<{ id: number }>;
    ids.forEach(({ id }, i) => session.run(`bench-session-${i}`, id, created, created, i % 2 ? now - 41 * DAY_MS : now + DAY_MS, now + 30 * DAY_MS));
    const limit = db.sqlite.prepare('insert into rate_limits (key, count, window_started_at, expires_at) values (?, 1, ?, ?)');
    for (let i = 0; i < 1000; i++) limit.run(`login:bench-${i}`, created, i % 4 ? now - 45 * DAY_MS : now + DAY_MS);
  });
  t.close();
  return { participants, drawn };
}
