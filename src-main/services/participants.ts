import type { OperationOutput, ParsedInput } from '../contract/operations';
import { normaliseEmail } from '../core/email';
import { DomainError, invalidField } from '../core/errors';
import { assertEditable } from '../core/exchange-state';
import type { Exchange, Participant } from '../core/types';
import { activeParticipantCounts, getExchange } from '../db/repos/exchanges';
import {
  deleteParticipant,
  findParticipantByEmail,
  getParticipant,
  householdOfParticipants,
  insertParticipant,
  listParticipants,
  updateParticipant,
} from '../db/repos/participants';
import type { Deps } from './deps';

export type ParticipantView = OperationOutput<'participants.add'>;

function toView(p: Participant, householdId: number | null): ParticipantView {
  return {
    id: p.id,
    exchangeId: p.exchangeId,
    name: p.name,
    email: p.email,
    giftIdeas: p.giftIdeas,
    remindersEnabled: p.remindersEnabled,
    isOrganizer: p.isOrganizer,
    emailConfirmed: p.emailConfirmedAt !== null,
    assignmentViewed: p.assignmentViewedAt !== null,
    withdrawn: p.withdrawnAt !== null,
    householdId,
    createdAt: p.createdAt,
  };
}

export function listParticipantViews(deps: Deps, exchangeId: number): ParticipantView[] {
  getExchange(deps.db, exchangeId);
  const households = householdOfParticipants(deps.db, exchangeId);
  return listParticipants(deps.db, exchangeId).map((p) => toView(p, households.get(p.id) ?? null));
}

function viewParticipant(deps: Deps, id: number): ParticipantView {
  const p = getParticipant(deps.db, id);
  return toView(p, householdOfParticipants(deps.db, p.exchangeId).get(id) ?? null);
}

/** Before the draw only; late additions go through matching's splice. */
function assertRosterOpen(exchange: Exchange): void {
  assertEditable(exchange.state, 'participants');
  if (exchange.state === 'matched') {
    throw new DomainError('invalid_state', 'Names were already drawn. Undo the draw to change who takes part.');
  }
}

export function checkedEmail(raw: string, path = 'email'): string {
  const result = normaliseEmail(raw);
  if (!result.ok) throw invalidField(path, result.message);
  return result.email;
}

export function addParticipant(deps: Deps, input: ParsedInput<'participants.add'>): ParticipantView {
  const now = deps.clock.now();
  const email = checkedEmail(input.email);
  const id = deps.db.transaction(() => {
    const exchange = getExchange(deps.db, input.exchangeId);
    assertRosterOpen(exchange);
    if (findParticipantByEmail(deps.db, exchange.id, email)) {
      throw new DomainError('conflict', `${email} is already taking part in this exchange.`, {
        issues: [{ path: 'email', message: 'Someone with this email is already taking part.' }],
      });
    }
    const active = activeParticipantCounts(deps.db).get(exchange.id) ?? 0;
    if (exchange.maxParticipants !== null && active >= exchange.maxParticipants) {
      throw new DomainError('conflict', `This exchange is full (${exchange.maxParticipants} people). Raise the limit first.`);
    }
    return insertParticipant(deps.db, { ...input, email, now });
  });
  deps.events.emit({ type: 'participants.changed', exchangeId: input.exchangeId });
  return viewParticipant(deps, id);
}

export function updateParticipantDetails(deps: Deps, { participantId, patch }: ParsedInput<'participants.update'>): ParticipantView {
  const now = deps.clock.now();
  const email = patch.email === undefined ? undefined : checkedEmail(patch.email);
  const exchangeId = deps.db.transaction(() => {
    const participant = getParticipant(deps.db, participantId);
    const exchange = getExchange(deps.db, participant.exchangeId);
    assertEditable(exchange.state, 'details');
    if (email !== undefined && email !== participant.email && findParticipantByEmail(deps.db, exchange.id, email)) {
      throw new DomainError('conflict', `${email} is already taking part in this exchange.`, {
        issues: [{ path: 'email', message: 'Someone with this email is already taking part.' }],
      });
    }
    updateParticipant(deps.db, participantId, { ...patch, ...(email !== undefined && { email }), updatedAt: now });
    return exchange.id;
  });
  deps.events.emit({ type: 'participants.changed', exchangeId });
  return viewParticipant(deps, participantId);
}

/** Deletes the participant and, by cascade, their rules, tokens, sessions and queued mail. */
export function removeParticipant(deps: Deps, participantId: number): { done: true } {
  const exchangeId = deps.db.transaction(() => {
    const participant = getParticipant(deps.db, participantId);
    assertRosterOpen(getExchange(deps.db, participant.exchangeId));
    deleteParticipant(deps.db, participantId);
    return participant.exchangeId;
  });
  deps.events.emit({ type: 'participants.changed', exchangeId });
  return { done: true };
}
