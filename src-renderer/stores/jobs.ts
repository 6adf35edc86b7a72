import type { OperationInput, OperationOutput } from '@contract';
import { create } from 'zustand';
import { call } from '../api/client';
import { attempt, type ActionResult } from './result';

export type UpcomingJob = OperationOutput<'jobs.upcoming'>[number];
export type JobRun = OperationOutput<'jobs.runs'>[number];
export type JobName = OperationInput<'jobs.runNow'>['job'];

interface JobsState {
  upcoming: UpcomingJob[] | null;
  runs: JobRun[] | null;
  error: string | null;
  load(): Promise<void>;
  runNow(job: JobName): Promise<ActionResult<OperationOutput<'jobs.runNow'>>>;
  sendReminderNow(exchangeId: number): Promise<ActionResult<OperationOutput<'jobs.sendReminderNow'>>>;
}

/** Background jobs: what comes next (also shown on the exchanges list) and what ran. */
export const useJobs = create<JobsState>()((set, get) => ({
  upcoming: null,
  runs: null,
  error: null,
  async load() {
    const [upcoming, runs] = await Promise.all([call('jobs.upcoming', { limit: 50 }), call('jobs.runs', { limit: 100 })]);
    if (upcoming.ok) set({ upcoming: upcoming.value });
    if (runs.ok) set({ runs: runs.value });
    const failed = !upcoming.ok ? upcoming.error : !runs.ok ? runs.error : null;
    set({ error: failed ? failed.message : null });
  },
  async runNow(job) {
    const result = await attempt('jobs.runNow', { job });
    await get().load();
    return result;
  },
  async sendReminderNow(exchangeId) {
    const result = await attempt('jobs.sendReminderNow', { exchangeId });
    await get().load();
    return result;
  },
}));

/** The upcoming list in its two groups: the organizer's own first, then housekeeping. */
export function groupUpcoming(upcoming: readonly UpcomingJob[]): { exchange: UpcomingJob[]; maintenance: UpcomingJob[] } {
  return { exchange: upcoming.filter((job) => job.group === 'exchange'), maintenance: upcoming.filter((job) => job.group === 'maintenance') };
}

/** The soonest upcoming job of each exchange, for the exchanges list. */
export function nextJobByExchange(upcoming: readonly UpcomingJob[]): Map<number, UpcomingJob> {
  const next = new Map<number, UpcomingJob>();
  for (const job of upcoming) {
    if (job.exchangeId === null) continue;
    const known = next.get(job.exchangeId);
    if (!known || job.dueAt < known.dueAt) next.set(job.exchangeId, job);
  }
  return next;
}
