import { z } from 'zod';
import { Id } from './common';
import { JOB_NAME_LIST } from './values';

export { JOB_NAME_LIST } from './values';
export const JobNameSchema = z.enum(JOB_NAME_LIST, { error: `Choose one of: ${JOB_NAME_LIST.join(', ')}.` });

/**
 * What the organizer cares about (reminders, registration closing, the exchange itself, the
 * planned deletion of an exchange's data) versus housekeeping the app does for itself.
 */
export const JobGroupSchema = z.enum(['exchange', 'maintenance']);

/**
 * One upcoming job, for the tray and the Jobs screen. `dueAt` ≤ now means it runs on the next
 * wake. Listed with the `exchange` group first, each group soonest first.
 */
export const UpcomingJobView = z.object({
  job: JobNameSchema,
  group: JobGroupSchema,
  exchangeId: Id.nullable(),
  exchangeName: z.string().nullable(),
  dueAt: z.number(),
  detail: z.string(),
});

export const UpcomingInput = z.object({ limit: z.number().int().min(1).max(100).default(10) }).default({ limit: 10 });

export const JobRunView = z.object({
  id: Id,
  job: z.string(),
  jobKey: z.string(),
  exchangeId: z.number().nullable(),
  scheduledFor: z.number().nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  outcome: z.enum(['running', 'ok', 'failed', 'skipped']),
  counts: z.record(z.string(), z.number()),
  error: z.string().nullable(),
});

export const JobRunsInput = z.object({ limit: z.number().int().min(1).max(500).default(100), job: JobNameSchema.optional() }).default({ limit: 100 });

export const RunJobInput = z.object({ job: JobNameSchema });
export const RunReport = z.object({
  runs: z.array(JobRunView),
  /** True when nothing was due, so nothing ran; `message` then says why in words. */
  nothingDue: z.boolean(),
  message: z.string().nullable(),
});

export const SendReminderNowInput = z.object({ exchangeId: Id });

export const SchedulerHealthView = z.object({
  running: z.boolean(),
  lastWakeAt: z.number().nullable(),
  nextWakeAt: z.number().nullable(),
  /** Jobs whose latest run failed. */
  failing: z.array(z.string()),
});
