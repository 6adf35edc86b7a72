import { z } from 'zod';
import { EmailInput, GiftIdeas, Id, PersonName } from './common';

const fields = {
  name: PersonName,
  email: EmailInput,
  giftIdeas: GiftIdeas,
  remindersEnabled: z.boolean(),
  isOrganizer: z.boolean(),
};

export const AddParticipantInput = z.object({
  exchangeId: Id,
  ...fields,
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

/** The organizer's view of a participant. Never says whom they drew. */
export const ParticipantView = z.object({
  id: Id,
  exchangeId: Id,
  name: z.string(),
  email: z.string(),
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
});
