import { BETWEEN_LIMITS } from '../../contract/values';
import { DomainError } from '../../core/errors';
import type { Exchange, Participant } from '../../core/types';
import { pairsOf } from '../../db/repos/conversations';
import { getExchange } from '../../db/repos/exchanges';
import { findParticipant } from '../../db/repos/participants';
import { deletePrivateAddress, findPrivateAddress, savePrivateAddress } from '../../db/repos/private-addresses';
import type { Deps } from '../common/deps';
import type { Text } from '../../i18n';
import { english } from '../../core/errors';

/** A refusal: its catalogue text, and its English (`message`). */
const refused = (text: Text) => ({ ok: false as const, text, message: english(text) });

/** An address as typed, tidied (trimmed lines, no blank runs), or why it cannot be kept. */
export function checkAddress(raw: string): { ok: true; address: string } | { ok: false; message: string; text: Text } {
  const address = raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (address.length > BETWEEN_LIMITS.address) return refused({ key: 'error.address.tooLong', values: { max: BETWEEN_LIMITS.address } });
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(address)) return refused({ key: 'error.address.control' });
  return { ok: true, address };
}

/**
 * Keeps (or, when empty, removes) the participant's postal address. Only their Santa ever sees it;
 * the organizer's screens learn only that one was given.
 */
export function saveAddress(deps: Deps, participant: Participant, address: string, inMatchEmail: boolean): void {
  deps.db.transaction(() => {
    const exchange = getExchange(deps.db, participant.exchangeId);
    if (exchange.state === 'completed' || exchange.state === 'cancelled') throw new DomainError('invalid_state', { key: 'error.address.over' });
    if (address === '') deletePrivateAddress(deps.db, participant.id);
    else savePrivateAddress(deps.db, { participantId: participant.id, address, inMatchEmail, updatedAt: deps.clock.now() });
    deps.events.emit({ type: 'participants.changed', exchangeId: exchange.id });
  });
}

export function ownAddress(deps: Deps, participant: Participant): { address: string; inMatchEmail: boolean } | null {
  const found = findPrivateAddress(deps.db, participant.id);
  return found ? { address: found.address, inMatchEmail: found.inMatchEmail } : null;
}

/** The addresses of the people this participant gives to (as their Santa), while drawn. */
export function gifteeAddresses(deps: Deps, participant: Participant, exchange: Exchange = getExchange(deps.db, participant.exchangeId)): Array<{ name: string; address: string }> {
  if (exchange.state !== 'matched' && exchange.state !== 'completed') return [];
  return pairsOf(deps.db, exchange.id, participant.id).receivers.flatMap((id) => {
    const address = findPrivateAddress(deps.db, id);
    const receiver = findParticipant(deps.db, id);
    return address && receiver ? [{ name: receiver.name, address: address.address }] : [];
  });
}
