import type { z } from 'zod';
import type { WorkProgress } from '../contract/events';
import type { JobNameSchema, UpcomingJobView } from '../contract/jobs';
import { humanDue } from '../core/schedule/human-due';
import { INTL_LOCALE, translator, type Locale, type MessageKey, type Translator } from '../i18n';
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
  checked: boolean;
}

export interface TrayMenuInput {
  /** Soonest first; null when they could not be read (the menu says so instead of "none"). */
  upcoming: readonly UpcomingJob[] | null;
  now: number;
  /** The organizer's language: the menu's words and its relative times. */
  locale: Locale;
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

const JOB_LABELS: Record<z.output<typeof JobNameSchema>, MessageKey> = {
  reminders: 'shell.job.reminders',
  'auto-complete': 'shell.job.autoComplete',
  'data-purge': 'shell.job.dataPurge',
  'token-cleanup': 'shell.job.tokenCleanup',
  'session-cleanup': 'shell.job.sessionCleanup',
  'rate-limit-cleanup': 'shell.job.rateLimitCleanup',
  'registration-close': 'shell.job.registrationClose',
  'signup-digest': 'shell.job.signupDigest',
};

/** For an exchange, the same jobs are what happens to it: its date, the deletion of its data. */
const EXCHANGE_JOB_LABELS: Partial<Record<z.output<typeof JobNameSchema>, MessageKey>> = {
  'auto-complete': 'shell.job.exchangeDay',
  'data-purge': 'shell.job.dataDeleted',
};

const TOGGLE_LABELS: Record<PreferenceToggle, MessageKey> = {
  notifyRegistrations: 'shell.toggle.notifyRegistrations',
  notifyDraws: 'shell.toggle.notifyDraws',
  notifyFailures: 'shell.toggle.notifyFailures',
  openAtLogin: 'shell.toggle.openAtLogin',
};
const MAX_NAME = 40;
const SEPARATOR: TrayItem = { label: '', enabled: false, separator: true };

/** "Reminder · Family 2026 · in 3 days", "Token cleanup · in 20 minutes": a list of facts, not a sentence. */
export function jobLine(job: UpcomingJob, now: number, locale: Locale, timezone: string): string {
  const t = translator(locale);
  const name = job.exchangeName ? shorten(job.exchangeName.trim(), MAX_NAME) : null;
  // Past due: it runs at the next wake (at most a minute away), so "due now", not an alarm.
  const when = humanDue(job.dueAt, now, INTL_LOCALE[locale], timezone, t.t('shell.job.dueNow'));
  const key = (job.group === 'exchange' ? EXCHANGE_JOB_LABELS[job.job] : undefined) ?? JOB_LABELS[job.job];
  const label = key ? t.t(key) : job.job;
  return [label, name, when].filter(Boolean).join(' · ');
}

/** The tray menu as data: upcoming jobs in words, then the commands. Pure, so it is unit tested. */
export function trayMenuModel(input: TrayMenuInput): TrayItem[] {
  const t = translator(input.locale);
  const items: TrayItem[] = [...attention(input, t), { label: t.t('shell.tray.upcoming'), enabled: false }];
  const max = input.maxJobs ?? 5;
  if (input.upcoming === null) {
    items.push({ label: t.t('shell.tray.upcomingUnavailable'), enabled: false });
  } else if (input.upcoming.length === 0) {
    items.push({ label: t.t('shell.tray.noUpcoming'), enabled: false });
  } else {
    const jobs = organizerFirst(input.upcoming);
    let maintenanceShown = false;
    for (const job of jobs.slice(0, max)) {
      // A heading, not a job: it does not take one of the five lines.
      if (job.group === 'maintenance' && !maintenanceShown) {
        items.push({ label: t.t('shell.tray.maintenance'), enabled: false });
        maintenanceShown = true;
      }
      items.push({ label: jobLine(job, input.now, input.locale, input.timezone), enabled: true, action: 'open' });
    }
    if (jobs.length > max) items.push({ label: t.t('shell.tray.moreJobs'), enabled: true, action: 'open' });
  }
  items.push(
    SEPARATOR,
    { label: t.t('shell.tray.open'), enabled: true, action: 'open' },
    { label: t.t('shell.tray.runDue'), enabled: true, action: 'run-due' },
    input.paused ? { label: t.t('shell.tray.resume'), enabled: true, action: 'resume-sending' } : { label: t.t('shell.tray.pause'), enabled: true, action: 'pause-sending' },
  );
  if (input.toggles && input.toggles.length > 0) {
    items.push(SEPARATOR);
    for (const toggle of input.toggles) {
      items.push({ label: t.t(TOGGLE_LABELS[toggle.key]), enabled: true, checked: toggle.checked, action: `toggle:${toggle.key}` });
    }
  }
  items.push(SEPARATOR, { label: t.t('shell.tray.quit'), enabled: true, action: 'quit' });
  return items;
}

/** Failed emails and the outbox's notices lead the menu: they wait for the organizer. */
function attention(input: TrayMenuInput, t: Translator): TrayItem[] {
  const lines = [...(input.failed ? [t.t('shell.tray.failed', { count: input.failed })] : []), ...(input.notices ?? []).map((notice) => shorten(notice, 80))];
  if (lines.length === 0) return [];
  return [{ label: t.t('shell.tray.attention'), enabled: false }, ...lines.map((label): TrayItem => ({ label, enabled: true, action: 'open' })), SEPARATOR];
}

/**
 * The icon's tooltip: what is running now (it says why the app is busy), else the next job; and
 * whether sending is paused. Windows cuts at 127 characters.
 */
export function trayTooltip(input: TrayMenuInput): string {
  const next = input.upcoming && input.upcoming.length > 0 ? organizerFirst(input.upcoming)[0] : undefined;
  const t = translator(input.locale);
  const working = (input.working ?? []).filter((w) => !w.finished);
  // Separate facts, each a whole message, joined by dashes (a tooltip, not a sentence).
  const parts = ['Sneaky Klaus'];
  if (working.length > 0) parts.push(t.list(working.map((w) => workLine(w, input.locale))));
  else parts.push(next ? t.t('shell.tooltip.next', { job: jobLine(next, input.now, input.locale, input.timezone) }) : t.t('shell.tooltip.noUpcoming'));
  if (input.failed) parts.push(t.t('shell.tray.failed', { count: input.failed }));
  if (input.paused) parts.push(t.t('shell.tooltip.paused'));
  return shorten(parts.join(' — '), 127);
}

/** "importing 10,000 people: 4,200 added", "drawing names: 4,200 of 10,000 pairs written". */
export function workLine(work: WorkProgress, locale: Locale = 'en'): string {
  const t = translator(locale);
  const known = work.total > 0;
  const values = { done: t.number(work.done), total: t.number(work.total), count: work.total };
  switch (work.kind) {
    case 'draw':
      return known ? t.t('shell.work.draw', values) : t.t('shell.work.drawUnknown');
    case 'import':
      if (!known) return t.t('shell.work.importUnknown');
      return work.done === 0 ? t.t('shell.work.importChecking', values) : t.t('shell.work.importAdding', values);
    case 'match-mail':
      return known ? t.t('shell.work.matchMail', values) : t.t('shell.work.matchMailUnknown');
    case 'catch-up':
      return t.t('shell.work.catchUp');
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
