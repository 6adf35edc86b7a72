import { z } from 'zod';
import { DrawMethodSchema, Id, MatchMode } from './common';
import { ExchangeView } from './exchanges';
import { say } from './say';

export const DrawCheckInput = z.object({ exchangeId: Id, mode: MatchMode.optional() });

/** Live feasibility for the rules editor; names the people causing trouble, never a pair. */
export const DrawCheckView = z.object({
  feasible: z.boolean(),
  mode: MatchMode,
  /** Modes in which a draw is possible with the current rules. */
  feasibleModes: z.array(MatchMode),
  /** A sentence naming the people who make the chosen mode impossible. */
  reason: z.string().nullable(),
  participantIds: z.array(Id),
  participantCount: z.number(),
});

export const DrawInput = z.object({ exchangeId: Id, mode: MatchMode.optional() });
export const DrawView = z.object({
  exchange: ExchangeView,
  participantCount: z.number(),
  emailsQueued: z.number(),
  /** How the draw was sampled (exact-rejection, exact-count, markov-chain): see docs/matching.md. */
  method: DrawMethodSchema,
  /** Sentences for the organizer, e.g. a must-draw pair that repeats a pair of an earlier exchange. */
  notes: z.array(z.string()),
});

export const UndoDrawInput = z.object({
  exchangeId: Id,
  /** Needed once anyone has been told whom they drew. */
  confirm: z.boolean().default(false),
});

export const RedrawInput = z.object({
  exchangeId: Id,
  mode: MatchMode.optional(),
  confirm: z.literal(true, { error: say('error.contract.confirmRedraw') }),
});

export const RevealInput = z.object({
  exchangeId: Id,
  confirm: z.literal(true, { error: say('error.contract.confirmReveal') }),
});
export const RevealView = z.object({
  revealedAt: z.number(),
  pairs: z.array(z.object({ giverId: Id, giverName: z.string(), receiverId: Id, receiverName: z.string() })),
});

/** After a late change: how many givers got a new giftee. A count only: the ids would name the removed person's Santa. */
export const SpliceView = z.object({ changedCount: z.number(), emailsQueued: z.number() });
