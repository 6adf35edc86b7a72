/**
 * Every problem with an exchange form at once, before anything is sent. The core checks the same
 * things (its schema, then the schedule) but stops after the schema when that fails, so without
 * this a form with four mistakes took four rounds. The wording is the core's, so a message reads
 * the same whichever side found it; the core stays the authority and its answer is still shown.
 */
import type { Translator } from '@i18n';
import { currentT } from './i18n';

export interface ExchangeCheckInput {
  name: string;
  description: string;
  location: string;
  budgetAmount: string;
  budgetCurrency: string;
  maxParticipants: string;
  registrationDeadline: string;
  exchangeAt: string;
  timezone: string;
  reminderDays: string;
}

export type CheckGroup = 'details' | 'schedule';

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** Field → message for every problem found in the groups that can still change. */
export function exchangeProblems(
  values: ExchangeCheckInput,
  now: number,
  groups: readonly CheckGroup[] = ['details', 'schedule'],
  t: Translator = currentT(),
): Record<string, string> {
  return {
    ...(groups.includes('details') ? detailProblems(values, t) : {}),
    ...(groups.includes('schedule') ? scheduleProblems(values, now, t) : {}),
  };
}

function detailProblems(values: ExchangeCheckInput, t: Translator): Record<string, string> {
  const out: Record<string, string> = {};
  const name = values.name.trim();
  if (name === '') out.name = t.t('parts.check.nameMissing');
  else if (name.length > 120) out.name = t.t('parts.check.nameTooLong');
  if (values.location.trim().length > 300) out.location = t.t('parts.check.placeTooLong');
  if (values.description.length > 4000) out.description = t.t('parts.check.descriptionTooLong');
  const amount = values.budgetAmount.trim();
  if (amount !== '' && !/^\d{1,7}(\.\d{1,2})?$/.test(amount)) out.budgetAmount = t.t('parts.check.amount');
  if (amount !== '' && !/^[A-Z]{3}$/.test(values.budgetCurrency.trim().toUpperCase())) out.budgetCurrency = t.t('parts.check.currency');
  const max = values.maxParticipants.trim();
  if (max !== '' && !/^\d+$/.test(max)) out.maxParticipants = t.t('parts.check.maxWhole');
  else if (max !== '' && Number(max) < 2) out.maxParticipants = t.t('parts.check.maxAtLeast');
  else if (max !== '' && Number(max) > 10_000) out.maxParticipants = t.t('parts.check.maxAtMost', { max: t.number(10_000) });
  return out;
}

function scheduleProblems(values: ExchangeCheckInput, now: number, t: Translator): Record<string, string> {
  const out: Record<string, string> = {};
  const days = reminderDayProblem(values.reminderDays, t);
  if (days) out.reminderDays = days;
  const zoneOk = isTimeZone(values.timezone.trim());
  if (!zoneOk) out.timezone = values.timezone.trim() === '' ? t.t('parts.check.zoneMissing') : t.t('parts.check.zoneUnknown');
  const at = values.exchangeAt;
  const deadline = values.registrationDeadline;
  if (at === '') out.exchangeAt = t.t('parts.check.dateMissing');
  else if (!LOCAL.test(at)) out.exchangeAt = t.t('parts.check.dateFormat');
  if (deadline !== '' && !LOCAL.test(deadline)) out.registrationDeadline = t.t('parts.check.dateFormat');
  if (!zoneOk) return out;
  const current = localNow(now, values.timezone.trim());
  if (!out.exchangeAt && at.slice(0, 16) <= current) out.exchangeAt = t.t('parts.check.datePast');
  if (deadline !== '' && !out.registrationDeadline) {
    if (!out.exchangeAt && deadline.slice(0, 16) >= at.slice(0, 16)) out.registrationDeadline = t.t('parts.check.deadlineAfterDate');
    else if (deadline.slice(0, 16) <= current) out.registrationDeadline = t.t('parts.check.deadlinePast');
  }
  return out;
}

/** The reminder days as numbers (whatever separates them), for sending. */
export function parseReminderDays(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number);
}

function reminderDayProblem(text: string, t: Translator): string | null {
  const days = parseReminderDays(text);
  if (days.some((d) => !Number.isInteger(d))) return t.t('parts.check.daysWhole');
  if (days.some((d) => d < 1)) return t.t('parts.check.daysAtLeast');
  if (days.some((d) => d > 60)) return t.t('parts.check.daysAtMost');
  if (new Set(days).size > 10) return t.t('parts.check.daysTooMany');
  return null;
}

/** A zone name the core accepts: known to Intl, and a region name or UTC (not "EST" or "+02:00"). */
export function isTimeZone(zone: string): boolean {
  if (zone === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** The wall-clock time in `zone` at the instant `now`, as `YYYY-MM-DDTHH:mm` (compares as text). */
export function localNow(now: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(now));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** The computer's own zone for new exchanges, when the core would accept it; else the fallback. */
export function computerTimeZone(fallback: string): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : fallback;
}

/**
 * The zone a new exchange starts with: the organizer's chosen default, unless that is still the
 * core's untouched "UTC", in which case the computer's own zone (people rarely mean UTC).
 */
export function defaultTimeZone(settingsZone: string | undefined): string {
  return settingsZone && settingsZone !== 'UTC' ? settingsZone : computerTimeZone('UTC');
}
