import { registrationRefusal } from '../../core/exchange-state';
import { sha256Hex } from '../../core/tokens';
import type { Participant } from '../../core/types';
import type { Locale } from '../../i18n';
import { activeParticipantCount, findExchange, findExchangeByInviteCode } from '../../db/repos/exchanges';
import { findParticipant, updateParticipant } from '../../db/repos/participants';
import type { Deps } from '../common/deps';
import { REUSABLE_PURPOSES, type PendingProfile, type TokenPurpose } from '../common/tokens';
import { linkMailGate, mailSignInLinks } from './link-mail';
import { createSession } from './sessions';

export type RedeemResult = { kind: 'ok'; sessionToken: string; participant: Participant } | { kind: 'expired' | 'used' | 'unknown' };

/**
 * Spends a link token exactly once (the UPDATE only matches an unused, unexpired token, inside one
 * synchronous transaction, so two concurrent POSTs cannot both win) and starts a fresh session.
 * An emailed link proves the address; a personal link does not (the organizer made it and may
 * have opened it), so only the former marks the email confirmed. Card and hand-over links are
 * not spent (REUSABLE_PURPOSES): they are the only way in for someone without email.
 */
export function redeemToken(deps: Deps, token: string): RedeemResult {
  if (token.length === 0 || token.length > 100) return { kind: 'unknown' };
  const now = deps.clock.now();
  const hash = sha256Hex(token);
  const result = deps.db.transaction((): RedeemResult => {
    const row = deps.db.first(deps.db.q.selectFrom('magic_tokens').selectAll().where('token_hash', '=', hash));
    if (!row) return { kind: 'unknown' };
    if (row.used_at !== null) return { kind: 'used' };
    if (row.expires_at <= now) return { kind: 'expired' };
    const reusable = REUSABLE_PURPOSES.has(row.purpose as TokenPurpose);
    if (!reusable) {
      const spent = deps.db.run(deps.db.q.updateTable('magic_tokens').set({ used_at: now }).where('id', '=', row.id).where('used_at', 'is', null));
      if (spent.changes !== 1) return { kind: 'used' };
    }
    let participant = findParticipant(deps.db, row.participant_id);
    if (!participant || !findExchange(deps.db, participant.exchangeId)) return { kind: 'unknown' };
    if (row.pending_profile !== null && participant.withdrawnAt !== null) {
      if (!rejoin(deps, participant, JSON.parse(row.pending_profile) as PendingProfile, now)) return { kind: 'expired' };
      participant = findParticipant(deps.db, participant.id)!;
    }
    if (participant.withdrawnAt !== null) return { kind: 'unknown' };
    if (participant.emailConfirmedAt === null && row.purpose !== 'personal' && !reusable && participant.email !== '') {
      updateParticipant(deps.db, participant.id, { emailConfirmedAt: now });
    }
    return { kind: 'ok', sessionToken: createSession(deps, participant), participant };
  });
  return result;
}

/**
 * What a link is, without spending it: the page a link opens can say at once that it was used or
 * has expired (and offer a fresh one) instead of a Continue button that would only fail.
 */
export function peekToken(deps: Deps, token: string): 'valid' | 'used' | 'expired' | 'unknown' {
  if (token.length === 0 || token.length > 100) return 'unknown';
  const row = deps.db.first(deps.db.q.selectFrom('magic_tokens').select(['used_at', 'expires_at', 'participant_id']).where('token_hash', '=', sha256Hex(token)));
  if (!row) return 'unknown';
  if (row.used_at !== null) return 'used';
  if (row.expires_at <= deps.clock.now()) return 'expired';
  return findParticipant(deps.db, row.participant_id) ? 'valid' : 'unknown';
}

/**
 * The language of the person a link belongs to (their own, else their exchange's), for the page
 * the link opens when the browser names none of ours; null for a link we do not know.
 */
export function tokenLocale(deps: Deps, token: string): Locale | null {
  if (token.length === 0 || token.length > 100) return null;
  const row = deps.db.first(deps.db.q.selectFrom('magic_tokens').select(['participant_id', 'pending_profile']).where('token_hash', '=', sha256Hex(token)));
  const participant = row && findParticipant(deps.db, row.participant_id);
  if (!participant) return null;
  // A link that brings someone back speaks the language they signed up again in, as their welcome did.
  const pending = row.pending_profile !== null && participant.withdrawnAt !== null ? (JSON.parse(row.pending_profile) as PendingProfile) : null;
  const own = pending?.locale !== undefined ? pending.locale : participant.locale;
  return own ?? findExchange(deps.db, participant.exchangeId)?.locale ?? null;
}

/** A withdrawn participant comes back with what they asked for, if there is still room. */
function rejoin(deps: Deps, participant: Participant, profile: PendingProfile, now: number): boolean {
  const exchange = findExchange(deps.db, participant.exchangeId)!;
  if (registrationRefusal(exchange, activeParticipantCount(deps.db, exchange.id), now) !== null) return false;
  updateParticipant(deps.db, participant.id, {
    withdrawnAt: null,
    name: profile.name,
    giftIdeas: profile.giftIdeas,
    remindersEnabled: profile.reminders,
    ...(profile.locale !== undefined && { locale: profile.locale }),
    emailConfirmedAt: now,
    updatedAt: now,
  });
  deps.events.emit({ type: 'participants.changed', exchangeId: exchange.id });
  return true;
}

/**
 * "Email me a login link": one link per exchange the address takes part in (or only the one of
 * the given invite code). Says nothing about whether the address is known; transports call it
 * after answering (see afterResponse), so neither the answer nor its timing depends on it.
 */
export function sendLoginLinks(deps: Deps, email: string, inviteCode: string | null, purpose: 'login' | 'welcome' = 'login'): void {
  const only = inviteCode ? findExchangeByInviteCode(deps.db, inviteCode) : undefined;
  deps.db.transaction(() => {
    const mayMail = linkMailGate(deps, email);
    let query = deps.db.q.selectFrom('participants').select('id').where('email', '=', email).where('withdrawn_at', 'is', null);
    if (only) query = query.where('exchange_id', '=', only.id);
    // One email per exchange: people sharing the address get a link each in it.
    const byExchange = new Map<number, Participant[]>();
    for (const { id } of deps.db.all(query.orderBy('id'))) {
      const participant = findParticipant(deps.db, id)!;
      if (mayMail(participant.id)) byExchange.set(participant.exchangeId, [...(byExchange.get(participant.exchangeId) ?? []), participant]);
    }
    for (const [exchangeId, people] of byExchange) {
      const exchange = findExchange(deps.db, exchangeId)!;
      if (exchange.state === 'completed' || exchange.state === 'cancelled') continue;
      mailSignInLinks(deps, exchange, people, purpose);
    }
  });
}
