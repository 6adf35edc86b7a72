import { JOB_NAME_LIST } from '../../contract/values';

/** Every background job, by the kebab-case name used in the job run log and the UI. */
export const JOB_NAMES = JOB_NAME_LIST;

export type JobName = (typeof JOB_NAMES)[number];

/** Jobs that run on a fixed cron pattern (the others are due at per-exchange instants). */
export type RecurringJobName = Extract<JobName, 'token-cleanup' | 'auto-complete' | 'data-purge' | 'session-cleanup' | 'rate-limit-cleanup' | 'signup-digest'>;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
