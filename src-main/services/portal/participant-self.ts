import { DomainError, invalidField, notFound } from '../../core/errors';
import type { Exchange, Participant } from '../../core/types';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../../i18n';
import { DAY_MS } from '../../core/schedule';
import { getExchange } from '../../db/repos/exchanges';
import { exchangeById, organizerAccessOf, participantById, readTogether, receiversOf } from '../../db/repos/page-reads';
import { updateParticipant } from '../../db/repos/participants';
import { withdrawalNotice } from '../../mail/templates';
import type { Deps } from '../common/deps';
import { exchangeInfo } from '../mail/match-mail';
import { enqueueMail } from '../mail/outbox';
import { endParticipantSessions } from './sessions';
import { getSettings } from '../organizer/settings';
import { spliceOutParticipant } from '../draw/splice';
import { passesLinksOn } from '../people/participants';
import type { OrganizerAccess } from '../../db/repos/organizer-access';

type Shown = { name: string; giftIdeas: string };

/** `others`: the second and third giftee, when the exchange has several giftees each. */
export type Stage =
  { kind: 'waiting' } | { kind: 'matched'; receiver: Shown; others?: Shown[] } | { kind: 'completed'; receiver: Shown | null; others?: Shown[] } | { kind: 'cancelled' };

export interface ParticipantPage {
  exchange: Exchange;
  stage: Stage;
  deletionAt: number | null;
  /** Each time the organizer chose to see (or to be able to see) whom this person gives to. */
  organizerAccess: OrganizerAccess[];
}

/** The reads behind participantPage (no transaction of their own: see resumeSessionAnd). */
export interface ParticipantPageReads {
  exchange: Exchange;
  receiver: Participant | undefined;
  /** Every giftee in round order (the first is `receiver`); several with several giftees each. */
  receivers?: Participant[];
  organizerAccess: OrganizerAccess[];
}

export function readParticipantPage(deps: Deps, participant: Participant): ParticipantPageReads {
  const exchange = exchangeById(deps.db, participant.exchangeId);
  if (!exchange) throw notFound('exchange');
  const receivers = receiversOf(deps.db, exchange.id, participant.id).flatMap((id) => participantById(deps.db, id) ?? []);
  return {
    exchange,
    receiver: receivers[0],
    receivers,
    organizerAccess: organizerAccessOf(deps.db, participant.exchangeId, participant.id),
  };
}

/**
 * What the participant's own page shows; viewing a drawn assignment is recorded (not whom).
 * `reads`: readParticipantPage's answer when the caller already read it.
 */
export function participantPage(deps: Deps, participant: Participant, reads?: ParticipantPageReads): ParticipantPage {
  const { exchange, receiver, receivers, organizerAccess } = reads ?? readTogether(deps.db, () => readParticipantPage(deps, participant));
  const shown = receiver ? { name: receiver.name, giftIdeas: receiver.giftIdeas } : null;
  const others = (receivers ?? []).slice(1).map((r) => ({ name: r.name, giftIdeas: r.giftIdeas }));
  const more = others.length > 0 ? { others } : {};
  let stage: Stage;
  if (exchange.state === 'cancelled') stage = { kind: 'cancelled' };
  else if (exchange.state === 'completed') stage = { kind: 'completed', receiver: shown, ...more };
  else if (exchange.state === 'matched' && shown) stage = { kind: 'matched', receiver: shown, ...more };
  else stage = { kind: 'waiting' };
  if (stage.kind === 'matched' && participant.assignmentViewedAt === null) {
    updateParticipant(deps.db, participant.id, { assignmentViewedAt: deps.clock.now() });
    deps.events.emit({ type: 'participants.changed', exchangeId: exchange.id });
  }
  const ended = exchange.completedAt ?? exchange.cancelledAt;
  const deletionAt = (ended ?? exchange.exchangeAt) + getSettings(deps).retentionDays * DAY_MS;
  return { exchange, stage, deletionAt, organizerAccess };
}

export function saveGiftIdeas(deps: Deps, participant: Participant, giftIdeas: string): void {
  const exchange = getExchange(deps.db, participant.exchangeId);
  if (exchange.state === 'completed' || exchange.state === 'cancelled') {
    throw new DomainError('invalid_state', { key: 'error.self.ideasOver' });
  }
  updateParticipant(deps.db, participant.id, { giftIdeas, updatedAt: deps.clock.now() });
  deps.events.emit({ type: 'participants.changed', exchangeId: exchange.id });
}

export function saveReminders(deps: Deps, participant: Participant, enabled: boolean): void {
  updateParticipant(deps.db, participant.id, { remindersEnabled: enabled, updatedAt: deps.clock.now() });
  deps.events.emit({ type: 'participants.changed', exchangeId: participant.exchangeId });
}

/** The language a participant reads in: their own choice, else their exchange's. */
export function participantLocaleOf(deps: Deps, participant: Participant): Locale {
  return participant.locale ?? getExchange(deps.db, participant.exchangeId).locale;
}

/**
 * The participant's own language, for their page and every email from now on (emails are worded
 * when sent). Anything but one of ours is refused and nothing is saved.
 */
export function saveLocale(deps: Deps, participant: Participant, locale: unknown): Locale {
  if (!isLocale(locale)) {
    throw invalidField('locale', { key: 'error.language.unknown', values: { languages: LOCALES.map((l) => LOCALE_NAMES[l]).join(', ') } });
  }
  deps.db.transaction(() => {
    updateParticipant(deps.db, participant.id, { locale, updatedAt: deps.clock.now() });
    deps.events.emit({ type: 'participants.changed', exchangeId: participant.exchangeId });
  });
  return locale;
}

/**
 * Leaves the exchange. After the draw the loop is mended (their giver gets someone else) and the
 * organizer is told; all of it in one transaction, and the person's sessions end.
 */
export function withdraw(deps: Deps, participant: Participant): void {
  const now = deps.clock.now();
  deps.db.transaction(() => {
    const exchange = getExchange(deps.db, participant.exchangeId);
    if (exchange.state === 'completed' || exchange.state === 'cancelled') {
      throw new DomainError('invalid_state', { key: 'error.self.leaveOver' });
    }
    // Those whose link they pass on would be left with no way to learn their giftee.
    if (passesLinksOn(deps, exchange.id, participant.id)) throw new DomainError('conflict', { key: 'error.self.passesLinksOn' });
    const afterDraw = exchange.state === 'matched';
    const changed = afterDraw ? spliceOutParticipant(deps, exchange, participant.id).changedParticipantIds.length : 0;
    updateParticipant(deps.db, participant.id, { withdrawnAt: now, updatedAt: now });
    endParticipantSessions(deps, participant.id);
    const organizer = getSettings(deps).organizer;
    if (organizer) {
      enqueueMail(deps, {
        key: `organizer-withdrawal:${participant.id}:${now}`,
        kind: 'organizer-withdrawal',
        to: organizer.email,
        exchangeId: exchange.id,
        participantId: participant.id,
        email: withdrawalNotice({
          locale: getSettings(deps).locale,
          exchange: exchangeInfo(exchange),
          organizerName: organizer.name,
          participantName: participant.name,
          afterDraw,
          changedCount: changed,
          adminHint: deps.runtime.organizerUrl,
        }),
      });
    }
  });
  deps.events.emit({ type: 'participants.changed', exchangeId: participant.exchangeId });
}
