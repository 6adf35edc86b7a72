import type { z } from 'zod';
import type { WorkProgress } from '../contract/events';
import type { JobNameSchema, UpcomingJobView } from '../contract/jobs';
import { humanDue } from '../core/schedule/human-due';
import type { PreferenceToggle } from './preferences';

export type UpcomingJob = z.output<typeof UpcomingJobView>;

export type TrayAction = 'open' | 'run-due' | 'pause-sending' | 'resume-sending' | 'quit' | `toggle:${PreferenceToggle}`;

/** One plain menu entry; the adapter (tray.ts) turns these into Electron menu items. */
export interface TrayItem {
  label: string;
  enabled: boolean;
  action?: TrayAction;
  /** Set for check-box entries (notification switches, open at login). */
  checked?: boolean;
  separator?: true;
}

export interface TrayToggle {
  key: PreferenceToggle;
  label: string;
  checked: boolean;
}

export interface TrayMenuInput {
  /** Soonest first; null when they could not be read (the menu says so instead of "none"). */
  upcoming: readonly UpcomingJob[] | null;
  now: number;
  locale: string;
  /** The computer's zone: "tomorrow" means the organizer's tomorrow. */
  timezone: string;
  /** Outbox sending paused. */
  paused: boolean;
  /** What the organizer must see even without mail (a planned deletion, links that moved). */
  notices?: readonly string[];
  /** Emails that could not be delivered and wait for the organizer. */
  failed?: number;
  toggles?: readonly TrayToggle[];
  /** Long operations running now (draw, import, queueing emails, catch-up), oldest first. */
  working?: readonly WorkProgress[];
  maxJobs?: number;
}

const JOB_LABELS: Record<z.output<typeof JobNameSchema>, string> = {
  reminders: 'Reminder',
  'auto-complete': 'Auto-complete',
  'data-purge': 'Data purge',
  'token-cleanup': 'Token cleanup',
  'session-cleanup': 'Session cleanup',
  'rate-limit-cleanup': 'Rate-limit cleanup',
  'registration-close': 'Registration closes',
  'signup-digest': 'Sign-up digest',
};

/** For an exchange, the same jobs are what happens to it: its date, the deletion of its data. */
const EXCHANGE_JOB_LABELS: Partial<Record<z.output<typeof JobNameSchema>, string>> = {
  'auto-complete': 'Exchange day',
  'data-purge': 'Data deleted',
};

/** Past due: it runs at the next wake (at most a minute away), so "due now", not an alarm. */
const PAST_DUE = 'due now';
const MAX_NAME = 40;
const SEPARATOR: TrayItem = { label: '', enabled: false, separator: true };

/** "Reminder · Family 2026 · in 3 days", "Token cleanup · in 20 minutes". */
export function jobLine(job: UpcomingJob, now: number, locale: string, timezone: string): string {
  const name = job.exchangeName ? shorten(job.exchangeName.trim(), MAX_NAME) : null;
  const when = humanDue(job.dueAt, now, locale, timezone, PAST_DUE);
  const label = (job.group === 'exchange' ? EXCHANGE_JOB_LABELS[job.job] : undefined) ?? JOB_LABELS[job.job] ?? job.job;
  return [label, name, when].filter(Boolean).join(' · ');
}

/** The tray menu as data: upcoming jobs in words, then the commands. Pure, so it is unit tested. */
export function trayMenuModel(input: TrayMenuInput): TrayItem[] {
  const items: TrayItem[] = [...attention(input), { label: 'Upcoming jobs', enabled: false }];
  const max = input.maxJobs ?? 5;
  if (input.upcoming === null) {
    items.push({ label: 'Upcoming jobs are not available right now', enabled: false });
  } else if (input.upcoming.length === 0) {
    items.push({ label: 'No upcoming jobs', enabled: false });
  } else {
    const jobs = organizerFirst(input.upcoming);
    let maintenanceShown = false;
    for (const job of jobs.slice(0, max)) {
      // A heading, not a job: it does not take one of the five lines.
      if (job.group === 'maintenance' && !maintenanceShown) {
        items.push({ label: 'Maintenance', enabled: false });
        maintenanceShown = true;
      }
      items.push({ label: jobLine(job, input.now, input.locale, input.timezone), enabled: true, action: 'open' });
    }
    if (jobs.length > max) items.push({ label: 'More in the Jobs screen…', enabled: true, action: 'open' });
  }
  items.push(
    SEPARATOR,
    { label: 'Open Sneaky Klaus', enabled: true, action: 'open' },
    { label: 'Run due jobs now', enabled: true, action: 'run-due' },
    input.paused ? { label: 'Resume sending', enabled: true, action: 'resume-sending' } : { label: 'Pause sending', enabled: true, action: 'pause-sending' },
  );
  if (input.toggles && input.toggles.length > 0) {
    items.push(SEPARATOR);
    for (const toggle of input.toggles) {
      items.push({ label: toggle.label, enabled: true, checked: toggle.checked, action: `toggle:${toggle.key}` });
    }
  }
  items.push(SEPARATOR, { label: 'Quit Sneaky Klaus', enabled: true, action: 'quit' });
  return items;
}

/** Failed emails and the outbox's notices lead the menu: they wait for the organizer. */
function attention(input: TrayMenuInput): TrayItem[] {
  const lines = [...(input.failed ? [failedLine(input.failed)] : []), ...(input.notices ?? []).map((notice) => shorten(notice, 80))];
  if (lines.length === 0) return [];
  return [{ label: 'Needs your attention', enabled: false }, ...lines.map((label): TrayItem => ({ label, enabled: true, action: 'open' })), SEPARATOR];
}

const failedLine = (n: number) => (n === 1 ? '1 email could not be delivered' : `${n} emails could not be delivered`);

/**
 * The icon's tooltip: what is running now (it says why the app is busy), else the next job; and
 * whether sending is paused. Windows cuts at 127 characters.
 */
export function trayTooltip(input: TrayMenuInput): string {
  const next = input.upcoming && input.upcoming.length > 0 ? organizerFirst(input.upcoming)[0] : undefined;
  const working = (input.working ?? []).filter((w) => !w.finished);
  const parts = ['Sneaky Klaus'];
  if (working.length > 0) parts.push(working.map(workLine).join(', '));
  else parts.push(next ? `next: ${jobLine(next, input.now, input.locale, input.timezone)}` : 'no upcoming jobs');
  if (input.failed) parts.push(failedLine(input.failed));
  if (input.paused) parts.push('sending paused');
  return shorten(parts.join(' — '), 127);
}

const count = (n: number) => n.toLocaleString('en');

/** "importing 10,000 people: 4,200 added", "drawing names: 4,200 of 10,000 pairs written". */
export function workLine(work: WorkProgress): string {
  const known = work.total > 0;
  switch (work.kind) {
    case 'draw':
      return known ? `drawing names: ${count(work.done)} of ${count(work.total)} pairs written` : 'drawing names…';
    case 'import':
      if (!known) return 'importing…';
      return work.done === 0 ? `importing ${count(work.total)} people: checking the rows` : `importing ${count(work.total)} people: ${count(work.done)} added`;
    case 'match-mail':
      return known ? `queueing match emails: ${count(work.done)} of ${count(work.total)}` : 'queueing match emails…';
    case 'catch-up':
      return 'running due jobs…';
  }
}

/**
 * What the organizer cares about (reminders, registration closing, the exchange, the deletion of
 * its data) before the housekeeping, each soonest first: an hourly cleanup is always sooner than
 * tomorrow's reminder, and must not push it out of the five lines the tray shows.
 */
function organizerFirst(jobs: readonly UpcomingJob[]): UpcomingJob[] {
  const rank = (job: UpcomingJob) => (job.group === 'maintenance' ? 1 : 0);
  return [...jobs].sort((a, b) => rank(a) - rank(b) || a.dueAt - b.dueAt);
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The menu's own words are English, so its relative times are too ("in 3 days", not "in 3 Tagen"). */
export function trayLocale(systemLocale: string): string {
  return /^en(-|$)/i.test(systemLocale) ? systemLocale : 'en';
}
