import type { ParsedInput } from '../../contract/operations';
import { DomainError, invalidField } from '../../core/errors';
import { assertEditable, EXCHANGE_FIELD_GROUPS, nextState, type ExchangeAction } from '../../core/exchange-state';
import { localToUtc, utcToLocal, yearIn } from '../../core/time';
import { randomToken } from '../../core/tokens';
import { minimumGroupSize } from '../../core/matching';
import type { Exchange, MatchMode } from '../../core/types';
import { activeParticipantCount, activeParticipantCounts, findExchange, getExchange, insertExchange, listExchanges, updateExchange } from '../../db/repos/exchanges';
import { beginExchangeUpdate } from '../mail/match-mail';
import { raiseIcsSequence } from '../../db/repos/outbox';
import { markToldNoticesDue, queueToldNotices } from '../draw/told-notices';
import type { Deps } from '../common/deps';
import { toExchangeView, type ExchangeView } from './exchange-view';
import { getSettings, installationSecret, organizerTranslator } from '../organizer/settings';
import { nextTurn } from '../common/slices';
import { movePairHistory } from '../../db/repos/matches';
import { exchangeKey } from '../draw/history';
import { replaceBackupsAfterDeletion } from '../organizer/backups';
import { deleteExchangeInSlices, scrubWal } from '../jobs/purge';

/** Unguessable (≥ 96 bits): the code is the only key to the invite page; 16 bytes = 128 bits, 22 URL-safe characters. */
export const newInviteCode = (deps: Deps): string => randomToken(deps.random, 16);

export function listExchangeViews(deps: Deps) {
  const counts = activeParticipantCounts(deps.db);
  const t = organizerTranslator(deps);
  return listExchanges(deps.db).map((e) => {
    const v = toExchangeView(e, counts.get(e.id) ?? 0, t);
    return { id: v.id, name: v.name, state: v.state, exchangeAt: v.exchangeAt, exchangeAtUtc: v.exchangeAtUtc, timezone: v.timezone, participantCount: v.participantCount };
  });
}

export function viewExchange(deps: Deps, exchangeId: number): ExchangeView {
  const exchange = getExchange(deps.db, exchangeId);
  return toExchangeView(exchange, activeParticipantCount(deps.db, exchangeId), organizerTranslator(deps));
}

/** The match mode as the refusal's select reads it. */
const MODE_SELECT: Record<MatchMode, string> = { 'single-loop': 'loop', 'no-mutual': 'noMutual', any: 'any' };

/**
 * Several giftees each need a bigger group (the engine's minimum per mode): refused at once when the
 * exchange's own limit on participants already rules the draw out. Fewer people than that at the
 * draw are reported by the draw check.
 */
function assertGroupCanBeDrawn(mode: MatchMode, giftsPerPerson: number, maxParticipants: number | null): void {
  const minimum = minimumGroupSize(mode, giftsPerPerson);
  if (maxParticipants === null || maxParticipants >= minimum || giftsPerPerson === 1) return;
  throw invalidField('giftsPerPerson', { key: 'error.exchange.tooSmallForGifts', values: { gifts: giftsPerPerson, mode: MODE_SELECT[mode], minimum, max: maxParticipants } });
}

export function createExchange(deps: Deps, input: ParsedInput<'exchanges.create'>): ExchangeView {
  const now = deps.clock.now();
  const settings = getSettings(deps);
  const timezone = input.timezone ?? settings.timezone;
  const schedule = resolveSchedule(input.exchangeAt, input.registrationDeadline, timezone, now);
  const id = deps.db.transaction(() => {
    assertGroupCanBeDrawn(input.matchMode, input.giftsPerPerson, input.maxParticipants);
    if (input.previousExchangeId !== null && !findExchange(deps.db, input.previousExchangeId)) {
      throw invalidField('previousExchangeId', { key: 'error.exchange.previousGone' });
    }
    return insertExchange(deps.db, {
      name: input.name,
      description: input.description,
      location: input.location,
      budget: input.budget,
      maxParticipants: input.maxParticipants,
      registrationDeadlineAt: schedule.registrationDeadlineAt,
      exchangeAt: schedule.exchangeAt,
      timezone,
      reminderDays: input.reminderDays ?? settings.reminderDays,
      matchMode: input.matchMode,
      giftsPerPerson: input.giftsPerPerson,
      locale: input.locale ?? settings.locale,
      avoidPastExchanges: input.avoidPastExchanges,
      previousExchangeId: input.previousExchangeId,
      inviteCode: newInviteCode(deps),
      state: 'draft',
      drawnAt: null,
      drawMethod: null,
      historyKey: randomToken(deps.random, 16),
      revealedAt: null,
      completedAt: null,
      cancelledAt: null,
      purgeWarnedAt: null,
      createdAt: now,
      updatedAt: now,
      santaReveal: input.santaReveal,
      santaRevealEmail: input.santaRevealEmail,
      santasRevealedAt: null,
    });
  });
  deps.events.emit({ type: 'exchange.changed', exchangeId: id });
  return viewExchange(deps, id);
}

/**
 * Saves the organizer's changes. People who know their match hear of a new date, time or place
 * (the .ics moves the event): marked due in the commit, queued after it in slices (told-notices).
 */
export async function updateExchangeDetails(deps: Deps, { exchangeId, patch }: ParsedInput<'exchanges.update'>): Promise<ExchangeView> {
  const now = deps.clock.now();
  const noticeStamp = deps.db.transaction((): number | null => {
    const current = getExchange(deps.db, exchangeId);
    const keys = (Object.keys(patch) as Array<keyof typeof patch>).filter((k) => patch[k] !== undefined);
    for (const key of keys) assertEditable(current.state, EXCHANGE_FIELD_GROUPS[key]);

    const changes: Partial<Exchange> = { updatedAt: now };
    const { exchangeAt, registrationDeadline, timezone, previousExchangeId, ...plain } = patch;
    Object.assign(changes, Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)));

    if (exchangeAt !== undefined || registrationDeadline !== undefined || timezone !== undefined) {
      // A changed zone keeps the wall-clock times the organizer sees, unless new ones are given.
      const zone = timezone ?? current.timezone;
      const localExchange = exchangeAt ?? utcToLocal(current.exchangeAt, current.timezone);
      const localDeadline =
        registrationDeadline !== undefined ? registrationDeadline : current.registrationDeadlineAt === null ? null : utcToLocal(current.registrationDeadlineAt, current.timezone);
      const deadlineMatters = current.state === 'draft' || current.state === 'registration_open';
      const schedule = resolveSchedule(localExchange, deadlineMatters ? localDeadline : null, zone, now);
      changes.timezone = zone;
      changes.exchangeAt = schedule.exchangeAt;
      changes.registrationDeadlineAt = deadlineMatters ? schedule.registrationDeadlineAt : localDeadline === null ? null : localToUtc(localDeadline, zone, 'registrationDeadline');
    }
    if (previousExchangeId !== undefined) {
      if (previousExchangeId === exchangeId) throw invalidField('previousExchangeId', { key: 'error.exchange.followsItself' });
      if (previousExchangeId !== null && !findExchange(deps.db, previousExchangeId)) {
        throw invalidField('previousExchangeId', { key: 'error.exchange.previousGone' });
      }
      changes.previousExchangeId = previousExchangeId;
    }
    if (patch.maxParticipants != null) {
      const active = activeParticipantCount(deps.db, exchangeId);
      if (patch.maxParticipants < active) {
        throw invalidField('maxParticipants', { key: 'error.exchange.limitBelowJoined', values: { count: active } });
      }
    }
    const next = { ...current, ...changes };
    if (patch.giftsPerPerson !== undefined || patch.matchMode !== undefined || patch.maxParticipants !== undefined) {
      assertGroupCanBeDrawn(next.matchMode, next.giftsPerPerson, next.maxParticipants);
    }
    updateExchange(deps.db, exchangeId, changes);
    // A drawn exchange's pairs stay in order among "the last N exchanges" when its date moves.
    if (changes.exchangeAt !== undefined && changes.exchangeAt !== current.exchangeAt) {
      movePairHistory(deps.db, exchangeKey(installationSecret(deps), current), changes.exchangeAt, yearIn(changes.exchangeAt, changes.timezone ?? current.timezone));
    }
    const moved = (changes.exchangeAt !== undefined && changes.exchangeAt !== current.exchangeAt) || (changes.location !== undefined && changes.location !== current.location);
    if (current.state !== 'matched' || !moved) return null;
    const stamp = beginExchangeUpdate(deps, exchangeId);
    markToldNoticesDue(deps, exchangeId, 'exchange-updated', stamp);
    return stamp;
  });
  deps.events.emit({ type: 'exchange.changed', exchangeId });
  if (noticeStamp !== null) await queueToldNotices(deps, exchangeId, 'exchange-updated', noticeStamp);
  return viewExchange(deps, exchangeId);
}

/**
 * open, unpublish, close, reopen, cancel. Draw and undo live with matching. A cancellation commits
 * at once (from then on no page shows a match and the relay sends nothing of the exchange but the
 * cancellation); the notices to the people told and the withdrawal of unsent mail follow in slices
 * (10 000 people in one transaction would freeze the app), resumed after a crash (told-notices).
 */
export async function transitionExchange(deps: Deps, { exchangeId, action }: ParsedInput<'exchanges.transition'>): Promise<ExchangeView> {
  const now = deps.clock.now();
  const cancelStamp = deps.db.transaction(() => {
    const current = getExchange(deps.db, exchangeId);
    const state = nextState(current.state, action as ExchangeAction);
    if (action === 'open' || action === 'reopen') assertOpenable(current, now);
    updateExchange(deps.db, exchangeId, {
      state,
      updatedAt: now,
      ...(action === 'cancel' && { cancelledAt: now }),
    });
    if (action !== 'cancel') return null;
    // People who were told their match get the calendar cancellation, under the raised sequence.
    const stamp = raiseIcsSequence(deps.db, exchangeId);
    markToldNoticesDue(deps, exchangeId, 'exchange-cancelled', stamp);
    return stamp;
  });
  deps.events.emit({ type: 'exchange.changed', exchangeId });
  if (cancelStamp !== null) await queueToldNotices(deps, exchangeId, 'exchange-cancelled', cancelStamp);
  return viewExchange(deps, exchangeId);
}

/**
 * Deletes the exchange and every row that names its people, with the same scrub as the scheduled
 * purge: the file is rewritten, the WAL emptied, and earlier backups (which still hold the people)
 * replaced by a fresh one.
 */
export async function removeExchange(deps: Deps, exchangeId: number): Promise<{ done: true }> {
  const current = getExchange(deps.db, exchangeId);
  if (!['draft', 'cancelled', 'completed'].includes(current.state)) {
    throw new DomainError('invalid_state', { key: 'error.exchange.cancelFirst' });
  }
  await deleteExchangeInSlices(deps, exchangeId);
  await nextTurn();
  scrubWal(deps);
  deps.events.emit({ type: 'exchange.deleted', exchangeId });
  await replaceBackupsAfterDeletion(deps);
  return { done: true };
}

function assertOpenable(exchange: Exchange, now: number): void {
  if (exchange.exchangeAt <= now) {
    throw new DomainError('invalid_state', { key: 'error.exchange.openPast' });
  }
  if (exchange.registrationDeadlineAt !== null && exchange.registrationDeadlineAt <= now) {
    throw new DomainError('invalid_state', { key: 'error.exchange.openDeadlinePast' });
  }
}

function resolveSchedule(exchangeAtLocal: string, deadlineLocal: string | null, zone: string, now: number) {
  const exchangeAt = localToUtc(exchangeAtLocal, zone, 'exchangeAt');
  if (exchangeAt <= now) throw invalidField('exchangeAt', { key: 'error.exchange.datePast' });
  if (deadlineLocal === null) return { exchangeAt, registrationDeadlineAt: null };
  const registrationDeadlineAt = localToUtc(deadlineLocal, zone, 'registrationDeadline');
  if (registrationDeadlineAt >= exchangeAt) {
    throw invalidField('registrationDeadline', { key: 'error.exchange.deadlineAfterDate' });
  }
  if (registrationDeadlineAt <= now) throw invalidField('registrationDeadline', { key: 'error.exchange.deadlinePast' });
  return { exchangeAt, registrationDeadlineAt };
}
