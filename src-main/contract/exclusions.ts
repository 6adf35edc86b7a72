import { z } from 'zod';
import { Id } from './common';
import { say } from './say';

export const AddExclusionInput = z.object({
  exchangeId: Id,
  /** `pair`: neither draws the other. `one-way`: giver never draws receiver. */
  kind: z.enum(['pair', 'one-way'], { error: say('error.contract.exclusionKind') }),
  giverId: Id,
  receiverId: Id,
});

export const AddMustDrawInput = z.object({ exchangeId: Id, giverId: Id, receiverId: Id });

export const HouseholdInput = z.object({
  exchangeId: Id,
  name: z.string().trim().min(1, say('error.contract.householdName')).max(100, say('error.contract.householdNameLong')),
  memberIds: z.array(Id).min(2, say('error.contract.householdMembers')).max(1000),
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
