import type { JOB_NAME_LIST, MATCH_MODES, OperationOutput } from '@contract';
import type { MessageKey, Translator } from '@i18n';
import { currentT } from './i18n';

/**
 * The organizer's words for states, modes and jobs, and the screens' dates and amounts, in the
 * organizer's language. Each helper takes the translator (`useT()` in a component); without one it
 * reads the language in effect (`currentT()`), so callers outside React keep working.
 */

export type ExchangeState = OperationOutput<'exchanges.get'>['state'];
export type MatchModeName = (typeof MATCH_MODES)[number];

const STATE_KEYS: Record<ExchangeState, MessageKey> = {
  draft: 'parts.state.draft',
  registration_open: 'parts.state.registrationOpen',
  registration_closed: 'parts.state.registrationClosed',
  matched: 'parts.state.matched',
  completed: 'parts.state.completed',
  cancelled: 'parts.state.cancelled',
};

export function stateLabel(state: ExchangeState, t: Translator = currentT()): string {
  return t.t(STATE_KEYS[state]);
}

/** A tone for the state badge's colour (class `badge--<tone>`). */
export function stateTone(state: ExchangeState): 'neutral' | 'open' | 'closed' | 'done' | 'muted' {
  switch (state) {
    case 'draft':
      return 'neutral';
    case 'registration_open':
      return 'open';
    case 'registration_closed':
      return 'closed';
    case 'matched':
      return 'done';
    case 'completed':
    case 'cancelled':
      return 'muted';
  }
}

const MODE_KEYS: Record<MatchModeName, { label: MessageKey; hint: MessageKey }> = {
  'single-loop': { label: 'parts.mode.singleLoop', hint: 'parts.mode.singleLoopHint' },
  'no-mutual': { label: 'parts.mode.noMutual', hint: 'parts.mode.noMutualHint' },
  any: { label: 'parts.mode.any', hint: 'parts.mode.anyHint' },
};

export function modeLabel(mode: MatchModeName, t: Translator = currentT()): string {
  return t.t(MODE_KEYS[mode].label);
}

export function modeHint(mode: MatchModeName, t: Translator = currentT()): string {
  return t.t(MODE_KEYS[mode].hint);
}

export type JobName = (typeof JOB_NAME_LIST)[number];

const JOB_KEYS: Record<JobName, MessageKey> = {
  reminders: 'parts.job.reminders',
  'auto-complete': 'parts.job.autoComplete',
  'data-purge': 'parts.job.dataPurge',
  'token-cleanup': 'parts.job.tokenCleanup',
  'session-cleanup': 'parts.job.sessionCleanup',
  'rate-limit-cleanup': 'parts.job.rateLimitCleanup',
  'registration-close': 'parts.job.registrationClose',
  'signup-digest': 'parts.job.signupDigest',
};

export const JOB_NAMES = Object.keys(JOB_KEYS) as JobName[];

export function jobLabel(job: string, t: Translator = currentT()): string {
  const key = (JOB_KEYS as Record<string, MessageKey>)[job];
  return key ? t.t(key) : job;
}

/**
 * In the upcoming lists an exchange's own jobs are what happens to it: its date, the deletion of
 * its data; the same job names for housekeeping keep their job labels.
 */
export function upcomingLabel(job: { job: string; group: 'exchange' | 'maintenance' }, t: Translator = currentT()): string {
  if (job.group === 'exchange' && job.job === 'auto-complete') return t.t('parts.job.exchangeDay');
  if (job.group === 'exchange' && job.job === 'data-purge') return t.t('parts.job.dataDeleted');
  return jobLabel(job.job, t);
}

/**
 * A wall-clock local time as the core sends it (`2026-12-24T18:00`, already in the exchange's
 * zone), written out for people: "Thursday, 24 December 2026, 18:00". No zone conversion happens
 * here: the wall clock is read as UTC and written in UTC.
 */
export function formatLocal(local: string, t: Translator = currentT()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return local;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const instant = Date.UTC(y, mo - 1, d, h, mi);
  return t.t('parts.format.localDateTime', { date: t.date(instant, 'UTC'), time: t.time(instant, 'UTC') });
}

function computerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** An instant (epoch ms) in the given zone, or the computer's: "24 Dec 2026, 18:00". */
export function formatInstant(ms: number, timeZone?: string, t: Translator = currentT()): string {
  return t.shortDateTime(ms, timeZone ?? computerZone());
}

const DAY = 86_400_000;
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number, number]> = [
  ['year', 365 * DAY, 730 * DAY],
  ['month', 30 * DAY, 60 * DAY],
  ['day', DAY, DAY],
  ['hour', 3_600_000, 3_600_000],
  ['minute', 60_000, 60_000],
];

/** "in 3 days", "2 hours ago", "now": for due times and run times. */
export function relativeTime(ms: number, now: number, t: Translator = currentT()): string {
  const diff = ms - now;
  for (const [unit, size, from] of UNITS) {
    if (Math.abs(diff) >= from) return t.intl.formatRelativeTime(Math.round(diff / size), unit, { numeric: 'auto' });
  }
  return diff > 0 ? t.t('parts.format.inUnderAMinute') : t.t('parts.format.justNow');
}

export function formatBudget(budget: { amount: string; currency: string } | null, t: Translator = currentT()): string {
  return budget ? t.money(budget) : t.t('parts.format.noBudget');
}
