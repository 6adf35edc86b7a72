import type { OperationOutput } from '../../contract/operations';
import { allowedActions, editableFields, editableGroups, lockedReason } from '../../core/exchange-state';
import { santaRevealAt } from '../../core/santa-reveal';
import { utcToLocal } from '../../core/time';
import type { Exchange } from '../../core/types';
import type { Translator } from '../../i18n';

export type ExchangeView = OperationOutput<'exchanges.get'>;

/** The organizer's view of an exchange: local times in its zone and what can be done now. */
/** `t`: the organizer's language, for the sentence saying what is locked. */
export function toExchangeView(e: Exchange, participantCount: number, t: Translator): ExchangeView {
  const locked = lockedReason(e.state);
  return {
    id: e.id,
    name: e.name,
    description: e.description,
    location: e.location,
    budget: e.budget,
    maxParticipants: e.maxParticipants,
    registrationDeadline: e.registrationDeadlineAt === null ? null : utcToLocal(e.registrationDeadlineAt, e.timezone),
    registrationDeadlineAt: e.registrationDeadlineAt,
    exchangeAt: utcToLocal(e.exchangeAt, e.timezone),
    exchangeAtUtc: e.exchangeAt,
    timezone: e.timezone,
    reminderDays: e.reminderDays,
    matchMode: e.matchMode,
    giftsPerPerson: e.giftsPerPerson,
    locale: e.locale,
    avoidPastExchanges: e.avoidPastExchanges,
    previousExchangeId: e.previousExchangeId,
    inviteCode: e.inviteCode,
    state: e.state,
    allowedActions: allowedActions(e.state),
    editable: editableGroups(e.state),
    editableFields: editableFields(e.state),
    lockedReason: locked === null ? null : t.text(locked),
    participantCount,
    drawnAt: e.drawnAt,
    drawMethod: e.drawMethod,
    completedAt: e.completedAt,
    cancelledAt: e.cancelledAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    santaReveal: e.santaReveal,
    santaRevealEmail: e.santaRevealEmail,
    santasRevealedAt: santaRevealAt(e),
  };
}
