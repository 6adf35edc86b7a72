import { setImmediate as nextTurn } from 'node:timers/promises';
import { Cron } from 'croner';
import { IANAZone } from 'luxon';
import { RECURRING_JOBS, planRecurring, upcomingJobs, type JobName, type RecurringJobName, type UpcomingJob } from '../core/schedule';
import {
  closeInterruptedRuns,
  exchangesForJobs,
  handledReminderDays,
  jobStates,
  listJobRuns,
  recordJobEnd,
  recordJobStart,
  saveJobState,
  type JobRun,
} from '../services/jobs/job-log';
import type { Deps, JobsPort } from '../services/common/deps';
import { trackProgress, type ProgressReporter } from '../services/common/progress';
import { getSettings } from '../services/organizer/settings';
import { compactIfWanted } from '../services/jobs/purge';
import { resumeMatchMail } from '../services/draw/draw';
import { resumeToldNotices } from '../services/draw/told-notices';
import { resumeSweeps } from '../services/draw/replaced';
import { resumeExchangeDeletions } from '../services/jobs/purge';
import { exchangeUnits, PartialJobError, RECURRING_WORK, type DueUnit } from './registry';

/**
 * Runs background jobs with the database as the source of truth. croner only wakes the process
 * (every minute, and at the next due instant); every wake, launch and resume runs whatever is due
 * as of now, once. Missed recurring runs are coalesced; jobs never throw out of here.
 */
export class Scheduler implements JobsPort {
  readonly #deps: Deps;
  #tick: Cron | null = null;
  #precise: Cron | null = null;
  #pass: Promise<JobRun[]> | null = null;
  /** The "run now" under way (settles either way): a pass starting meanwhile waits for it, so no job runs twice at once. */
  #manual: Promise<void> | null = null;
  /** True from the first line of a pass (which runs before `#pass` is assigned) to its end. */
  #inPass = false;
  #lastWakeAt: number | null = null;
  #unsubscribe: (() => void) | null = null;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  /** Launch: close runs a crash left open, catch up, then wake every minute. A second call only catches up. */
  async start(): Promise<JobRun[]> {
    if (this.#tick) return this.runDue();
    closeInterruptedRuns(this.#deps);
    this.#tick = new Cron('* * * * *', { utcOffset: 0, protect: true }, () => this.#wake());
    this.#unsubscribe = this.#deps.events.subscribe((event) => {
      if (event.type === 'exchange.changed' || event.type === 'exchange.deleted') this.#armPrecise();
    });
    return this.runDue();
  }

  /** Stops waking, lets a running pass (and a "run now") finish, then compacts the file if a purge asked for it (quitting). */
  async stop(): Promise<JobRun[] | undefined> {
    this.#tick?.stop();
    this.#precise?.stop();
    this.#tick = this.#precise = null;
    this.#unsubscribe?.();
    const runs = await (this.#pass ?? Promise.resolve(undefined));
    // A "run now" still under way finishes too before the file is compacted.
    await this.#manual;
    try {
      compactIfWanted(this.#deps);
    } catch (error) {
      this.#deps.log.warn('compacting the database failed', { error });
    }
    return runs;
  }

  /** Wake from sleep (desktop powerMonitor) or "Run due jobs now". */
  resume(): Promise<JobRun[]> {
    return this.runDue();
  }

  /** Runs everything due as of now; concurrent calls share one pass. */
  runDue(): Promise<JobRun[]> {
    if (!this.#pass) {
      // Started at once when no "run now" is under way (a launch's catch-up begins before anything else).
      const pass = this.#manual ? this.#manual.then(() => this.#runDuePass()) : this.#runDuePass();
      this.#pass = pass.finally(() => {
        this.#pass = null;
        this.#armPrecise();
      });
    }
    return this.#pass;
  }

  /**
   * Runs one job now, due or not (for "run now" in the Jobs screen), after the pass and the "run
   * now" under way; a pass that starts meanwhile waits for it, and then sees what it did.
   */
  runNow(job: JobName): Promise<JobRun[]> {
    // Only what exists now is awaited (a pass started later waits for this one, never the reverse).
    const before = Promise.allSettled([this.#manual, this.#pass]);
    const run = before.then(() => this.#runOne(job));
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.#manual = settled;
    void settled.then(() => {
      if (this.#manual === settled) this.#manual = null;
    });
    return run;
  }

  async #runOne(job: JobName): Promise<JobRun[]> {
    const now = this.#deps.clock.now();
    if (job in RECURRING_WORK) return [await this.#runRecurring(job as RecurringJobName, now, now)];
    const units = exchangeUnits(this.#deps, now).filter((u) => u.job === job);
    const runs: JobRun[] = [];
    for (const unit of units) runs.push(await this.#execute(unit));
    return runs;
  }

  upcoming(limit: number): UpcomingJob[] {
    const now = this.#deps.clock.now();
    const states = jobStates(this.#deps);
    const recurring = RECURRING_JOBS.map((r) => {
      const state = states.get(r.job);
      const plan = planRecurring({ pattern: r.pattern, lastRunAt: state?.lastRunAt ?? null, createdAt: state?.updatedAt ?? now }, now);
      return { job: r.job, nextDueAt: plan.due ? now : plan.nextDueAt };
    });
    const handled = handledReminderDays(this.#deps);
    // An exchange whose zone this runtime does not know (ICU data differs between builds) is left
    // out of the list rather than breaking it for every other exchange, the tray and the Jobs screen.
    const exchanges = exchangesForJobs(this.#deps)
      .filter((e) => IANAZone.isValidZone(e.timezone))
      .map((e) => ({
        id: e.id,
        name: e.name,
        state: e.state,
        exchangeAt: e.exchangeAt,
        timezone: e.timezone,
        reminderDays: e.reminderDays,
        registrationDeadlineAt: e.registrationDeadlineAt,
        handledReminderDays: handled.get(e.id) ?? [],
        endedAt: e.state === 'completed' ? e.completedAt : e.state === 'cancelled' ? e.cancelledAt : null,
        purgeWarnedAt: e.purgeWarnedAt,
      }));
    return upcomingJobs({ recurring, exchanges, retentionDays: getSettings(this.#deps).retentionDays }, now, limit);
  }

  health(): { running: boolean; lastWakeAt: number | null; nextWakeAt: number | null; failing: string[] } {
    const latest = new Map<string, string>();
    for (const run of listJobRuns(this.#deps, { limit: 200 })) if (!latest.has(run.job)) latest.set(run.job, run.outcome);
    const next = this.#tick?.nextRun()?.getTime() ?? null;
    const precise = this.#precise?.nextRun()?.getTime() ?? null;
    return {
      running: this.#tick !== null,
      lastWakeAt: this.#lastWakeAt,
      nextWakeAt: precise !== null && next !== null ? Math.min(precise, next) : next,
      failing: [...latest].filter(([, outcome]) => outcome === 'failed').map(([job]) => job),
    };
  }

  async #runDuePass(): Promise<JobRun[]> {
    this.#inPass = true;
    try {
      return await this.#runUnits();
    } finally {
      this.#inPass = false;
    }
  }

  async #runUnits(): Promise<JobRun[]> {
    const now = this.#deps.clock.now();
    this.#lastWakeAt = now;
    const runs: JobRun[] = [];
    // A draw whose match emails a crash left half-queued gets the rest first (idempotent).
    try {
      const resuming = resumeMatchMail(this.#deps);
      if (resuming) await resuming;
    } catch (error) {
      this.#deps.log.error("queueing the rest of a draw's emails failed", { error });
    }
    // Likewise an undo's or a cancellation's notices to the people already told, left half-queued.
    try {
      const resuming = resumeToldNotices(this.#deps);
      if (resuming) await resuming;
    } catch (error) {
      this.#deps.log.error('queueing the rest of the notices to the people told failed', { error });
    }
    // And a deletion of an exchange that a crash cut short.
    try {
      const resuming = resumeExchangeDeletions(this.#deps);
      if (resuming) await resuming;
    } catch (error) {
      this.#deps.log.error('finishing the deletion of an exchange failed', { error });
    }
    // And the replaced pairs of a re-draw that a crash left hidden.
    try {
      const resuming = resumeSweeps(this.#deps);
      if (resuming) await resuming;
    } catch (error) {
      this.#deps.log.error("removing a replaced draw's rows failed", { error });
    }
    const units = exchangeUnits(this.#deps, now);
    // Shown on the screens and the tray once there is something to run (a pass every minute mostly has not).
    let progress: ProgressReporter | null = null;
    const step = () => (progress ??= trackProgress(this.#deps, 'catch-up', null, units.length + RECURRING_JOBS.length)).update(runs.length);
    for (const unit of units) {
      step();
      runs.push(await this.#execute(unit));
    }
    const states = jobStates(this.#deps);
    for (const r of RECURRING_JOBS) {
      const state = states.get(r.job);
      if (!state) {
        // First sight of this job: occurrences before today were never owed.
        saveJobState(this.#deps, { jobKey: r.job, job: r.job, exchangeId: null, dueAt: null, lastRunAt: null, lastOutcome: null, updatedAt: now });
        continue;
      }
      const plan = planRecurring({ pattern: r.pattern, lastRunAt: state.lastRunAt, createdAt: state.updatedAt }, now);
      if (plan.due) {
        step();
        runs.push(await this.#runRecurring(r.job, now, plan.scheduledFor, plan.missed));
      }
    }
    (progress as ProgressReporter | null)?.finish();
    if (runs.length > 0) this.#deps.events.emit({ type: 'jobs.changed' });
    return runs;
  }

  async #runRecurring(job: RecurringJobName, now: number, scheduledFor: number | null, missed = 0): Promise<JobRun> {
    const unit: DueUnit = {
      job,
      jobKey: job,
      exchangeId: null,
      scheduledFor,
      run: async () => ({ counts: { ...(await RECURRING_WORK[job](this.#deps, now)), ...(missed > 1 && { coalesced: missed }) }, outcome: 'ok' }),
    };
    const run = await this.#execute(unit);
    await nextTurn();
    const pattern = RECURRING_JOBS.find((r) => r.job === job)!.pattern;
    const plan = planRecurring({ pattern, lastRunAt: now, createdAt: now }, now);
    saveJobState(this.#deps, { jobKey: job, job, exchangeId: null, dueAt: plan.nextDueAt, lastRunAt: now, lastOutcome: run.outcome, updatedAt: now });
    return run;
  }

  /**
   * Runs one unit with its log row; a failure is recorded, never thrown. The next unit waits for
   * the next turn of the event loop, so a catch-up of many units never holds the pages up for long.
   */
  async #execute(unit: DueUnit): Promise<JobRun> {
    const { clock, log } = this.#deps;
    const startedAt = clock.now();
    const id = recordJobStart(this.#deps, { job: unit.job, jobKey: unit.jobKey, exchangeId: unit.exchangeId, scheduledFor: unit.scheduledFor, startedAt });
    // Each of these steps may wait for a commit to reach the disk: a turn of the loop between them.
    await nextTurn();
    let result: Pick<JobRun, 'outcome' | 'counts' | 'error'>;
    try {
      const { counts, outcome } = await unit.run();
      result = { outcome, counts, error: null };
    } catch (error) {
      log.error('job failed', { job: unit.job, jobKey: unit.jobKey, error: error instanceof PartialJobError ? error.cause : error });
      const counts = error instanceof PartialJobError ? error.counts : {};
      result = { outcome: 'failed', counts, error: error instanceof Error ? error.message : String(error) };
    }
    const finishedAt = clock.now();
    await nextTurn();
    recordJobEnd(this.#deps, id, { finishedAt, ...result });
    await nextTurn();
    return { id, job: unit.job, jobKey: unit.jobKey, exchangeId: unit.exchangeId, scheduledFor: unit.scheduledFor, startedAt, finishedAt, ...result };
  }

  /**
   * A one-shot wake at the next due instant when it comes before the next minute tick. Not while a
   * pass runs (its own changes fire events): the pass re-arms when it ends.
   */
  #armPrecise(): void {
    if (this.#inPass) return;
    this.#precise?.stop();
    this.#precise = null;
    if (!this.#tick) return;
    const now = this.#deps.clock.now();
    // The soonest of all: the list leads with the organizer's jobs, not with the soonest one.
    const next = Math.min(...this.upcoming(100).map((job) => job.dueAt));
    if (!Number.isFinite(next) || next <= now || next - now > 60_000) return;
    this.#precise = new Cron(new Date(next), { protect: true }, () => this.#wake());
  }

  /** A timer's wake: a pass that cannot even start (database gone) is logged, never an unhandled rejection. */
  #wake(): void {
    this.runDue().catch((error: unknown) => this.#deps.log.error('job pass failed', { error }));
  }
}
