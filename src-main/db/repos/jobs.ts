import type { Db } from '../database';

export interface JobState {
  jobKey: string;
  job: string;
  exchangeId: number | null;
  dueAt: number | null;
  lastRunAt: number | null;
  lastOutcome: string | null;
  updatedAt: number;
}

export function getJobStates(db: Db): Map<string, JobState> {
  const rows = db.all(db.q.selectFrom('job_state').selectAll());
  return new Map(
    rows.map((r) => [
      r.job_key,
      { jobKey: r.job_key, job: r.job, exchangeId: r.exchange_id, dueAt: r.due_at, lastRunAt: r.last_run_at, lastOutcome: r.last_outcome, updatedAt: r.updated_at },
    ]),
  );
}

export function upsertJobState(db: Db, s: JobState): void {
  const values = {
    job_key: s.jobKey,
    job: s.job,
    exchange_id: s.exchangeId,
    due_at: s.dueAt,
    last_run_at: s.lastRunAt,
    last_outcome: s.lastOutcome,
    updated_at: s.updatedAt,
  };
  db.run(
    db.q
      .insertInto('job_state')
      .values(values)
      .onConflict((oc) => oc.column('job_key').doUpdateSet({ due_at: s.dueAt, last_run_at: s.lastRunAt, last_outcome: s.lastOutcome, updated_at: s.updatedAt })),
  );
}

/** Reminder days of an exchange already sent or skipped (rows `reminder:<exchange>:<days>`). */
export function handledReminderDays(db: Db): Map<number, number[]> {
  const rows = db.all(db.q.selectFrom('job_state').select(['exchange_id', 'job_key']).where('job', '=', 'reminders'));
  const out = new Map<number, number[]>();
  for (const r of rows) {
    if (r.exchange_id === null) continue;
    const days = Number(r.job_key.split(':')[2]);
    out.set(r.exchange_id, [...(out.get(r.exchange_id) ?? []), days]);
  }
  return out;
}

export interface JobRun {
  id: number;
  job: string;
  jobKey: string;
  exchangeId: number | null;
  scheduledFor: number | null;
  startedAt: number;
  finishedAt: number | null;
  outcome: 'running' | 'ok' | 'failed' | 'skipped';
  counts: Record<string, number>;
  error: string | null;
}

export function startJobRun(db: Db, r: { job: string; jobKey: string; exchangeId: number | null; scheduledFor: number | null; startedAt: number }): number {
  return db.run(
    db.q.insertInto('job_runs').values({
      job: r.job,
      job_key: r.jobKey,
      exchange_id: r.exchangeId,
      scheduled_for: r.scheduledFor,
      started_at: r.startedAt,
      outcome: 'running',
      counts: '{}',
    }),
  ).lastInsertRowid;
}

export function finishJobRun(db: Db, id: number, r: { finishedAt: number; outcome: JobRun['outcome']; counts: Record<string, number>; error: string | null }): void {
  db.run(
    db.q
      .updateTable('job_runs')
      .set({ finished_at: r.finishedAt, outcome: r.outcome, counts: JSON.stringify(r.counts), error: r.error })
      .where('id', '=', id),
  );
}

/** Runs left `running` by a process that died are closed as failed. */
export function closeInterruptedRuns(db: Db, now: number): number {
  return db.run(db.q.updateTable('job_runs').set({ outcome: 'failed', finished_at: now, error: 'Interrupted: the app stopped during this run.' }).where('outcome', '=', 'running'))
    .changes;
}

export function listJobRuns(db: Db, filter: { limit: number; job?: string }): JobRun[] {
  let query = db.q.selectFrom('job_runs').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(filter.limit);
  if (filter.job) query = query.where('job', '=', filter.job);
  return db.all(query).map((r) => ({
    id: r.id,
    job: r.job,
    jobKey: r.job_key,
    exchangeId: r.exchange_id,
    scheduledFor: r.scheduled_for,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    outcome: r.outcome as JobRun['outcome'],
    counts: JSON.parse(r.counts) as Record<string, number>,
    error: r.error,
  }));
}

export function pruneJobRuns(db: Db, olderThan: number): number {
  return db.run(db.q.deleteFrom('job_runs').where('started_at', '<', olderThan)).changes;
}
