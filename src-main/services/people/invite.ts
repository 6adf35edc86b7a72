import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { DomainError } from '../../core/errors';
import type { Exchange, Participant } from '../../core/types';
import { getExchange } from '../../db/repos/exchanges';
import { findOutboxByKey } from '../../db/repos/outbox';
import { getParticipant, listParticipants, participantsWithWelcome } from '../../db/repos/participants';
import type { Deps } from '../common/deps';
import { enqueueMail } from '../mail/outbox';
import { smtpIsConfigured } from '../mail/smtp';

export type Invitation = 'registered' | 'invited' | 'none';

/** How a person got their first link: signed up themselves, got a welcome email, or nothing yet. */
export function invitationOf(p: Participant, welcomed: ReadonlySet<number>): Invitation {
  if (p.registeredAt !== null) return 'registered';
  return welcomed.has(p.id) ? 'invited' : 'none';
}

export function welcomedParticipants(deps: Deps, exchangeId: number): Set<number> {
  return participantsWithWelcome(deps.db, exchangeId);
}

/** Invitations make sense until names are drawn: after that the match email carries the link. */
function assertInvitable(exchange: Exchange): void {
  if (exchange.state === 'draft' || exchange.state === 'registration_open' || exchange.state === 'registration_closed') return;
  if (exchange.state === 'matched') {
    throw new DomainError('invalid_state', { key: 'error.invite.drawn' });
  }
  throw new DomainError('invalid_state', { key: 'error.invite.state', values: { state: exchange.state } });
}

const inviteKey = (participantId: number, requestId: string) => `invite:${participantId}:${requestId}`;

/**
 * "Invite these people": queues a welcome email with the person's own link (rendered when sent,
 * so the link is fresh and uses the public address of that moment), so that people added by hand
 * or from a CSV file can add gift ideas before the draw.
 *
 * Everyone at once leaves out people who already got a welcome (or are waiting for one) and
 * people who signed up themselves; one person is invited even then, as the organizer asked.
 * The outbox key holds the request's id, so the same request twice (a double click, a retry of a
 * lost answer) queues one email per person and answers the same both times.
 */
export function inviteParticipants(deps: Deps, input: ParsedInput<'participants.invite'>): OperationOutput<'participants.invite'> {
  const result = deps.db.transaction(() => {
    const exchange = getExchange(deps.db, input.exchangeId);
    assertInvitable(exchange);
    const welcomed = welcomedParticipants(deps, exchange.id);
    let people: Participant[];
    let alreadyInvited = 0;
    if (input.participantId !== undefined) {
      const person = getParticipant(deps.db, input.participantId);
      if (person.exchangeId !== exchange.id) throw new DomainError('not_found', { key: 'error.invite.stranger' });
      if (person.withdrawnAt !== null) throw new DomainError('invalid_state', { key: 'error.invite.left', values: { name: person.name } });
      if (person.email === '') throw new DomainError('invalid_state', { key: 'error.invite.noEmail', values: { name: person.name } });
      people = [person];
    } else {
      people = [];
      for (const p of listParticipants(deps.db, exchange.id)) {
        // Nobody to write to without an address: they are not counted as invited either.
        if (p.withdrawnAt !== null || p.email === '') continue;
        // Someone this very request already invited counts as invited by it (a repeated request).
        const thisRequest = findOutboxByKey(deps.db, inviteKey(p.id, input.requestId)) !== undefined;
        if (!thisRequest && invitationOf(p, welcomed) !== 'none') alreadyInvited++;
        else people.push(p);
      }
    }
    for (const p of people) {
      enqueueMail(deps, {
        key: inviteKey(p.id, input.requestId),
        kind: 'welcome',
        to: p.email,
        exchangeId: exchange.id,
        participantId: p.id,
        params: { invited: true },
      });
    }
    return { invited: people.length, alreadyInvited, participantIds: people.map((p) => p.id) };
  });
  if (result.invited > 0) deps.events.emit({ type: 'participants.changed', exchangeId: input.exchangeId });
  deps.log.info('participants invited', { exchangeId: input.exchangeId, invited: result.invited, alreadyInvited: result.alreadyInvited });
  return { ...result, smtpConfigured: smtpIsConfigured(deps) };
}
