import type { Exchange, Participant } from '../../core/types';
import { assignmentChangedEmail, drawDoneNotice, matchEmail, type ExchangeInfo } from '../../mail/templates';
import type { Deps } from '../common/deps';
import { links } from '../network/links';
import { enqueueMail } from './outbox';
import { getSettings } from '../organizer/settings';
import { issueToken } from '../common/tokens';

export const exchangeInfo = (e: Exchange): ExchangeInfo => ({
  name: e.name,
  description: e.description,
  exchangeAt: e.exchangeAt,
  timezone: e.timezone,
  location: e.location,
  budget: e.budget,
});

/** The match email, self-contained (giftee, ideas, budget, date, place) with a 24 h link. */
export function enqueueMatchMail(
  deps: Deps,
  exchange: Exchange,
  giver: Participant,
  receiver: Participant,
  options: { generation: string; changed: boolean },
): void {
  const token = issueToken(deps, giver.id, 'match');
  const input = {
    exchange: exchangeInfo(exchange),
    giverName: giver.name,
    receiverName: receiver.name,
    receiverGiftIdeas: receiver.giftIdeas,
    link: links.auth(deps, token),
    uid: `exchange-${exchange.id}-participant-${giver.id}@sneaky-klaus`,
    sentAt: deps.clock.now(),
  };
  const kind = options.changed ? 'assignment-changed' : 'match';
  enqueueMail(deps, {
    key: `${kind}:${exchange.id}:${options.generation}:${giver.id}`,
    kind,
    to: giver.email,
    exchangeId: exchange.id,
    participantId: giver.id,
    email: options.changed ? assignmentChangedEmail(input) : matchEmail(input),
  });
}

export function enqueueDrawDoneNotice(deps: Deps, exchange: Exchange, generation: string, participantCount: number): void {
  const organizer = getSettings(deps).organizer;
  if (!organizer) return;
  enqueueMail(deps, {
    key: `organizer-draw-done:${exchange.id}:${generation}`,
    kind: 'organizer-draw-done',
    to: organizer.email,
    exchangeId: exchange.id,
    participantId: null,
    email: drawDoneNotice({ exchange: exchangeInfo(exchange), organizerName: organizer.name, participantCount, queuedCount: participantCount }),
  });
}

/** Match emails of an exchange not yet sent are withdrawn (undo, re-draw). Returns how many were sent already. */
export function withdrawUnsentMatchMail(deps: Deps, exchangeId: number): { alreadySent: number } {
  const kinds = ['match', 'assignment-changed'];
  deps.db.run(
    deps.db.q
      .updateTable('email_outbox')
      .set({ status: 'cancelled' })
      .where('exchange_id', '=', exchangeId)
      .where('kind', 'in', kinds)
      .where('status', 'in', ['pending', 'failed']),
  );
  return { alreadySent: countSentMatchMail(deps, exchangeId) };
}

export function countSentMatchMail(deps: Deps, exchangeId: number): number {
  return (
    deps.db.first(
      deps.db.q
        .selectFrom('email_outbox')
        .select((eb) => eb.fn.count<number>('participant_id').distinct().as('n'))
        .where('exchange_id', '=', exchangeId)
        .where('kind', 'in', ['match', 'assignment-changed'])
        .where('status', 'in', ['sent', 'sending']),
    )?.n ?? 0
  );
}

/** Participants who have already been told an assignment (their email went out). */
export function notifiedParticipants(deps: Deps, exchangeId: number): Set<number> {
  const rows = deps.db.all(
    deps.db.q
      .selectFrom('email_outbox')
      .select('participant_id')
      .where('exchange_id', '=', exchangeId)
      .where('kind', 'in', ['match', 'assignment-changed'])
      .where('status', 'in', ['sent', 'sending']),
  );
  return new Set(rows.map((r) => r.participant_id).filter((id): id is number => id !== null));
}
