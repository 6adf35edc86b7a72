import { z } from 'zod';
import { Id } from './common';
import { say } from './say';

/**
 * Ways in for people without email (issue #18): the in-person "table" draw and printed cards.
 * Neither view ever names a giftee, except a full card, which needs `confirm: true` and is
 * recorded like every other look behind the curtain.
 */

export const TablePersonView = z.object({ id: Id, name: z.string(), looked: z.boolean() });

export const TableDrawStatusView = z.object({
  /** A table link was made and has not expired or been closed. */
  open: z.boolean(),
  expiresAt: z.number().nullable(),
  /** The people who learn their giftee at the table, and whether they have looked. */
  people: z.array(TablePersonView),
});

export const CARD_STYLES = ['full', 'name-qr'] as const;
export const CardStyle = z.enum(CARD_STYLES, { error: say('error.contract.cardStyle') });

export const PrintCardsInput = z.object({
  exchangeId: Id,
  participantIds: z.array(Id).min(1, say('error.contract.cardsNone')).max(500, say('error.contract.cardsTooMany')),
  /** full: the giftee under a fold (a recorded look); name-qr: only the name and the QR code. */
  style: CardStyle,
  confirm: z.boolean().default(false),
});

export const CardView = z.object({
  participantId: Id,
  name: z.string(),
  /** Their own page: a link that keeps working (it is their way in without email). */
  url: z.string(),
  qrSvg: z.string(),
  /** Only on a full card (empty on a name-and-QR card): every giftee, several with several each. */
  giftees: z.array(z.object({ name: z.string(), giftIdeas: z.string() })),
});

export const PrintedCardsView = z.object({ style: CardStyle, cards: z.array(CardView) });

export const CardRecordView = z.object({
  participantId: Id,
  name: z.string(),
  style: CardStyle,
  printedAt: z.number(),
  /** A latecomer or a withdrawal changed this person's giftee after the card was printed. */
  replaced: z.boolean(),
});

export const CardsStatusView = z.object({
  cards: z.array(CardRecordView),
  /** Names of people whose full card shows an old giftee: print theirs again. */
  toReprint: z.array(z.string()),
});
