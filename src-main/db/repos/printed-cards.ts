import type { Db } from '../database';

export type CardStyle = 'full' | 'name-qr';

export interface PrintedCard {
  participantId: number;
  style: CardStyle;
  /** The giftees a full card shows (`gifteesKey`); null on a name-and-QR card. */
  giftees: string | null;
  printedAt: number;
  replacedAt: number | null;
}

export function insertPrintedCard(db: Db, exchangeId: number, card: Omit<PrintedCard, 'replacedAt'>): void {
  db.run(
    db.q.insertInto('printed_cards').values({
      exchange_id: exchangeId,
      participant_id: card.participantId,
      style: card.style,
      giftees: card.giftees,
      printed_at: card.printedAt,
    }),
  );
}

/** A fresh print of someone's card supersedes their earlier full cards (they are no longer "to reprint"). */
export function settleEarlierCards(db: Db, exchangeId: number, participantId: number): void {
  db.run(db.q.deleteFrom('printed_cards').where('exchange_id', '=', exchangeId).where('participant_id', '=', participantId).where('replaced_at', 'is not', null));
}

/**
 * Full cards of this giver that show other giftees than `current` (`gifteesKey`) are marked
 * replaced (a latecomer or a withdrawal changed the loop). Returns how many were marked.
 */
export function markCardsReplaced(db: Db, exchangeId: number, giverId: number, current: string | null, now: number): number {
  return db
    .prepared(`update printed_cards set replaced_at = ? where exchange_id = ? and participant_id = ? and style = 'full' and replaced_at is null and giftees is not ?`)
    .run(now, exchangeId, giverId, current).changes;
}

/** Every card of an exchange, newest first. */
export function listPrintedCards(db: Db, exchangeId: number): PrintedCard[] {
  return db
    .all(db.q.selectFrom('printed_cards').selectAll().where('exchange_id', '=', exchangeId).orderBy('printed_at', 'desc').orderBy('id', 'desc'))
    .map((row) => ({ participantId: row.participant_id, style: row.style as CardStyle, giftees: row.giftees, printedAt: row.printed_at, replacedAt: row.replaced_at }));
}
