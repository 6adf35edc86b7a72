import { z } from 'zod';
import { LOCALES } from '../i18n/locales';
import type { Text } from '../i18n/translate';
import { say } from './say';

/**
 * The one source of field limits: the API, the participants' pages, the CSV import and the
 * organizer's screens all read these.
 */
export const LIMITS = { name: 100, email: 255, giftIdeas: 2000 } as const;

/** Shared field schemas. Messages are written for the organizer, not for developers. */
export const Id = z
  .number({ error: say('error.contract.id') })
  .int()
  .positive();

export const MATCH_MODES = ['single-loop', 'no-mutual', 'any'] as const;
export const MatchMode = z.enum(MATCH_MODES, { error: say('error.contract.matchMode') });

/** How a draw was sampled (core/matching DrawMethod; docs/matching.md says what each guarantees). */
export const DRAW_METHODS = ['exact-rejection', 'exact-count', 'markov-chain', 'unmixed'] as const;
export const DrawMethodSchema = z.enum(DRAW_METHODS);

/** The exchange's life cycle. `purged` is not a stored state: a purged exchange's rows are gone. */
export const EXCHANGE_STATES = ['draft', 'registration_open', 'registration_closed', 'matched', 'completed', 'cancelled'] as const;
export const ExchangeStateSchema = z.enum(EXCHANGE_STATES);

/** A wall-clock date and time in the exchange's timezone, as an <input type="datetime-local"> gives it. */
export const LocalDateTime = z.string({ error: say('error.contract.localDateTime') }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, say('error.contract.localDateTime'));

export const TimeZone = z
  .string({ error: say('error.contract.timezone') })
  .min(1, say('error.contract.timezoneMissing'))
  .refine(isTimeZone, say('error.contract.timezoneUnknown'));

export const Currency = z.string().regex(/^[A-Z]{3}$/, say('error.contract.currency'));

export const Budget = z.object({
  amount: z
    .string({ error: say('error.contract.amount') })
    .trim()
    .regex(/^\d{1,7}(\.\d{1,2})?$/, say('error.contract.amount')),
  currency: Currency,
});

export const ReminderDays = z
  .array(z.number().int(say('error.contract.reminderWhole')).min(1, say('error.contract.reminderMin')).max(60, say('error.contract.reminderMax')))
  .max(10, say('error.contract.remindersTooMany'))
  .transform((days) => [...new Set(days)].sort((a, b) => b - a));

/**
 * Line breaks of every kind, other C0/C1 controls (NUL, U+0085…) and the bidirectional overrides
 * that make a name read differently from how it sorts. Names end up in emails, CSV files and
 * headers, where any of these can split or disguise a line.
 */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/u;
const UNSAFE_IN_NAME = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/**
 * The one rule for a person's name, wherever it enters (API and IPC through `PersonName`, the
 * registration form, the CSV import): NFC, trimmed, runs of spaces made one, and no control
 * characters. It lives in the contract because the contract may import nothing else; the core and
 * the services use it from here.
 */
export function normalisePersonName(raw: string): { ok: true; name: string } | { ok: false; text: Text } {
  // Far beyond any real name: refused before normalising so a huge input costs nothing.
  const tooLong: Text = { key: 'error.contract.nameLong', values: { max: LIMITS.name } };
  if (raw.length > LIMITS.name * 4) return { ok: false, text: tooLong };
  const trimmed = raw.normalize('NFC').trim();
  if (LINE_BREAK.test(trimmed)) return { ok: false, text: { key: 'error.contract.nameOneLine' } };
  if (UNSAFE_IN_NAME.test(trimmed)) return { ok: false, text: { key: 'error.contract.nameControl' } };
  const name = trimmed.replace(/\s+/gu, ' ');
  if (name.length === 0) return { ok: false, text: { key: 'error.contract.nameMissing' } };
  if (name.length > LIMITS.name) return { ok: false, text: tooLong };
  return { ok: true, name };
}

/**
 * One person in an exchange is a (name, address) pair: a family may share one address (issue #18).
 * Names compare without case, so "Mia" and "mia" at one address are the same person.
 */
export function personKey(name: string, email: string): string {
  return `${name.toLocaleLowerCase('en')}\u0000${email}`;
}

export const PersonName = z.string({ error: say('error.contract.nameMissing') }).transform((raw, ctx) => {
  const result = normalisePersonName(raw);
  if (result.ok) return result.name;
  ctx.addIssue({ code: 'custom', message: result.text.key, params: { ...result.text.values } });
  return z.NEVER;
});

/** Normalised and checked by the service (core/email), which gives the precise message. */
export const EmailInput = z.string({ error: say('error.contract.emailMissing') }).max(320, say('error.contract.emailTooLong'));

export const GiftIdeas = z.string().max(LIMITS.giftIdeas, say('error.contract.giftIdeasLong'));

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** One of the product's languages (src-main/i18n): a participant's, an exchange's, the organizer's. */
export const LocaleSchema = z.enum(LOCALES, { error: say('error.contract.locale') });
