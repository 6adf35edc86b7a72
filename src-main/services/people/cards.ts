import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { DomainError } from '../../core/errors';
import { qrSvg } from '../../core/qr';
import type { Participant } from '../../core/types';
import { getExchange } from '../../db/repos/exchanges';
import { findReceiversOf, gifteesKey } from '../../db/repos/matches';
import { findParticipant, listParticipants } from '../../db/repos/participants';
import { insertPrintedCard, listPrintedCards, settleEarlierCards } from '../../db/repos/printed-cards';
import type { Deps } from '../common/deps';
import { issueToken } from '../common/tokens';
import { links } from '../network/links';
import { recordOrganizerAccess, requireConfirmation } from '../organizer/break-glass';

type Printed = OperationOutput<'cards.print'>;

/**
 * Printed cards (issue #18): one folded card per chosen person, with a QR code of a link to their
 * own page that keeps working (their way in without email). A new card replaces the person's
 * earlier card link. The full style shows the giftee under a fold, so it is a recorded look, like
 * the personal link: confirmed, written to organizer_access, and the person is told.
 */
export async function printCards(deps: Deps, input: ParsedInput<'cards.print'>): Promise<Printed> {
  const full = input.style === 'full';
  const rows = deps.db.transaction(() => {
    const exchange = getExchange(deps.db, input.exchangeId);
    if (exchange.state === 'cancelled' || exchange.state === 'completed') throw new DomainError('invalid_state', { key: 'error.cards.over' });
    if (full && exchange.state !== 'matched') throw new DomainError('invalid_state', { key: 'error.cards.notDrawn' });
    const people = [...new Set(input.participantIds)].map((id) => {
      const person = findParticipant(deps.db, id);
      if (!person || person.exchangeId !== exchange.id) throw new DomainError('not_found', { key: 'error.cards.stranger' });
      if (person.withdrawnAt !== null) throw new DomainError('invalid_state', { key: 'error.cards.left', values: { name: person.name } });
      // A name-and-QR card is an unrecorded way into the person's page: only for someone without
      // email, whose way in it is. Anyone else gets their link by email, or a full card (recorded).
      if (!full && person.email !== '') {
        throw new DomainError('invalid_state', { key: 'error.cards.hasEmail', values: { name: person.name } });
      }
      return person;
    });
    if (full) {
      const names = people.map((p) => p.name).join(', ');
      requireConfirmation(input.confirm, { key: 'error.confirm.fullCards', values: { names, count: people.length } });
    }
    const now = deps.clock.now();
    return people.map((person) => {
      // Every giftee, in round order (several with several giftees each).
      const giftees = full ? findReceiversOf(deps.db, exchange.id, person.id).flatMap((id) => findParticipant(deps.db, id) ?? []) : [];
      if (full) recordOrganizerAccess(deps, exchange, 'printed-card', person);
      settleEarlierCards(deps.db, exchange.id, person.id);
      insertPrintedCard(deps.db, exchange.id, { participantId: person.id, style: input.style, giftees: full ? gifteesKey(deps.db, exchange.id, person.id) : null, printedAt: now });
      return { person, giftees, url: links.auth(deps, issueToken(deps, person.id, 'card')) };
    });
  });
  deps.events.emit({ type: 'participants.changed', exchangeId: input.exchangeId });
  const cards = await Promise.all(
    rows.map(async ({ person, giftees, url }) => ({
      participantId: person.id,
      name: person.name,
      url,
      qrSvg: await qrSvg(url, `QR code of ${person.name}'s page`),
      giftees: giftees.map((g) => ({ name: g.name, giftIdeas: g.giftIdeas })),
    })),
  );
  return { style: input.style, cards };
}

/** What was printed, and whose full card now shows an old giftee (a latecomer or a withdrawal changed it). */
export function cardsStatus(deps: Deps, exchangeId: number): OperationOutput<'cards.status'> {
  getExchange(deps.db, exchangeId);
  const people = new Map<number, Participant>(listParticipants(deps.db, exchangeId).map((p) => [p.id, p]));
  const cards = listPrintedCards(deps.db, exchangeId).flatMap((card) => {
    const person = people.get(card.participantId);
    return person ? [{ participantId: card.participantId, name: person.name, style: card.style, printedAt: card.printedAt, replaced: card.replacedAt !== null }] : [];
  });
  const toReprint = [...new Set(cards.filter((c) => c.replaced && people.get(c.participantId)?.withdrawnAt === null).map((c) => c.name))];
  return { cards, toReprint };
}
