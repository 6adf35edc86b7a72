import { z } from 'zod';
import { Budget, DrawMethodSchema, ExchangeStateSchema, Id, LocalDateTime, LocaleSchema, MatchMode, ReminderDays, TimeZone } from './common';
import { say } from './say';
import { EXCHANGE_FIELDS, type ExchangeField } from './values';

const Name = z
  .string({ error: say('error.contract.exchangeName') })
  .trim()
  .min(1, say('error.contract.exchangeName'))
  .max(120, say('error.contract.exchangeNameLong'));

const fields = {
  name: Name,
  description: z.string().max(4000, say('error.contract.descriptionLong')),
  location: z.string().trim().max(300, say('error.contract.locationLong')),
  budget: Budget.nullable(),
  maxParticipants: z.number().int().min(2, say('error.contract.maxParticipantsMin')).max(10_000, say('error.contract.maxParticipantsMax')).nullable(),
  /** Local date-time in `timezone`; null = no deadline. */
  registrationDeadline: LocalDateTime.nullable(),
  /** Local date-time in `timezone`. */
  exchangeAt: LocalDateTime,
  timezone: TimeZone,
  reminderDays: ReminderDays,
  matchMode: MatchMode,
  /** Giftees per person: everyone gives this many gifts and receives this many, never the same pair twice. */
  giftsPerPerson: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: say('error.contract.giftsPerPerson') }),
  /**
   * Avoid the pairs of this organizer's last N earlier exchanges with these people (from the pair
   * history, which outlives purged exchanges); 0 = off. Earlier means an earlier exchange date.
   */
  avoidPastExchanges: z
    .number({ error: say('error.contract.avoidPast') })
    .int(say('error.contract.avoidPastWhole'))
    .min(0, say('error.contract.avoidPastMin'))
    .max(10, say('error.contract.avoidPastMax')),
  previousExchangeId: Id.nullable(),
  /** When participants learn who their Santa was: never, once the exchange's date and time passed, or when the organizer presses "Reveal to everyone". */
  santaReveal: z.enum(['never', 'after_party', 'manual'], { error: say('error.contract.santaReveal') }),
  /** Also email each participant the name of their Santa when it is revealed. */
  santaRevealEmail: z.boolean({ error: say('error.contract.santaRevealEmail') }),
  /** The exchange's language: its pages, and emails to people who chose none of their own. */
  locale: LocaleSchema,
} satisfies Record<ExchangeField, z.ZodType>;

export { EXCHANGE_FIELDS, type ExchangeField } from './values';
export const ExchangeFieldSchema = z.enum(EXCHANGE_FIELDS);

export const CreateExchangeInput = z.object({
  ...fields,
  description: fields.description.default(''),
  location: fields.location.default(''),
  budget: fields.budget.default(null),
  maxParticipants: fields.maxParticipants.default(null),
  registrationDeadline: fields.registrationDeadline.default(null),
  timezone: TimeZone.optional(),
  reminderDays: fields.reminderDays.optional(),
  matchMode: fields.matchMode.default('single-loop'),
  giftsPerPerson: fields.giftsPerPerson.default(1),
  avoidPastExchanges: fields.avoidPastExchanges.default(0),
  previousExchangeId: fields.previousExchangeId.default(null),
  santaReveal: fields.santaReveal.default('never'),
  santaRevealEmail: fields.santaRevealEmail.default(false),
  /** Omitted: the organizer's language. */
  locale: fields.locale.optional(),
});

export const UpdateExchangeInput = z.object({
  exchangeId: Id,
  patch: z.object(fields).partial(),
});

export const ExchangeView = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  location: z.string(),
  budget: Budget.nullable(),
  maxParticipants: z.number().nullable(),
  registrationDeadline: z.string().nullable(),
  registrationDeadlineAt: z.number().nullable(),
  exchangeAt: z.string(),
  exchangeAtUtc: z.number(),
  timezone: z.string(),
  reminderDays: z.array(z.number()),
  matchMode: MatchMode,
  giftsPerPerson: z.number(),
  locale: LocaleSchema,
  avoidPastExchanges: z.number(),
  previousExchangeId: z.number().nullable(),
  inviteCode: z.string(),
  state: ExchangeStateSchema,
  allowedActions: z.array(z.string()),
  editable: z.array(z.enum(['details', 'schedule', 'matching', 'participants'])),
  /** Exactly the fields `exchanges.update` accepts now: the screens hold no copy of this policy. */
  editableFields: z.array(ExchangeFieldSchema),
  /** Why some fields are locked now (null when everything can change). */
  lockedReason: z.string().nullable(),
  participantCount: z.number(),
  drawnAt: z.number().nullable(),
  /** How the current draw was sampled; null until drawn. */
  drawMethod: DrawMethodSchema.nullable(),
  completedAt: z.number().nullable(),
  cancelledAt: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  santaReveal: fields.santaReveal,
  santaRevealEmail: z.boolean(),
  /** When participants' pages name their Santa (the organizer's press, or the party's date and time, maybe still ahead); null: not planned. */
  santasRevealedAt: z.number().nullable(),
});

export const ExchangeSummaryView = ExchangeView.pick({
  id: true,
  name: true,
  state: true,
  exchangeAt: true,
  exchangeAtUtc: true,
  timezone: true,
  participantCount: true,
});

export const TRANSITION_ACTIONS = ['open', 'unpublish', 'close', 'reopen', 'cancel'] as const;
export const TransitionInput = z.object({
  exchangeId: Id,
  action: z.enum(TRANSITION_ACTIONS, { error: say('error.contract.transition') }),
});

export const ExchangeRef = z.object({ exchangeId: Id });
