import type { OperationOutput } from '../../contract/operations';
import { qrSvg } from '../../core/qr';
import { getExchange, updateExchange } from '../../db/repos/exchanges';
import { getParticipant } from '../../db/repos/participants';
import type { Deps } from '../common/deps';
import { newInviteCode, viewExchange } from '../exchanges/exchanges';
import { links } from '../network/links';
import { issueToken, TOKEN_TTL_MS } from '../common/tokens';
import { recordOrganizerAccess, requireConfirmation } from '../organizer/break-glass';

type LinkView = OperationOutput<'exchanges.inviteLink'>;

export async function inviteLink(deps: Deps, exchangeId: number): Promise<LinkView> {
  const url = links.invite(deps, getExchange(deps.db, exchangeId).inviteCode);
  return { url, qrSvg: await qrSvg(url, 'QR code of the invite link'), expiresAt: null };
}

/** A leaked invite link stops working; the new one is returned. */
export function replaceInviteCode(deps: Deps, exchangeId: number): OperationOutput<'exchanges.get'> {
  deps.db.transaction(() => {
    getExchange(deps.db, exchangeId);
    updateExchange(deps.db, exchangeId, { inviteCode: newInviteCode(deps), updatedAt: deps.clock.now() });
  });
  deps.events.emit({ type: 'exchange.changed', exchangeId });
  return viewExchange(deps, exchangeId);
}

/**
 * A participant's personal link (24 h, single use) for sending by chat when email fails. A new
 * one replaces the previous personal link, so a leaked one stops working. Whoever opens it sees
 * the participant's page, giftee included, so it is a break-glass: confirmed, recorded, told.
 */
export async function personalLink(deps: Deps, participantId: number, confirm: boolean): Promise<LinkView> {
  const participant = getParticipant(deps.db, participantId);
  requireConfirmation(confirm, { key: 'error.confirm.personalLink', values: { name: participant.name } });
  const token = deps.db.transaction(() => {
    recordOrganizerAccess(deps, getExchange(deps.db, participant.exchangeId), 'personal-link', participant);
    return issueToken(deps, participant.id, 'personal');
  });
  const url = links.auth(deps, token);
  return { url, qrSvg: await qrSvg(url, `QR code of ${participant.name}'s personal link`), expiresAt: deps.clock.now() + TOKEN_TTL_MS.personal };
}
