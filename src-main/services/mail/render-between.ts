import { santaRevealed } from '../../core/santa-reveal';
import type { Exchange, Participant } from '../../core/types';
import { findMessage, pairsOf } from '../../db/repos/conversations';
import type { OutboxRow } from '../../db/repos/outbox';
import { findParticipant } from '../../db/repos/participants';
import { findPrivateAddress } from '../../db/repos/private-addresses';
import { newMessageEmail, santaRevealEmail, type RenderedEmail } from '../../mail/templates';
import type { Deps } from '../common/deps';
import { exchangeInfo, participantLocale } from './exchange-info';

type Rendering = { ok: true; email: RenderedEmail } | { ok: false; reason: string };
/** Their links are `notice` links: a fresh `match` link would revoke the one in the match email. */
type LinkMaker = (participantId: number, purpose: 'notice') => string;

/**
 * The two emails between a Santa and their giftee (services/between), rendered when sent:
 * a notice of a new message (which names nobody), and the reveal of one's Santa.
 * Returns null for any other kind.
 */
export function renderBetweenRow(deps: Deps, row: OutboxRow, s: { exchange: Exchange; person: Participant }, now: number, link: LinkMaker): Rendering | null {
  const withdraw = (reason: string): Rendering => ({ ok: false, reason });
  switch (row.kind) {
    case 'between-message': {
      const messageId = row.params['messageId'];
      const message = typeof messageId === 'number' ? findMessage(deps.db, messageId) : undefined;
      // A removed person's message ids are handed out again: the id may now name a message
      // between two others, which is not news for this row's person.
      const meantFor = message && (message.fromGiver ? message.conversation.receiverId : message.conversation.giverId);
      if (!message || meantFor !== row.participantId) return withdraw('the message is gone');
      if (message.conversation.endedAt !== null) return withdraw('the conversation ended: the pair changed');
      if (s.exchange.state !== 'matched') return withdraw('the exchange is not drawn any more');
      return { ok: true, email: newMessageEmail({ locale: participantLocale(s.exchange, s.person), exchange: exchangeInfo(s.exchange), link: link(s.person.id, 'notice') }) };
    }
    case 'santa-reveal': {
      if (!santaRevealed(s.exchange, now)) return withdraw('the Santas are not revealed (any more)');
      const santas = pairsOf(deps.db, s.exchange.id, s.person.id).givers.flatMap((id) => findParticipant(deps.db, id) ?? []);
      if (santas.length === 0) return withdraw('nobody gave to this person');
      return {
        ok: true,
        email: santaRevealEmail({
          locale: participantLocale(s.exchange, s.person),
          exchange: exchangeInfo(s.exchange),
          participantName: s.person.name,
          santaNames: santas.map((p) => p.name),
          link: link(s.person.id, 'notice'),
        }),
      };
    }
    default:
      return null;
  }
}

/** A giftee's postal address for their Santa's match email, only if they allowed it there. */
export function addressForMatchEmail(deps: Deps, receiverId: number): string | null {
  const found = findPrivateAddress(deps.db, receiverId);
  return found?.inMatchEmail ? found.address : null;
}
