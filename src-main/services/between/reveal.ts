import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { DomainError } from '../../core/errors';
import { santaRevealed } from '../../core/santa-reveal';
import type { Exchange, Participant } from '../../core/types';
import { pairsOf } from '../../db/repos/conversations';
import { getExchange, updateExchange } from '../../db/repos/exchanges';
import { findParticipant, listParticipants } from '../../db/repos/participants';
import type { Deps } from '../common/deps';
import { viewExchange } from '../exchanges/exchanges';
import { enqueueMail } from '../mail/outbox';

/** The names of this participant's Santas when the exchange's reveal setting says they may know; else null. */
export function revealedSantas(deps: Deps, participant: Participant, exchange: Exchange): string[] | null {
  if (!santaRevealed(exchange, deps.clock.now())) return null;
  const names = pairsOf(deps.db, exchange.id, participant.id).givers.flatMap((id) => findParticipant(deps.db, id)?.name ?? []);
  return names.length > 0 ? names : null;
}

/**
 * "Reveal to everyone" (manual mode): from now on each participant's page names their Santa, and
 * when the exchange says so each gets an email. Not the organizer's own reveal of all pairs
 * (exchanges.reveal), which stays a separate, recorded action: this one shows the organizer nothing.
 */
export function revealSantas(deps: Deps, input: ParsedInput<'exchanges.revealSantas'>): OperationOutput<'exchanges.revealSantas'> {
  const now = deps.clock.now();
  deps.db.transaction(() => {
    const exchange = getExchange(deps.db, input.exchangeId);
    if (exchange.state !== 'matched' && exchange.state !== 'completed') throw new DomainError('invalid_state', { key: 'error.reveal.notDrawn' });
    if (exchange.santaReveal !== 'manual') {
      throw new DomainError('invalid_state', { key: 'error.reveal.notManual' });
    }
    if (exchange.santasRevealedAt !== null) return;
    updateExchange(deps.db, exchange.id, { santasRevealedAt: now, updatedAt: now });
    queueRevealMail(deps, { ...exchange, santasRevealedAt: now }, now);
    deps.events.emit({ type: 'exchange.changed', exchangeId: exchange.id });
  });
  return viewExchange(deps, input.exchangeId);
}

/**
 * Queues the reveal email for everyone still in, when the exchange asks for it and the Santas are
 * revealed as of `now`. Idempotent by outbox key (one per exchange, reveal moment and person).
 */
export function queueRevealMail(deps: Deps, exchange: Exchange, now: number): number {
  if (!exchange.santaRevealEmail || !santaRevealed(exchange, now)) return 0;
  const moment = exchange.santaReveal === 'manual' ? exchange.santasRevealedAt : exchange.exchangeAt;
  let queued = 0;
  for (const p of listParticipants(deps.db, exchange.id)) {
    if (p.withdrawnAt !== null) continue;
    const id = enqueueMail(deps, { key: `santa-reveal:${exchange.id}:${moment}:${p.id}`, kind: 'santa-reveal', to: p.email, exchangeId: exchange.id, participantId: p.id });
    if (id !== null) queued++;
  }
  return queued;
}
