import { z } from 'zod';
import { Id } from './common';

export const AddExclusionInput = z.object({
  exchangeId: Id,
  /** `pair`: neither draws the other. `one-way`: giver never draws receiver. */
  kind: z.enum(['pair', 'one-way'], { error: 'Choose pair or one-way.' }),
  giverId: Id,
  receiverId: Id,
});

export const AddMustDrawInput = z.object({ exchangeId: Id, giverId: Id, receiverId: Id });

export const HouseholdInput = z.object({
  exchangeId: Id,
  name: z.string().trim().min(1, 'Give the household a name.').max(100, 'At most 100 characters.'),
  memberIds: z.array(Id).min(2, 'A household has at least 2 members.').max(1000),
});

export const UpdateHouseholdInput = z.object({
  householdId: Id,
  name: HouseholdInput.shape.name.optional(),
  memberIds: HouseholdInput.shape.memberIds.optional(),
});

export const RuleRef = z.object({ id: Id });
export const HouseholdRef = z.object({ householdId: Id });

export const RulesView = z.object({
  exchangeId: Id,
  pairs: z.array(z.object({ id: Id, aId: Id, bId: Id })),
  oneWay: z.array(z.object({ id: Id, giverId: Id, receiverId: Id })),
  mustDraw: z.array(z.object({ id: Id, giverId: Id, receiverId: Id })),
  households: z.array(z.object({ id: Id, name: z.string(), memberIds: z.array(Id) })),
  avoidPastExchanges: z.number(),
  /** The earlier exchanges whose pairs a draw now avoids, newest first (names, or what is known of purged ones). */
  avoidedExchanges: z.array(z.string()),
});
