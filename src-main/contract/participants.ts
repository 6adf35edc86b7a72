import { z } from 'zod';
import { EmailInput, GiftIdeas, Id, LocaleSchema, PersonName } from './common';
import { say } from './say';

/**
 * How a participant learns their giftee: the match email, a printed card, the in-person (table)
 * draw, or another participant who is emailed a sealed link to pass on (`deliveredBy`). Only
 * `email` needs an address of their own (issue #18).
 */
export const DELIVERIES = ['email', 'card', 'in_person', 'delivered'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const DeliverySchema = z.enum(DELIVERIES, { error: say('error.contract.delivery') });

const fields = {
  name: PersonName,
  email: EmailInput,
  delivery: DeliverySchema,
  /** For `delivered`: the participant who passes the link on; null otherwise. */
  deliveredBy: Id.nullable(),
  /** Their own language for pages and emails; null = the exchange's. */
  locale: LocaleSchema.nullable(),
  giftIdeas: GiftIdeas,
  remindersEnabled: z.boolean(),
  isOrganizer: z.boolean(),
};

export const AddParticipantInput = z.object({
  exchangeId: Id,
  ...fields,
  /** Empty for someone without email (then `delivery` says how they learn their giftee). */
  email: EmailInput.default(''),
  delivery: DeliverySchema.default('email'),
  deliveredBy: Id.nullable().default(null),
  locale: LocaleSchema.nullable().default(null),
  giftIdeas: GiftIdeas.default(''),
  remindersEnabled: z.boolean().default(true),
  isOrganizer: z.boolean().default(false),
});

export const UpdateParticipantInput = z.object({
  participantId: Id,
  patch: z.object(fields).partial(),
});

export const ParticipantRef = z.object({ participantId: Id });

/**
 * A personal link lets whoever holds it see the participant's page, their giftee included: it is
 * a break-glass (recorded, and the participant is told), so it needs `confirm: true`.
 */
export const PersonalLinkInput = z.object({
  participantId: Id,
  confirm: z.boolean().default(false),
});

/**
 * "Invite these people": a welcome email with their personal link, so people the organizer added
 * or imported can add gift ideas before the draw. Without `participantId`, everyone not invited
 * yet (nobody who got a welcome or signed up themselves); with it, that one person, again if asked.
 */
export const InviteInput = z.object({
  exchangeId: Id,
  participantId: Id.optional(),
  /** Made once per press of the button: the same request twice (a double click, a retry) sends once. */
  requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, say('error.contract.requestId')),
});

export const InviteView = z.object({
  /** Welcome emails this request queued (a repeat of the same request answers the same). */
  invited: z.number(),
  /** People left out because they were invited before or signed up themselves. */
  alreadyInvited: z.number(),
  participantIds: z.array(Id),
  /** False: the emails wait in the outbox as previews until mail is set up. */
  smtpConfigured: z.boolean(),
});

/** How a participant got (or did not get) their first email with a link. */
export const INVITATION_STATES = ['registered', 'invited', 'none'] as const;

/** The organizer's view of a participant. Never says whom they drew. */
export const ParticipantView = z.object({
  id: Id,
  exchangeId: Id,
  name: z.string(),
  /** '' for someone without email. */
  email: z.string(),
  delivery: DeliverySchema,
  deliveredBy: Id.nullable(),
  /** Their own language; null = the exchange's. */
  locale: LocaleSchema.nullable(),
  giftIdeas: z.string(),
  remindersEnabled: z.boolean(),
  isOrganizer: z.boolean(),
  emailConfirmed: z.boolean(),
  assignmentViewed: z.boolean(),
  withdrawn: z.boolean(),
  householdId: z.number().nullable(),
  /** Others of the exchange at the same address (a family sharing one), by name. */
  sharesAddressWith: z.array(z.string()),
  createdAt: z.number(),
  /** registered: signed up with the invite link; invited: a welcome email was queued or sent; none: nothing yet. */
  invitation: z.enum(INVITATION_STATES),
  /** They gave a postal address for their Santa. Only yes or no: the address is never sent to the organizer. */
  addressGiven: z.boolean(),
});
