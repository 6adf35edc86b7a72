import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { DomainError, type Wording, notFound } from '../../core/errors';
import type { Exchange, Participant } from '../../core/types';
import { findExchange } from '../../db/repos/exchanges';
import { insertOrganizerAccess, listOrganizerAccessFor, type OrganizerAccess, type OrganizerAccessAction } from '../../db/repos/organizer-access';
import { exchangeRows, findOutboxRow } from '../../db/repos/outbox';
import { findParticipant, listParticipants } from '../../db/repos/participants';
import type { Deps } from '../common/deps';
import { enqueueMail, readMessage } from '../mail/outbox';

/**
 * Break-glass: every organizer action that shows (or can show) whom a participant gives to needs
 * an explicit `confirm: true`, is recorded, and the participant is told by email and on their
 * page. Without the confirmation the operation is refused with a sentence the screen can show
 * before asking again.
 */
export function requireConfirmation(confirm: boolean, message: Wording): void {
  if (!confirm) throw new DomainError('conflict', message, { details: { confirmationRequired: true } });
}

/** Records the access and queues one notice per participant concerned (all active ones for the reveal). */
export function recordOrganizerAccess(deps: Deps, exchange: Exchange, action: OrganizerAccessAction, participant: Participant | null): void {
  const at = deps.clock.now();
  deps.db.transaction(() => {
    insertOrganizerAccess(deps.db, exchange.id, { action, participantId: participant?.id ?? null, at });
    const told = participant ? [participant] : listParticipants(deps.db, exchange.id).filter((p) => p.withdrawnAt === null);
    for (const person of told) enqueueAccessNotice(deps, exchange, person, action, at);
  });
  deps.log.info('organizer break-glass', { exchangeId: exchange.id, participantId: participant?.id ?? null, action });
}

/** Worded when sent (services/mail/render), in the person's language and to their address as they are then. */
function enqueueAccessNotice(deps: Deps, exchange: Exchange, participant: Participant, action: OrganizerAccessAction, at: number): void {
  enqueueMail(deps, {
    key: `organizer-access:${action}:${participant.id}:${at}`,
    kind: 'organizer-access',
    to: participant.email,
    exchangeId: exchange.id,
    participantId: participant.id,
    params: { action, at },
  });
}

/**
 * An address corrected while notices wait (or after one failed at the old address): the relay
 * withdraws what was written to the old address, so each goes again to the new one; otherwise the
 * person would hear of the look only on their page.
 */
export function readdressAccessNotices(deps: Deps, participant: Participant, email: string): void {
  const unsent = exchangeRows(deps.db, participant.exchangeId, ['organizer-access'], ['pending', 'failed']);
  for (const row of unsent) {
    if (row.participantId !== participant.id || row.to === email) continue;
    enqueueMail(deps, { key: `${row.idempotencyKey}:${email}`, kind: row.kind, to: email, exchangeId: row.exchangeId, participantId: participant.id, params: row.params });
  }
}

/** The notes on a participant's page: when the organizer looked, and how. */
export function organizerAccessFor(deps: Deps, participant: Participant): OrganizerAccess[] {
  return listOrganizerAccessFor(deps.db, participant.exchangeId, participant.id);
}

/**
 * `outbox.get`: an email that names a giftee shows its text only with `showPrivate` and `confirm`,
 * and that reading is a recorded break-glass for the email's recipient.
 */
export function readOutboxMessage(deps: Deps, input: ParsedInput<'outbox.get'>): OperationOutput<'outbox.get'> {
  const blind = readMessage(deps, input.id, false);
  if (!input.showPrivate || !blind.hidden) return blind;
  const row = findOutboxRow(deps.db, input.id);
  if (!row) throw notFound('message');
  const recipient = row.participantId === null ? undefined : findParticipant(deps.db, row.participantId);
  const exchange = row.exchangeId === null ? undefined : findExchange(deps.db, row.exchangeId);
  requireConfirmation(input.confirm, recipient ? { key: 'error.confirm.readEmail', values: { name: recipient.name } } : { key: 'error.confirm.readEmailNoName' });
  if (recipient && exchange) recordOrganizerAccess(deps, exchange, 'private-email', recipient);
  return readMessage(deps, input.id, true);
}
