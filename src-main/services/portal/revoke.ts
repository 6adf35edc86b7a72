import type { Deps } from '../common/deps';
import { REUSABLE_PURPOSES, type TokenPurpose } from '../common/tokens';
import { endParticipantSessions } from './sessions';

/**
 * The way a person's links reach them changed (an address corrected, someone else passing their
 * link on, a card instead): whatever went the old way stops working. Their sessions end, since one
 * may be a stranger's, opened through a mistyped address; their links of those purposes are
 * deleted, reusable ones (a card, a link passed on) even when already used.
 */
export function revokeOldWay(deps: Deps, participantId: number, purposes: readonly TokenPurpose[]): void {
  endParticipantSessions(deps, participantId);
  if (purposes.length === 0) return;
  deps.db.run(
    deps.db.q
      .deleteFrom('magic_tokens')
      .where('participant_id', '=', participantId)
      .where('purpose', 'in', [...purposes])
      .where((eb) => eb.or([eb('used_at', 'is', null), eb('purpose', 'in', [...REUSABLE_PURPOSES])])),
  );
}

/**
 * At the draw, links the organizer held before it (copied from an outbox preview or made as a
 * personal link, when they named no giftee yet) stop working: after the draw they would open the
 * person's giftee without the record a personal link made then leaves. Likewise at a re-draw: a
 * personal link made for the old draw would open the new giftee under the old draw's record.
 * Call inside the draw's or the re-draw's commit.
 */
export function revokeOrganizerHeldLinks(deps: Deps, exchangeId: number): void {
  deps.db
    .prepared("delete from magic_tokens where purpose = 'personal' and used_at is null and participant_id in (select id from participants where exchange_id = ?)")
    .run(exchangeId);
}
