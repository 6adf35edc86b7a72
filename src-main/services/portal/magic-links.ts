import { randomToken, sha256Hex } from '../../core/tokens';
import type { Participant } from '../../core/types';
import { findExchange, findExchangeByInviteCode } from '../../db/repos/exchanges';
import { findParticipant, updateParticipant } from '../../db/repos/participants';
import type { Deps } from '../common/deps';
import { enqueueMail } from '../mail/outbox';
import { createSession } from './sessions';

export type RedeemResult = { kind: 'ok'; sessionToken: string; participant: Participant } | { kind: 'expired' | 'used' | 'unknown' };

/**
 * Spends a link token exactly once (the UPDATE only matches an unused, unexpired token, inside one
 * synchronous transaction, so two concurrent POSTs cannot both win) and starts a fresh session.
 */
export function redeemToken(deps: Deps, token: string): RedeemResult {
  if (token.length === 0 || token.length > 100) return { kind: 'unknown' };
  const now = deps.clock.now();
  const hash = sha256Hex(token);
  return deps.db.transaction(() => {
    const row = deps.db.first(deps.db.q.selectFrom('magic_tokens').selectAll().where('token_hash', '=', hash));
    if (!row) return { kind: 'unknown' as const };
    if (row.used_at !== null) return { kind: 'used' as const };
    if (row.expires_at <= now) return { kind: 'expired' as const };
    const spent = deps.db.run(deps.db.q.updateTable('magic_tokens').set({ used_at: now }).where('id', '=', row.id).where('used_at', 'is', null));
    if (spent.changes !== 1) return { kind: 'used' as const };
    const participant = findParticipant(deps.db, row.participant_id);
    if (!participant || participant.withdrawnAt !== null || !findExchange(deps.db, participant.exchangeId)) return { kind: 'unknown' as const };
    if (participant.emailConfirmedAt === null) updateParticipant(deps.db, participant.id, { emailConfirmedAt: now });
    return { kind: 'ok' as const, sessionToken: createSession(deps, participant), participant };
  });
}

/**
 * "Email me a login link": one link per exchange the address takes part in (or only the one of
 * the given invite code). Says nothing about whether the address is known.
 */
export function sendLoginLinks(deps: Deps, email: string, inviteCode: string | null, purpose: 'login' | 'welcome' = 'login'): void {
  const only = inviteCode ? findExchangeByInviteCode(deps.db, inviteCode) : undefined;
  deps.db.transaction(() => {
    let query = deps.db.q.selectFrom('participants').select('id').where('email', '=', email).where('withdrawn_at', 'is', null);
    if (only) query = query.where('exchange_id', '=', only.id);
    for (const { id } of deps.db.all(query)) {
      const participant = findParticipant(deps.db, id)!;
      const exchange = findExchange(deps.db, participant.exchangeId)!;
      if (exchange.state === 'completed' || exchange.state === 'cancelled') continue;
      // The link (and its token) is made when the email is sent, so it is fresh and points at the
      // public address of that moment.
      enqueueMail(deps, {
        key: `login:${participant.id}:${randomToken(deps.random, 8)}`,
        kind: 'magic-link',
        to: participant.email,
        exchangeId: exchange.id,
        participantId: participant.id,
        params: { purpose },
      });

    }
  });
}
