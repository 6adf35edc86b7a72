import { z } from 'zod';
import { LOCALES } from '../i18n/locales';
import { say } from './say';
import { DRAW_METHODS, EXCHANGE_STATES, LIMITS, MATCH_MODES, normalisePersonName } from './values';

export { DRAW_METHODS, EXCHANGE_STATES, LIMITS, MATCH_MODES, normalisePersonName, personKey } from './values';

/** Shared field schemas. Messages are written for the organizer, not for developers. */
export const Id = z
  .number({ error: say('error.contract.id') })
  .int()
  .positive();

export const MatchMode = z.enum(MATCH_MODES, { error: say('error.contract.matchMode') });

export const DrawMethodSchema = z.enum(DRAW_METHODS);

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
