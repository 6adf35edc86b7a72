import { z } from 'zod';

/**
 * The one source of field limits: the API, the participants' pages, the CSV import and the
 * organizer's screens all read these.
 */
export const LIMITS = { name: 100, email: 255, giftIdeas: 2000 } as const;

/** Shared field schemas. Messages are written for the organizer, not for developers. */
export const Id = z.number({ error: 'Expected an id (a whole number).' }).int().positive();

export const MATCH_MODES = ['single-loop', 'no-mutual', 'any'] as const;
export const MatchMode = z.enum(MATCH_MODES, { error: 'Choose one of: single-loop, no-mutual, any.' });

/** SPEC §2. `purged` is not a stored state: a purged exchange's rows are gone. */
export const EXCHANGE_STATES = ['draft', 'registration_open', 'registration_closed', 'matched', 'completed', 'cancelled'] as const;
export const ExchangeStateSchema = z.enum(EXCHANGE_STATES);

/** A wall-clock date and time in the exchange's timezone, as an <input type="datetime-local"> gives it. */
export const LocalDateTime = z
  .string({ error: 'Expected a date and time like 2026-12-19T18:00.' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Expected a date and time like 2026-12-19T18:00.');

export const TimeZone = z
  .string({ error: 'Expected a timezone like Europe/Berlin.' })
  .min(1, 'Choose a timezone.')
  .refine(isTimeZone, 'Unknown timezone; use a name like Europe/Berlin or America/New_York.');

export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code like EUR or USD.');

export const Budget = z.object({
  amount: z
    .string({ error: 'Expected an amount like 25 or 25.50.' })
    .trim()
    .regex(/^\d{1,7}(\.\d{1,2})?$/, 'Expected an amount like 25 or 25.50.'),
  currency: Currency,
});

export const ReminderDays = z
  .array(z.number().int('Reminder days are whole numbers.').min(1, 'Reminders are at least 1 day before.').max(60, 'Reminders are at most 60 days before.'))
  .max(10, 'At most 10 reminders.')
  .transform((days) => [...new Set(days)].sort((a, b) => b - a));

export const PersonName = z
  .string({ error: 'Enter a name.' })
  .trim()
  .min(1, 'Enter a name.')
  .max(LIMITS.name, `Names are at most ${LIMITS.name} characters.`)
  .refine((name) => !/[\r\n]/.test(name), 'A name fits on one line.');

/** Normalised and checked by the service (core/email), which gives the precise message. */
export const EmailInput = z.string({ error: 'Enter an email address.' }).max(320, 'That email address is too long.');

export const GiftIdeas = z.string().max(LIMITS.giftIdeas, `Gift ideas are at most ${LIMITS.giftIdeas} characters.`);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}
